"""The whole sign-off through the pages, as the people would do it: the lead requests a review, the
executive comments, the lead answers and resolves on the wizard's step, the executive requests
changes, the lead edits and requests again, the executive approves; the report, rendered by a real
Celery worker, names the approver on its cover."""

import time

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from planner.models import Plan
from reports.models import Report, Version
from reports.tests.conftest import pdf_text
from signoff.models import Comment, ReviewRequest
from tests.support import post_form

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def wait_for(predicate, timeout=90.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError("timed out")


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_request_comment_answer_resolve_change_request_again_approve_and_the_pdf_names_the_approver(
    example_plan, clients, people, mailoutbox, django_capture_on_commit_callbacks, celery_worker, tmp_path
):
    plan, lead, executive = example_plan, clients["lead"], clients["executive"]
    review_url = reverse("signoff:review", args=[plan.pk])
    goals_step = reverse("planner:step", args=[plan.pk, "goals"])

    # Lena requests a review: version 1 is frozen and Erik, the executive, gets an e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        response = lead.post(reverse("signoff:review_request", args=[plan.pk]), {"message": "Bitte bis Freitag."})
    assert response.status_code == 302
    first = ReviewRequest.objects.get(plan=plan)
    assert (first.status, first.version.number) == ("open", 1)
    assert [mail.to for mail in mailoutbox] == [["erik@klv.example"]]
    assert "Bitte prüfen und freigeben: Social-Media-Strategie 2027, Version 1" == mailoutbox[0].subject

    # Erik reads version 1 section by section and comments on the goals.
    assert "Version 1 vom" in page(executive, review_url)
    executive.post(
        reverse("signoff:comment_create", args=[plan.pk]), {"section": "goals", "text": "Sind 42 % realistisch?"}
    )
    comment = Comment.objects.get()
    assert (comment.section, comment.version.number, comment.author.username) == ("goals", 1, "erik")

    # Lena sees it on the wizard's goals step (not on the others), answers there and resolves it.
    assert "Sind 42 % realistisch?" in page(lead, goals_step)
    assert "Sind 42 % realistisch?" not in page(lead, reverse("planner:step", args=[plan.pk, "channels"]))
    response = lead.post(
        reverse("signoff:comment_answer", args=[comment.pk]),
        {"text": "Ja: 38 % heute, Benchmark +5.", "next": goals_step},
    )
    assert response["Location"] == goals_step
    assert "Ja: 38 % heute, Benchmark +5." in page(lead, goals_step)
    lead.post(reverse("signoff:comment_resolve", args=[comment.pk]), {"next": goals_step})
    assert "Sind 42 % realistisch?" not in page(lead, goals_step)
    comment.refresh_from_db()
    assert comment.resolved_by.username == "lena" and comment.answers.get().text.startswith("Ja: 38 %")
    # Nothing is deleted: the resolved thread is still on the review page, folded away.
    assert "Erledigter Kommentar von Erik Engel" in page(executive, review_url)

    # Erik requests changes, with a reason; Lena is told.
    with django_capture_on_commit_callbacks(execute=True):
        executive.post(
            reverse("signoff:decide", args=[plan.pk, first.pk]),
            {"outcome": "request_changes", "reason": "Bitte den Titel auf 2027/28 ändern."},
        )
    first.refresh_from_db()
    assert first.status == "changes_requested"
    assert mailoutbox[-1].to == ["lena@klv.example"]
    assert mailoutbox[-1].subject == "Änderungen angefordert: Social-Media-Strategie 2027, Version 1"
    assert "Für Version 1 wurden Änderungen angefordert." in page(lead, reverse("planner:plan", args=[plan.pk]))

    # Lena edits the plan in the wizard, as her browser would send the basics step.
    basics = reverse("planner:step", args=[plan.pk, "basics"])
    data = post_form(page(lead, basics), basics).data()
    data.update({"title": ["Social-Media-Strategie 2027/28"], "nav": ["stay"]})
    assert lead.post(basics, data).status_code == 302
    assert Plan.objects.get(pk=plan.pk).title == "Social-Media-Strategie 2027/28"

    # She requests again: version 2; Erik approves it.
    with django_capture_on_commit_callbacks(execute=True):
        lead.post(reverse("signoff:review_request", args=[plan.pk]), {"message": ""})
    second = ReviewRequest.objects.get(plan=plan, status="open")
    assert second.version.number == 2
    assert mailoutbox[-1].subject == "Bitte prüfen und freigeben: Social-Media-Strategie 2027/28, Version 2"
    with django_capture_on_commit_callbacks(execute=True):
        executive.post(reverse("signoff:decide", args=[plan.pk, second.pk]), {"outcome": "approve", "reason": ""})
    version = Version.objects.get(plan=plan, number=2)
    assert version.approver_name == "Erik Engel" and version.approved_at is not None
    assert mailoutbox[-1].subject == "Freigegeben: Social-Media-Strategie 2027/28, Version 2"
    assert not Version.objects.get(plan=plan, number=1).is_approved
    overview = page(lead, reverse("planner:plan", args=[plan.pk]))
    approved_on = date_format(timezone.localtime(version.approved_at), "SHORT_DATE_FORMAT")
    assert f"Version 2, von Erik Engel am {approved_on}" in overview
    assert "Der Plan ist seitdem unverändert." in overview

    # The report of the approved plan, rendered by the worker, names the approver and the date on its cover.
    lead.post(reverse("reports:create", args=[plan.pk]), {"variant": "full"})
    report = Report.objects.get(plan=plan)
    assert report.version == version  # the unchanged plan reuses its approved version
    wait_for(lambda: Report.objects.filter(pk=report.pk, status=Report.Status.DONE).exists())
    download = lead.get(reverse("reports:download", args=[report.pk]))
    content = b"".join(download.streaming_content)
    pdf = pdf_text(content, tmp_path)
    cover = pdf.split("\f")[0]
    with translation.override("de"):
        approved_day = date_format(timezone.localtime(version.approved_at), "DATE_FORMAT")
    assert "Freigegeben" in cover and "Erik Engel" in cover and approved_day in cover, cover
    approval_page = next(
        page_text for page_text in pdf.split("\f") if "Offene Kommentare bei der Freigabe" in page_text
    )
    assert "Version 2" in approval_page and "Freigegeben von" in approval_page
    # Its last page lists what changed since version 1, the one the executive sent back.
    changes = pdf[pdf.rindex("Änderungen seit Version 1") :]
    assert "Titel „Social-Media-Strategie 2027“ → „Social-Media-Strategie 2027/28“" in changes

    # A later edit never appears approved: the overview says the plan changed since.
    lead.post(basics, {**post_form(page(lead, basics), basics).data(), "title": ["Social-Media-Strategie 2028"]})
    overview = page(lead, reverse("planner:plan", args=[plan.pk]))
    assert "Der Plan hat sich seitdem geändert." in overview
