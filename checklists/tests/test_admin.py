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
