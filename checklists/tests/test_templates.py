from django.template.loader import render_to_string

from checklists.models import ChecklistItem
from checklists.scoring import METHOD_SUMMARY, readiness

from .plans import draft, findings
from .test_scoring import ITEMS


def test_findings_partial_shows_message_measures_and_source():
    html = render_to_string("checklists/_findings.html", {"findings": findings(draft())})
    assert 'data-code="no_goals"' in html
    assert "12 Gründe, warum Unternehmen keinen Erfolg in Social Media haben" in html


def test_findings_partial_without_findings():
    assert "findings-none" in render_to_string("checklists/_findings.html", {"findings": []})


def test_readiness_partial_shows_stage_and_marks_the_weakest_dimension():
    document = draft()
    html = render_to_string(
        "checklists/_readiness.html",
        {
            "readiness": readiness(document, findings(document), ITEMS),
            "dimension_labels": dict(ChecklistItem.Dimension.choices),
            "method_summary": METHOD_SUMMARY,
        },
    )
    assert "stage-explorer" in html
    assert html.count('class="col-5 small text-danger"') == 1


def test_the_readiness_tag_brings_the_dimension_labels_and_the_method():
    from django.template import Context, Template
    from django.utils.translation import override

    document = draft()
    with override("de"):
        html = Template("{% load checklist_tags %}{% readiness_summary readiness %}").render(
            Context({"readiness": readiness(document, findings(document), ITEMS)})
        )
        summary = str(METHOD_SUMMARY)
    assert "stage-explorer" in html and "Strategie" in html and "Erfolgsmessung" in html
    assert summary[:40] in html
