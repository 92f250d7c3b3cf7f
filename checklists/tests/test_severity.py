"""A severity has one label, the same on screen and in the PDF, in the reader's language."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils.translation import override

from checklists.rules import Finding, Severity

from .plans import draft, findings


@pytest.mark.parametrize(
    ("severity", "english", "german"),
    [("error", "Critical", "Kritisch"), ("warning", "Warning", "Warnung"), ("info", "Note", "Hinweis")],
)
def test_each_severity_has_one_label_in_english_and_german(severity, english, german):
    finding = Finding(code="x", severity=severity, message="", source="", step="goals")
    with override("en"):
        assert finding.severity_label == english == Severity(severity).label
    with override("de"):
        assert finding.severity_label == german


def test_the_screen_shows_the_same_label_as_the_pdf():
    found = findings(draft())
    with override("de"):
        html = render_to_string("checklists/_findings.html", {"findings": found})
        labels = [finding.severity_label for finding in found]
    badges = re.findall(r'<span class="badge [^"]*">\s*([^<]*?)\s*</span>', html)
    assert badges == labels
    assert {"Kritisch", "Warnung", "Hinweis"} <= set(badges)
