import pytest
from django.core.management import call_command
from django.urls import reverse

from checklists.models import ChecklistItem

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def content():
    call_command("load_content", verbosity=0)


@pytest.mark.parametrize(
    "model", ["source", "checklist", "checklistitem", "channel", "guidelinetemplate", "kpibenchmark"]
)
def test_changelists_open(admin_client, model):
    assert admin_client.get(reverse(f"admin:checklists_{model}_changelist")).status_code == 200


def test_saving_an_item_in_the_admin_marks_it_curated(admin_client):
    item = ChecklistItem.objects.get(slug="sf-strategy")
    page = admin_client.get(reverse("admin:checklists_checklistitem_change", args=[item.pk]))
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: v for k, v in data.items() if v is not None}
    data["title_de"] = "Strategie, vom Kurator"
    for name in ("measures", "measures_de", "measures_en"):
        if name in data:
            data[name] = form[name].field.prepare_value(data[name])
    for name in ("active",):
        if data.get(name) is False:
            del data[name]
    response = admin_client.post(reverse("admin:checklists_checklistitem_change", args=[item.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    item.refresh_from_db()
    assert (item.title_de, item.curated) == ("Strategie, vom Kurator", True)
    call_command("load_content", verbosity=0)
    item.refresh_from_db()
    assert item.title_de == "Strategie, vom Kurator"


def test_deactivate_action(admin_client):
    item = ChecklistItem.objects.get(slug="sf-strategy")
    admin_client.post(
        reverse("admin:checklists_checklistitem_changelist"),
        {"action": "deactivate", "_selected_action": [item.pk]},
    )
    item.refresh_from_db()
    assert item.active is False


def test_items_export_as_csv(admin_client):
    response = admin_client.post(
        reverse("admin:checklists_checklistitem_export"),
        {"format": "0", **{f"checklistitemresource_{f}": "on" for f in ("slug", "title_de", "measures_en")}},
    )
    assert response.status_code == 200
    assert b"sf-strategy" in response.content


def _change_form_data(admin_client, item: ChecklistItem) -> dict:
    page = admin_client.get(reverse("admin:checklists_checklistitem_change", args=[item.pk]))
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: v for k, v in data.items() if v is not None and v is not False}
    for name in ("measures", "measures_de", "measures_en"):
        if name in data:
            data[name] = form[name].field.prepare_value(data[name])
    return data


def test_an_admins_edit_of_a_measure_shows_in_the_next_plan_check(admin_client):
    from django.utils import translation

    from checklists.check import plan_check

    item = ChecklistItem.objects.get(slug="pitfall-no-plan")
    data = _change_form_data(admin_client, item)
    data["measures_de"] = (
        "Ziele und Nutzen mit der Geschäftsführung festlegen, bevor es losgeht\n"
        "Die Social-Media-Strategie in die Unternehmensstrategie einbinden"
    )  # one measure per line
    response = admin_client.post(reverse("admin:checklists_checklistitem_change", args=[item.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    document = {"format": "social-media-strategy-plan", "version": 1, "plan": {"title": "Entwurf"}}
    with translation.override("de"):
        finding = next(f for f in plan_check(document).findings if f.code == "no_goals")
    assert finding.measures[0] == "Ziele und Nutzen mit der Geschäftsführung festlegen, bevor es losgeht"


def test_the_findings_that_contradict_an_item_are_curated_in_the_admin(admin_client):
    item = ChecklistItem.objects.get(slug="anti-not-the-trainee")
    assert item.contradicted_by == ["intern_does_the_work", "owner_is_intern"]
    page = admin_client.get(reverse("admin:checklists_checklistitem_change", args=[item.pk]))
    assert 'value="bought_followers"' in page.content.decode()  # every code can be chosen
    data = _change_form_data(admin_client, item)
    data["contradicted_by"] = ["owner_is_intern", "no_owner"]
    response = admin_client.post(reverse("admin:checklists_checklistitem_change", args=[item.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    item.refresh_from_db()
    assert sorted(item.contradicted_by) == ["no_owner", "owner_is_intern"]


def test_a_benchmark_is_edited_with_its_evidence(admin_client):
    from checklists.models import KPIBenchmark

    benchmark = KPIBenchmark.objects.get(metric="followers", channel__slug="instagram")
    page = admin_client.get(reverse("admin:checklists_kpibenchmark_change", args=[benchmark.pk]))
    html = page.content.decode()
    for field in ("source_publisher", "source_title", "source_year", "source_url", "sample_de", "confidence",
                  "small_account_allowance", "new_account_ceiling", "unit"):  # fmt: skip
        assert f'name="{field}"' in html


def test_measures_are_edited_one_per_line_not_as_json(admin_client):
    item = ChecklistItem.objects.get(slug="sf-strategy")
    url = reverse("admin:checklists_checklistitem_change", args=[item.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: v for k, v in data.items() if v is not None and v is not False}
    data["measures_de"] = "Ziele mit der Geschäftsführung festlegen\n\n  Jedes Ziel messbar machen  "
    data["measures_en"] = form["measures_en"].field.prepare_value(item.measures_en)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    item.refresh_from_db()
    assert item.measures_de == ["Ziele mit der Geschäftsführung festlegen", "Jedes Ziel messbar machen"]
    page = admin_client.get(url).content.decode()
    assert "Ziele mit der Geschäftsführung festlegen\nJedes Ziel messbar machen</textarea>" in page
