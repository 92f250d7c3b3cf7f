"""Share links: someone without an account reads the approved version and downloads its PDF while
the link is valid; an expired, revoked or guessed link answers 404 like any unknown address, and a
link never opens another plan, a later edit, or anything to edit."""

import base64
import datetime as dt
import re
import secrets

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from planner.models import Plan
from planner.plan_file import parse_document, plan_import
from reports.models import Report
from reports.services import version_approve, version_freeze
from reports.tasks import render_report
from reports.tests.conftest import pdf_text
from signoff import services
from signoff.models import ShareLink, ShareLinkUse
from tests.factories import EXAMPLE

pytestmark = pytest.mark.django_db


def approved(plan, people):
    version = version_freeze(plan=plan, user=people["lead"])
    version_approve(version=version, user=people["executive"], open_comments=0)
    return version


def share(client, plan) -> str:
    """The lead makes a link through the page, as she would; returns the address it showed once."""
    response = client.post(
        reverse("signoff:share_create", args=[plan.pk]), {"label": "Aufsichtsrat", "valid_days": "30"}, follow=True
    )
    assert response.status_code == 200
    match = re.search(r"https?://testserver(/share/[^/\s<]+/)", response.content.decode())
    assert match, "the new link is shown once, to copy"
    return match.group(1)


@pytest.fixture
def anonymous():
    return Client(REMOTE_ADDR="203.0.113.7")


def test_the_token_has_256_random_bits_and_only_its_hash_is_stored(example_plan, people):
    approved(example_plan, people)
    link, token = services.share_link_create(plan=example_plan, user=people["lead"], label="", valid_days=7)
    assert len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))) * 8 >= 128
    assert token not in link.token_hash and len(link.token_hash) == 64
    assert not ShareLink.objects.filter(token_hash=token).exists()


def test_a_valid_link_shows_the_approved_version_read_only_and_logs_each_use(example_plan, people, clients, anonymous):
    version = approved(example_plan, people)
    url = share(clients["lead"], example_plan)

    page = anonymous.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Social-Media-Strategie 2027" in html and "Version 1" in html and "Erik Engel" in html
    assert "Kundenbindung stärken" in html  # the plan's goals, read-only
    assert page["Cache-Control"] == "private, no-store" and page["Referrer-Policy"] == "same-origin"
    use = ShareLinkUse.objects.get()
    assert (use.link.version_id, use.address, use.what) == (version.pk, "203.0.113.7", "page")
    assert use.used_at <= timezone.now()
    # The holder of the link can edit nothing and sees no address of the planner behind the login.
    assert set(re.findall(r'<form[^>]*action="([^"]*)"', html)) <= {reverse("set_language")}  # the language only
    assert reverse("planner:plan", args=[example_plan.pk]) not in html
    assert reverse("planner:step", args=[example_plan.pk, "goals"]) not in html
    # The page is the link's: the lead sees each use on the plan's share page.
    assert "203.0.113.7" in clients["lead"].get(reverse("signoff:share_links", args=[example_plan.pk])).content.decode()


def test_a_link_never_opens_the_plan_itself_nor_its_editing(example_plan, people, clients, anonymous):
    approved(example_plan, people)
    url = share(clients["lead"], example_plan)
    assert anonymous.get(url).status_code == 200
    # Having opened the link, the same browser still has to sign in for every page of the planner.
    for address in (
        reverse("planner:plan", args=[example_plan.pk]),
        reverse("planner:step", args=[example_plan.pk, "goals"]),
        reverse("signoff:review", args=[example_plan.pk]),
        reverse("planner:plan_export", args=[example_plan.pk]),
    ):
        response = anonymous.get(address)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), address
    response = anonymous.post(reverse("planner:step", args=[example_plan.pk, "basics"]), {"title": "Gekapert"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert Plan.objects.get(pk=example_plan.pk).title == "Social-Media-Strategie 2027"
    # The share addresses answer GET only: a POST changes nothing.
    assert anonymous.post(url).status_code == 405


def test_a_link_shows_the_approved_version_never_a_later_edit(example_plan, people, clients, anonymous):
    approved(example_plan, people)
    url = share(clients["lead"], example_plan)
    Plan.objects.filter(pk=example_plan.pk).update(title="Entwurf 2028")
    html = anonymous.get(url).content.decode()
    assert "Social-Media-Strategie 2027" in html and "Entwurf 2028" not in html


def test_a_link_opens_its_own_plan_only(example_plan, organization, people, clients, anonymous):
    other = plan_import(document=parse_document(EXAMPLE.read_bytes()), organization=organization, user=people["lead"])
    Plan.objects.filter(pk=other.pk).update(title="Vertrauliche Planung")
    other.refresh_from_db()
    approved(example_plan, people)
    approved(other, people)
    mine, theirs = share(clients["lead"], example_plan), share(clients["lead"], other)
    assert "Vertrauliche Planung" not in anonymous.get(mine).content.decode()
    assert "Vertrauliche Planung" in anonymous.get(theirs).content.decode()


def test_an_expired_a_revoked_and_a_guessed_link_answer_404_and_log_nothing(example_plan, people, clients, anonymous):
    approved(example_plan, people)
    expired, revoked = share(clients["lead"], example_plan), share(clients["lead"], example_plan)
    links = list(ShareLink.objects.order_by("pk"))
    ShareLink.objects.filter(pk=links[0].pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = clients["lead"].post(reverse("signoff:share_revoke", args=[links[1].pk]))
    assert response.status_code == 302
    links[1].refresh_from_db()
    assert links[1].revoked_by == people["lead"] and links[1].revoked_at is not None

    guessed = reverse("signoff:shared", args=[secrets.token_urlsafe(32)])
    for url in (expired, revoked, guessed):
        for address in (url, url + "pdf/"):
            response = anonymous.get(address)
            assert response.status_code == 404, address
            assert "404.html" in [t.name for t in response.templates]
    assert not ShareLinkUse.objects.exists()


def test_a_link_expires_exactly_at_its_time(example_plan, people, clients, anonymous):
    approved(example_plan, people)
    url = share(clients["lead"], example_plan)
    link = ShareLink.objects.get()
    assert link.expires_at - timezone.now() == pytest.approx(dt.timedelta(days=30), abs=dt.timedelta(minutes=1))
    ShareLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() + dt.timedelta(minutes=1))
    assert anonymous.get(url).status_code == 200
    ShareLink.objects.filter(pk=link.pk).update(expires_at=timezone.now())
    assert anonymous.get(url).status_code == 404


def test_only_an_approved_version_can_be_shared(example_plan, people, clients):
    version_freeze(plan=example_plan, user=people["lead"])  # frozen for a review, not approved
    response = clients["lead"].post(
        reverse("signoff:share_create", args=[example_plan.pk]), {"label": "", "valid_days": "7"}, follow=True
    )
    assert "Teilen lässt sich nur eine freigegebene Version" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_the_pdf_of_the_approved_version_is_downloaded_through_the_link(
    example_plan, people, clients, anonymous, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path / "media"
    approved(example_plan, people)
    with django_capture_on_commit_callbacks(execute=False):  # no worker here: the test renders it itself
        url = share(clients["lead"], example_plan)
    report = Report.objects.get()  # making the link queued the version's PDF
    assert "wird gerade erstellt" in anonymous.get(url).content.decode()
    assert anonymous.get(url + "pdf/").status_code == 404

    assert render_report.run(report.pk) == "done"
    assert "PDF herunterladen" in anonymous.get(url).content.decode()
    response = anonymous.get(url + "pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    cover = pdf_text(b"".join(response.streaming_content), tmp_path).split("\f")[0]
    assert "Social-Media-Strategie 2027" in cover and "Erik Engel" in cover
    assert [use.what for use in ShareLinkUse.objects.order_by("pk")] == ["page", "page", "pdf"]


def test_behind_a_proxy_the_readers_address_is_logged(example_plan, people, clients, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1  # nginx appends the address it saw (docs/deploy.md)
    approved(example_plan, people)
    url = share(clients["lead"], example_plan)
    proxy = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert proxy.get(url).status_code == 200
    assert ShareLinkUse.objects.get().address == "198.51.100.4"
