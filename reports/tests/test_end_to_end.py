"""From login to a downloaded PDF through a real Celery worker on Redis and PostgreSQL."""

import subprocess
import time

import pytest
from django.db import connection
from django.urls import reverse

from planner.models import Plan
from reports.models import Report
from tests.factories import PASSWORD

pytestmark = pytest.mark.e2e


def test_suite_runs_on_postgresql(db):
    assert connection.vendor == "postgresql", "bin/test runs the suite on PostgreSQL"


def wait_for(predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError("timed out")


@pytest.mark.django_db(transaction=True)
def test_lead_creates_a_plan_and_downloads_its_pdf(client, lead, organization, celery_worker, tmp_path):
    assert client.post(reverse("login"), {"username": lead.username, "password": PASSWORD}).status_code == 302
    client.post(
        reverse("planner:plan_create"),
        {
            "title": "Strategie für Ölmühle & Söhne",
            "organization": organization.pk,
            "language": "de",
            "start_date": "2027-01-01",
            "horizon_months": "12",
        },
    )
    plan = Plan.objects.get()
    goals = ["Bekanntheit steigern", "Kundenservice entlasten"]
    data = {"revision": plan.revision, "nav": "finish", "goals-TOTAL_FORMS": 2, "goals-INITIAL_FORMS": 0}
    for i, title in enumerate(goals):
        data.update(
            {
                f"goals-{i}-category": "awareness",
                f"goals-{i}-title": title,
                f"goals-{i}-priority": 1,
                f"goals-{i}-kpis-TOTAL_FORMS": 1,
                f"goals-{i}-kpis-INITIAL_FORMS": 0,
                f"goals-{i}-kpis-0-name": f"Erwähnungen {i}",
                f"goals-{i}-kpis-0-metric": "mentions",
                f"goals-{i}-kpis-0-target": 60,
                f"goals-{i}-kpis-0-due": "2027-12-31",
            }
        )
    assert client.post(reverse("planner:step", args=[plan.pk, "goals"]), data).status_code == 302

    response = client.post(reverse("reports:create", args=[plan.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    report = Report.objects.get()
    assert 'hx-trigger="every 1s"' in response.content.decode()

    def finished():
        page = client.get(reverse("reports:status", args=[report.pk]), HTTP_HX_REQUEST="true").content.decode()
        return page if "every 1s" not in page else None

    page = wait_for(finished)
    report.refresh_from_db()
    assert report.status == "done", (report.status, report.failure_reason, celery_worker.log.read_text()[-2000:])
    assert reverse("reports:download", args=[report.pk]) in page

    download = client.get(reverse("reports:download", args=[report.pk]))
    pdf = tmp_path / "downloaded.pdf"
    pdf.write_bytes(b"".join(download.streaming_content))
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Strategie für Ölmühle & Söhne" in text
    for title in goals:
        assert title in text
    assert "Erwähnungen 0" in text
