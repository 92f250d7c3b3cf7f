"""The screen speaks the user's language: a lead switches the language in the middle of a plan,
and no wizard step shows a word of the other language. Every step is photographed in both
languages (test-artifacts/wizard/, 1280 pixels wide) for a person to look at."""

import json
import re
from itertools import count
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from planner.plan_file import parse_document, plan_import
from planner.steps import STEPS
from planner.templates_catalog import TEMPLATE_DIR
from tests.test_translations import PO, entries

SHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "wizard"
# The plan file's free texts: replaced by words of no language, so only the planner's own words count.
TEXTS = {"title", "organization", "industry", "summary", "name", "notes", "description", "needs", "purpose"}
TEXTS |= {"person", "responsibilities", "topic", "text", "unit", "expert_source", "report_to"}
LISTS = {"strengths", "weaknesses", "opportunities", "threats", "off_limits", "formats"}
# Words both languages use: German marketing writes "Management Summary", "Version", "Start" and the
# "Social Media Maturity Model", "des Plans" is German; "Organisation" is British English.
SHARED_WORDS = {"Start", "Plans", "Version", "Management", "Summary", "Maturity", "Organisation"}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def neutral(value, numbers=None):
    """The example plan with every free text replaced by a word of no language ("Qx12")."""
    numbers = numbers if numbers is not None else count(1)
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in TEXTS and isinstance(item, str) and item:
                out[key] = f"Qx{next(numbers)}"
            elif key in LISTS:
                out[key] = [f"Qx{next(numbers)}" for _ in item]
            else:
                out[key] = neutral(item, numbers)
        return out
    if isinstance(value, list):
        return [neutral(item, numbers) for item in value]
    return value


def other_language(language: str) -> dict[str, re.Pattern]:
    """What only the other language says: on a German page the English messages, on an English
    page the German ones (messages both languages write alike are left out)."""
    found = {}
    for msgid, msgstr in entries(PO.read_text()):
        if not msgid or not msgstr or msgid.casefold() == msgstr.casefold():
            continue
        text = msgid if language == "de" else msgstr
        # The longest literal part of a message with placeholders or markup.
        part = max(re.split(r"%\(\w+\)\w|%\w|\{\w*\}|<[^>]+>|\\n", text), key=len).strip(" .,:;–()")
        if len(part) >= 4 and part not in SHARED_WORDS:
            found[part] = re.compile(rf"(?<![\w-]){re.escape(part)}(?![\w-])")
    return found


def test_switching_language_mid_plan_leaves_no_word_of_the_other(served_app, channels, organization, lead, signed_in):
    document = neutral(json.loads((TEMPLATE_DIR / "kontaktlinsen-versand.json").read_text()))
    document["plan"]["milestones"][2]["end"] = "2028-03-31"  # past the horizon: a finding to read on the roadmap
    plan = plan_import(document=parse_document(json.dumps(document).encode()), organization=organization, user=lead)
    page = signed_in(lead)
    SHOTS.mkdir(parents=True, exist_ok=True)
    mixed = {}
    for language in ("de", "en"):
        page.goto(served_app.url + reverse("planner:step", args=[plan.pk, STEPS[2].slug]))
        page.click(f"nav form button[name=language][value={language}]")  # mid-plan, on the goals step
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == language
        other = other_language(language)
        for number, step in enumerate(STEPS, start=1):
            page.goto(served_app.url + reverse("planner:step", args=[plan.pk, step.slug]))
            page.screenshot(path=SHOTS / f"{language}-{number:02d}-{step.slug}.png", full_page=True)
            assert page.locator("h1").inner_text() == str(page.evaluate("document.title").split(" · ")[0])
            text = page.inner_text("body")
            hits = sorted(phrase for phrase, pattern in other.items() if pattern.search(text))
            if hits:
                mixed[f"{language} {step.slug}"] = hits
        page.goto(served_app.url + reverse("planner:plan", args=[plan.pk]))
        page.screenshot(path=SHOTS / f"{language}-12-overview.png", full_page=True)
        hits = sorted(phrase for phrase, pattern in other.items() if pattern.search(page.inner_text("body")))
        if hits:
            mixed[f"{language} overview"] = hits
    assert mixed == {}
    assert not page.js_errors


CONTRAST = """(element) => {
  const rgb = (color) => color.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const luminance = (color) => {
    const linear = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    const [r, g, b] = rgb(color).map(linear);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  let background = element;
  while (background && getComputedStyle(background).backgroundColor.match(/rgba\\(.*, 0\\)|transparent/)) {
    background = background.parentElement;
  }
  const [a, b] = [luminance(getComputedStyle(element).color), luminance(getComputedStyle(background).backgroundColor)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def test_the_navbar_is_readable(served_app, lead, signed_in):
    page = signed_in(lead)
    page.goto(served_app.url + reverse("planner:dashboard"))
    for selector in ("nav .dropdown-toggle >> nth=-1", "nav .navbar-brand", "nav button[name=language] >> nth=1"):
        assert page.locator(selector).evaluate(CONTRAST) >= 4.5, selector
