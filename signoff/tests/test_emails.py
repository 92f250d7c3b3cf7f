"""The sign-off's e-mails, read from Django's in-memory outbox: who gets them, their subject in the
plan's language, and a link that opens the right page."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from planner.models import Membership, Plan
from signoff.models import ReviewRequest
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def link_in(body: str) -> str:
    links = re.findall(r"https?://\S+", body)
    assert len(links) == 1, body
    return links[0]


def opens(client, link: str) -> str:
    """The page behind an e-mail's link, opened by the recipient."""
    parts = urlsplit(link)
    assert parts.netloc == "testserver", "an absolute address of this site"
    response = client.get(parts.path)
    assert response.status_code == 200, link
    return response.content.decode()


def request_review(client, plan, callbacks, message="Bitte bis Freitag ansehen."):
    with callbacks(execute=True):
        response = client.post(reverse("signoff:review_request", args=[plan.pk]), {"message": message})
    assert response.status_code == 302
    return ReviewRequest.objects.get(plan=plan, status="open")


def test_a_review_request_mails_every_executive_of_the_organization_and_nobody_else(
    example_plan, people, clients, organization, mailoutbox, django_capture_on_commit_callbacks
):
    second = MembershipFactory(organization=organization, role=Membership.Role.EXECUTIVE, user__username="greta").user
    second.email = "greta@klv.example"
    second.save()
    MembershipFactory(organization=organization, role=Membership.Role.EXECUTIVE, user__username="ohne-adresse")
    MembershipFactory(role=Membership.Role.EXECUTIVE, user__email="chef@other.example")  # another organization

    request_review(clients["lead"], example_plan, django_capture_on_commit_callbacks)

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["erik@klv.example", "greta@klv.example"]
    assert mail.subject == "Bitte prüfen und freigeben: Social-Media-Strategie 2027, Version 1"
    assert "Lena Lind bittet Sie" in mail.body and "Bitte bis Freitag ansehen." in mail.body
    link = link_in(mail.body)
    assert link == f"http://testserver{reverse('signoff:review', args=[example_plan.pk])}"
    page = opens(clients["executive"], link)
    assert 'id="decide"' in page  # the executive lands where he decides


def test_the_decision_mails_the_lead_who_requested_it(
    example_plan, people, clients, mailoutbox, django_capture_on_commit_callbacks
):
    review = request_review(clients["lead"], example_plan, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        clients["executive"].post(
            reverse("signoff:decide", args=[example_plan.pk, review.pk]),
            {"outcome": "request_changes", "reason": "Bitte ein Ziel für die Arbeitgebermarke."},
        )
    mail = mailoutbox[-1]
    assert mail.to == ["lena@klv.example"]
    assert mail.subject == "Änderungen angefordert: Social-Media-Strategie 2027, Version 1"
    assert "Bitte ein Ziel für die Arbeitgebermarke." in mail.body
    assert "Bitte ein Ziel für die Arbeitgebermarke." in opens(clients["lead"], link_in(mail.body))

    review = request_review(clients["lead"], example_plan, django_capture_on_commit_callbacks, message="")
    with django_capture_on_commit_callbacks(execute=True):
        clients["admin"].post(reverse("signoff:decide", args=[example_plan.pk, review.pk]), {"outcome": "approve"})
    mail = mailoutbox[-1]
    assert (mail.to, mail.subject) == (["lena@klv.example"], "Freigegeben: Social-Media-Strategie 2027, Version 1")
    assert "Ada Adler hat Version 1" in mail.body
    assert link_in(mail.body).endswith(reverse("signoff:review", args=[example_plan.pk]))


def test_an_english_plan_is_mailed_in_english(
    example_plan, people, clients, mailoutbox, django_capture_on_commit_callbacks
):
    Plan.objects.filter(pk=example_plan.pk).update(language="en", title="Social media strategy 2027")
    request_review(clients["lead"], example_plan, django_capture_on_commit_callbacks, message="")
    mail = mailoutbox[0]
    assert mail.subject == "Please review: Social media strategy 2027, version 1"
    assert mail.body.startswith("Lena Lind asks you to review version 1 of the social media strategy")


def test_nobody_is_mailed_when_the_request_is_refused(example_plan, people, clients, mailoutbox):
    response = clients["executive"].post(reverse("signoff:review_request", args=[example_plan.pk]), {"message": ""})
    assert response.status_code == 403
    assert mailoutbox == [] and not ReviewRequest.objects.exists()
