"""Reports are records: a snapshot that editing the plan never changes, numbered, with what changed."""

import copy

import pytest
from django.urls import reverse
from django.utils.translation import override

from bench.plans import example_document
from planner.models import Goal, PlanChannel
from planner.plan_file import plan_to_document
from reports import services
from reports.history import describe_changes, snapshot_changes
from reports.models import Report
from reports.tasks import render_report

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


def test_changes_between_two_snapshots_are_summed_up_per_part():
    old = example_document()
    new = copy.deepcopy(old)
    new["plan"]["title"] = "Neue Strategie"
    new["plan"]["goals"].append({**old["plan"]["goals"][0], "key": "new1", "kpis": []})
    new["plan"]["goals"].append({**old["plan"]["goals"][0], "key": "new2", "kpis": []})
    new["plan"]["goals"][1]["kpis"][0]["target"] = 700
    new["plan"]["channels"] = [c for c in old["plan"]["channels"] if c["channel"] != "youtube"]
    new["plan"]["resources"]["tools_budget_eur"] = 2400
    changes = snapshot_changes(old, new)
    assert [c["part"] for c in changes] == ["title", "goals", "kpis", "channels", "resources"]
    assert describe_changes(changes) == (
        "Titel geändert, 2 Ziele hinzugefügt, 1 KPI geändert, 1 Kanal entfernt, Ressourcen geändert"
    )
    with override("en"):  # the stored changes are data: the sentence is in the language of whoever reads it
        assert describe_changes(changes) == (
            "title changed, 2 goals added, 1 KPI changed, 1 channel removed, resources changed"
        )


def test_identical_snapshots_have_no_changes_and_the_first_version_says_so():
    document = example_document()
    assert snapshot_changes(document, copy.deepcopy(document)) == []
    assert describe_changes([]) == "keine Änderungen"
    assert describe_changes(None) == "erste Version"


def test_editing_the_plan_never_changes_an_issued_report(example_plan, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    report = services.report_request(plan=example_plan, user=None)
    issued = copy.deepcopy(report.snapshot)

    example_plan.title = "Ganz andere Strategie"
    example_plan.save()
    Goal.objects.filter(plan=example_plan, key="awareness").delete()
    PlanChannel.objects.filter(plan=example_plan, channel__slug="youtube").delete()

    report.refresh_from_db()
    assert report.snapshot == issued
    assert render_report.run(report.pk) == "done"
    report.refresh_from_db()
    text = pdf_text(report.file.read(), tmp_path)
    assert "Social-Media-Strategie 2027" in text and "Bekanntheit der Marke steigern" in text
    assert "Ganz andere Strategie" not in text


def test_versions_are_numbered_and_list_who_requested_them_and_what_changed(lead_client, lead, example_plan):
    lead.first_name, lead.last_name = "Lena", "Lind"
    lead.save()
    lead_client.post(reverse("reports:create", args=[example_plan.pk]))
    example_plan.title = "Social-Media-Strategie 2028"
    example_plan.save()
    Goal.objects.filter(plan=example_plan, key="awareness").delete()
    lead_client.post(reverse("reports:create", args=[example_plan.pk]), {"variant": "short"})

    first, second = Report.objects.order_by("number")
    assert (first.number, second.number) == (1, 2)
    assert first.changes is None
    # the YouTube channel served the removed goal: its goal list changed with it
    assert second.change_summary == "Titel geändert, 1 Ziel entfernt, 1 KPI entfernt, 1 Kanal geändert"
    assert second.snapshot["plan"]["title"] == "Social-Media-Strategie 2028"

    page = lead_client.get(reverse("planner:plan", args=[example_plan.pk])).content.decode()
    assert "angefordert von Lena Lind" in page
    assert "Titel geändert, 1 Ziel entfernt, 1 KPI entfernt, 1 Kanal geändert" in page
    assert "Erste Version." in page
    row = lead_client.get(reverse("reports:status", args=[second.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert f'id="report-{second.pk}"' in row and 'hx-trigger="every 1s"' in row


def test_the_cover_says_draft_also_for_a_snapshot_stored_with_an_approval_entry(example_plan, tmp_path):
    # Reports requested before approval was taken out stored {"approval": {...}}; a retry renders them again.
    snapshot = {**plan_to_document(example_plan), "approval": {"status": "approved", "by": "", "at": None}}
    text = pdf_text(services.render_pdf(snapshot=snapshot, variant="short").content, tmp_path)
    assert "Entwurf" in text and "Freigegeben" not in text
