"""In a real browser (Playwright, Debian's Chromium): the executive comments on version 2 and approves
it, the lead answers and resolves on the wizard's step; then the pages a user reads are checked in
German and English (no text of the other language, no ISO dates in German, no slugs) and kept as
screenshots in test-artifacts/signoff/, with the cover and the approval page of the approved report."""

import datetime as dt
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from checklists.models import Channel
from planner.models import KPI, PlanChannel, Role
from planner.plan_file import plan_to_document
from planner.services import plan_revision_bump
from reports.models import Report, Version
from reports.services import render_pdf
from signoff import services
from signoff.models import Comment

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "signoff"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What must not show on a page in the other language (the plan's own texts are German either way).
ENGLISH = (
    "Approval",
    "approved",
    "open comment",
    "Review due",
    "What changed",
    "KPI progress",
    "on track",
    "behind",
    "check-in",
    "Compare versions",
    "The plan has",
)
GERMAN = (
    "Freigabe",
    "freigegeben",
    "offener Kommentar",
    "Überprüfung",
    "Änderungen",
    "KPI-Fortschritt",
    "im Plan",
    "im Rückstand",
    "Messwert",
    "Versionen vergleichen",
    "Der Plan hat",
)
SLUGS = ("target-groups", "on_track", "no_checkins", "changes_requested", "request_changes")


class Reader:
    """One person's browser tab."""

    def __init__(self, browser, url: str, user=None):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        if user is not None:
            # Signed in as by the login form (which e-mail verification would hold up here): the session's cookie.
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": url}])
        self.page = context.new_page()
        self.page.set_default_timeout(15_000)
        self.url = url
        if user is not None:
            self.open(reverse("planner:dashboard"))
            self.language("de")  # the browser asks for English; the team works in German

    def open(self, path: str) -> str:
        response = self.page.goto(self.url + path)
        assert response.status == 200, path
        return self.text()

    def text(self) -> str:
        return self.page.inner_text("main")

    def language(self, code: str) -> None:
        self.page.click(f"nav button[name=language][value={code}], button[name=language][value={code}]")
        self.page.wait_for_load_state()
        assert self.page.get_attribute("html", "lang") == code

    def check_and_shoot(self, name: str, code: str, plan_texts: tuple[str, ...] = ()) -> str:
        """Screenshot the page; check its own words (not the plan's, which are German) are all in ``code``."""
        text = self.text()
        self.page.screenshot(path=ARTIFACTS / f"{name}-{code}.png", full_page=True)
        foreign = ENGLISH if code == "de" else GERMAN
        own = [line for line in text.splitlines() if not any(plan_text in line for plan_text in plan_texts)]
        leftovers = [line for line in own if any(word in line for word in foreign)]
        assert leftovers == [], f"{name}-{code}: text of the other language"
        assert [slug for slug in SLUGS if slug in text] == [], f"{name}-{code}: a slug shows"
        if code == "de":
            assert not re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text), f"{name}-{code}: an ISO date in German text"
        return text


def texts_of(document) -> tuple[str, ...]:
    """Every text of a plan document (its own words, in its language)."""
    if isinstance(document, dict):
        return tuple(text for value in document.values() for text in texts_of(value))
    if isinstance(document, list):
        return tuple(text for value in document for text in texts_of(value))
    return (document,) if isinstance(document, str) and len(document) > 3 else ()


def pdf_pages_as_png(content: bytes, name: str, wanted: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """The PDF's text per page; the pages whose text has ``wanted[label]`` as PNG (pdftoppm -r 60)."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(content)
    pages = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    found = {}
    for label, marker in wanted.items():
        number = next(i for i, text in enumerate(pages, start=1) if marker in text)
        found[label] = pages[number - 1]
        prefix = ARTIFACTS / f"{name}-{label}"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                str(number),
                "-l",
                str(number),
                "-singlefile",
                str(path),
                str(prefix),
            ],
            check=True,
        )
    return found


def test_review_in_the_browser_and_the_pages_in_german_and_english(served_app, example_plan, people, browser, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    plan, lead, executive, base = example_plan, people["lead"], people["executive"], served_app.url

    # Version 1 went back with a request for changes; the lead changed three things and measured.
    first = services.review_request_create(plan=plan, user=lead, message="", base_url=base)
    services.decision_make(
        review_request=first, user=executive, outcome="request_changes", reason="TikTok erst ab Phase 2.", base_url=base
    )
    KPI.objects.filter(goal__plan=plan, name="Wiederkaufrate").update(target=40)
    PlanChannel.objects.create(plan=plan, channel=Channel.objects.get(slug="tiktok"), phase=2, posts_per_week=3)
    Role.objects.filter(plan=plan).update(is_owner=False)
    Role.objects.filter(plan=plan, person="Service-Team").update(is_owner=True)
    kpis = {kpi.name: kpi for kpi in KPI.objects.filter(goal__plan=plan)}
    for name, value in (("Wiederkaufrate", "39.8"), ("Net Promoter Score", "22"), ("Service-Anfragen per Mail", "740")):
        services.checkin_record(kpi=kpis[name], user=lead, date=dt.date(2027, 7, 2), value=Decimal(value), note="")
    services.review_request_create(plan=plan, user=lead, message="Bitte bis Freitag.", base_url=base)

    # The executive comments on two sections of version 2 and approves it, in his browser.
    erik = Reader(browser, base, executive)
    erik.open(reverse("signoff:review", args=[plan.pk]))
    for section, text in (("goals", "Sind 40 % realistisch?"), ("channels", "Wer betreut TikTok?")):
        erik.page.fill(f"#comment-{section}", text)
        erik.page.click(f"#section-{section} .section-comments form button")
        erik.page.wait_for_load_state()
    assert Comment.objects.filter(plan=plan, resolved_at=None).count() == 2
    erik.check_and_shoot("review-open", "de")
    erik.page.check("#decide input[value=approve]")
    erik.page.click("#decide button")
    erik.page.wait_for_load_state()
    version = Version.objects.get(plan=plan, number=2)
    assert version.approver_name == "Erik Engel" and version.open_comments_at_approval == 2
    erik.check_and_shoot("review", "de")

    # The lead answers the goals comment on the wizard's step and resolves it there.
    lena = Reader(browser, base, lead)
    goals_step = lena.open(reverse("planner:step", args=[plan.pk, "goals"]))
    assert "Sind 40 % realistisch?" in goals_step and "Wer betreut TikTok?" not in goals_step
    lena.page.fill("#step-comments textarea", "Ja: 38 % heute, der Benchmark sagt +5.")
    lena.page.click("#step-comments button:not([formaction])")
    lena.page.wait_for_load_state()
    lena.page.screenshot(path=ARTIFACTS / "wizard-goals-comments-de.png", full_page=True)
    lena.page.click("#step-comments button[formaction]")
    lena.page.wait_for_load_state()
    assert "Sind 40 % realistisch?" not in lena.text()
    # A later edit: the overview must not call it approved.
    PlanChannel.objects.filter(plan=plan, channel__slug="tiktok").update(posts_per_week=5)
    plan_revision_bump(plan=plan)  # as every write of the planner's services does

    approved_on = date_format(timezone.localtime(version.approved_at), "SHORT_DATE_FORMAT")
    pages = {
        "overview": reverse("planner:plan", args=[plan.pk]),
        "changes": reverse("reports:changes", args=[plan.pk]) + "?old=1&new=2",
        "progress": reverse("signoff:progress", args=[plan.pk]),
    }
    plan_texts = texts_of(plan_to_document(plan)) + texts_of(version.snapshot)
    for code in ("de", "en"):
        lena.open(pages["overview"])
        lena.language(code)
        overview = lena.check_and_shoot("overview", code, plan_texts)
        changes = lena.open(pages["changes"]) and lena.check_and_shoot("changes", code, plan_texts)
        progress = lena.open(pages["progress"]) and lena.check_and_shoot("progress", code, plan_texts)
        dashboard = lena.open(reverse("planner:dashboard")) and lena.check_and_shoot("dashboard", code, plan_texts)
        if code == "de":
            assert f"Version 2, von Erik Engel am {approved_on}" in overview
            assert "Der Plan hat sich seitdem geändert." in overview and "1 offener Kommentar" in overview
            assert "Kanal TikTok in Phase 2 hinzugefügt" in changes
            assert "Hauptverantwortung wechselt von Marko K. zu Service-Team" in changes
            assert "im Rückstand" in progress and "erreicht" in progress
            assert "geändert seit Freigabe von Version 2" in dashboard and "Überprüfung fällig in" in dashboard
        else:
            assert "Version 2, by Erik Engel on" in overview
            assert "The plan has changed since." in overview and "1 open comment" in overview
            assert "Channel TikTok added in phase 2" in changes
            assert "Owner changed from Marko K. to Service-Team" in changes
            assert "behind" in progress and "reached" in progress
            assert "changed since version 2 was approved" in dashboard and "Review due in" in dashboard

    # The lead shares the approved version; someone without an account reads it.
    lena.open(reverse("signoff:share_links", args=[plan.pk]))
    lena.language("de")
    lena.page.fill("input[name=label]", "Aufsichtsrat")
    lena.page.click("form[action$='/share/new/'] button")
    lena.page.wait_for_load_state()
    shared = re.search(r"https?://[^/\s]+(/share/[^/\s]+/)", lena.text())[1]
    lena.check_and_shoot("share-links", "de", plan_texts)
    guest = Reader(browser, base)
    for code in ("de", "en"):
        guest.open(shared)
        guest.language(code)
        text = guest.check_and_shoot("shared", code, plan_texts)
        approved_by = "freigegeben von Erik Engel" if code == "de" else "approved by Erik Engel"
        assert f"Version 2 · {approved_by}" in text
        assert "Vertrauliche" not in text and "Wer betreut TikTok?" not in text  # no comments for guests

    # The approved report, in the plan's language and in English: its cover and its approval page.
    report = Report.objects.get(plan=plan, version=version)  # the share link asked for it
    for code in ("de", "en"):
        snapshot = {**version.snapshot, "plan": {**version.snapshot["plan"], "language": code}}
        content = render_pdf(
            snapshot=snapshot,
            number=version.number,
            approval=report.approval,
            compared=report.compared_to,
            as_of=timezone.localdate(version.created_at),
        ).content
        with translation.override(code):
            day = date_format(timezone.localtime(version.approved_at), "DATE_FORMAT")
            found = pdf_pages_as_png(
                content,
                f"report-{code}",
                {
                    "cover": "Erik Engel",
                    "approval": "Offene Kommentare bei der Freigabe" if code == "de" else "Open comments when approved",
                },
                tmp_path,
            )
        assert day in found["cover"] and ("Freigegeben" if code == "de" else "Approved") in found["cover"]
        assert (
            "2"
            in found["approval"].split(
                "Offene Kommentare bei der Freigabe" if code == "de" else "Open comments when approved"
            )[1]
        )
