"""A report is requested, rendered by the task, fails readably, and can be retried."""

import datetime as dt
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone

from reports import services
from reports.models import Report
from reports.tasks import render_report
from tests.factories import GoalFactory, KPIFactory

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_requesting_a_report_queues_a_numbered_snapshot(lead_client, plan):
    GoalFactory(plan=plan, title="Kundenbindung stärken")
    lead_client.post(reverse("reports:create", args=[plan.pk]))
    lead_client.post(reverse("reports:create", args=[plan.pk]), {"variant": "short"})
    reports = list(Report.objects.order_by("number"))
    assert [(r.number, r.status, r.variant) for r in reports] == [(1, "queued", "full"), (2, "queued", "short")]
    assert reports[0].snapshot["plan"]["goals"][0]["title"] == "Kundenbindung stärken"


def test_status_partial_polls_while_pending_and_stops_when_done(lead_client, plan, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    report = services.report_request(plan=plan, user=None)
    page = lead_client.get(reverse("reports:status", args=[report.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert render_report.run(report.pk) == "done"  # a done report always has its file
    page = lead_client.get(reverse("reports:status", args=[report.pk])).content.decode()
    assert "hx-trigger" not in page
    assert reverse("reports:download", args=[report.pk]) in page
    assert lead_client.get(reverse("reports:download", args=[report.pk])).status_code == 200


def test_the_task_renders_the_pdf_with_title_goals_and_kpis(lead_client, plan, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    goal = GoalFactory(plan=plan, title="Kundenbindung stärken")
    KPIFactory(goal=goal, name="Wiederkaufrate")
    report = services.report_request(plan=plan, user=None)
    assert render_report.run(report.pk) == "done"
    report.refresh_from_db()
    assert report.status == "done" and report.page_count >= 2 and report.render_seconds > 0
    response = lead_client.get(reverse("reports:download", args=[report.pk]))
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="{report.plan.title.lower().replace(" ", "-")}-v1.pdf"'
    )
    text = pdf_text(b"".join(response.streaming_content), tmp_path)
    assert plan.title in text
    assert "Kundenbindung stärken" in text
    assert "Wiederkaufrate" in text


def test_a_done_report_is_not_rendered_again(plan, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    report = services.report_request(plan=plan, user=None)
    render_report.run(report.pk)
    first = Report.objects.get(pk=report.pk)
    assert render_report.run(report.pk) == "nothing to do"
    assert Report.objects.get(pk=report.pk).file.name == first.file.name


def test_a_failing_render_ends_failed_with_the_reason_and_a_retry_renders_it(
    lead_client, plan, tmp_path, settings, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path / "media"
    report = services.report_request(plan=plan, user=None)

    def broken_render(**kwargs):
        raise ValueError("the chart could not be drawn")

    monkeypatch.setattr(services, "render_pdf", broken_render)
    assert render_report.run(report.pk) == "failed"
    report.refresh_from_db()
    assert (report.status, report.failure_params) == ("failed", {"error": "ValueError: the chart could not be drawn"})
    page = lead_client.get(reverse("planner:plan", args=[plan.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Rendering failed: ValueError: the chart could not be drawn" in page
    assert reverse("reports:retry", args=[report.pk]) in page

    monkeypatch.undo()
    lead_client.post(reverse("reports:retry", args=[report.pk]))
    report.refresh_from_db()
    assert (report.status, report.failure) == ("queued", "")
    assert render_report.run(report.pk) == "done"
    report.refresh_from_db()
    assert report.status == "done" and report.file


def test_render_report_command_writes_the_pdf(plan, tmp_path):
    from django.core.management import call_command

    GoalFactory(plan=plan, title="Bekanntheit steigern")
    out = tmp_path / "plan.pdf"
    call_command("render_report", plan.pk, "--out", str(out))
    text = pdf_text(out.read_bytes(), tmp_path)
    assert plan.title in text and "Bekanntheit steigern" in text


def test_a_report_queued_longer_than_a_few_seconds_says_it_waits_for_a_worker(lead_client, plan, settings):
    settings.REPORT_WAITING_SECONDS = 10
    report = services.report_request(plan=plan, user=None)
    url = reverse("reports:status", args=[report.pk])
    page = lead_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert ">queued<" in page and "waiting for a worker" not in page
    Report.objects.filter(pk=report.pk).update(queued_at=timezone.now() - dt.timedelta(seconds=11))
    page = lead_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "waiting for a worker" in page and "it starts as soon as one is free" in page
    assert 'hx-trigger="every 1s"' in page  # it keeps polling
    page = lead_client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "wartet auf einen Worker" in page
