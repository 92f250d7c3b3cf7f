"""plan_to_document and document_dumps: the file a user downloads reads as they wrote it."""

import json
from typing import Any

import pytest

from planner.plan_file import document_dumps, parse_document, plan_import, plan_to_document, prefetched_plan_to_document
from planner.selectors import plan_with_parts

pytestmark = pytest.mark.django_db


def document(**plan: Any) -> dict[str, Any]:
    return {"format": "social-media-strategy-plan", "version": 1, "plan": {"title": "Plan", **plan}}


def test_whole_numbers_are_written_without_decimals_and_fractions_as_written(channels):
    source = document(
        resources={"staff_hours_per_week": 38, "paid_media_budget_eur": 1500.5, "tools_budget_eur": 0},
        roles=[{"person": "A", "hours_per_week": 0.25}],
        channels=[{"channel": "blog", "posts_per_week": 2}],
    )
    plan = plan_import(document=parse_document(json.dumps(source)))
    text = document_dumps(plan_to_document(plan))
    assert '"staff_hours_per_week": 38,' in text
    assert '"paid_media_budget_eur": 1500.5,' in text
    assert '"tools_budget_eur": 0\n' in text
    assert '"hours_per_week": 0.25\n' in text
    assert '"posts_per_week": 2,' in text


def test_the_file_keeps_umlauts_readable_and_ends_with_a_newline(channels):
    plan = plan_import(document=parse_document(json.dumps(document(summary="Größe 🚀"))))
    text = document_dumps(plan_to_document(plan))
    assert '"summary": "Größe 🚀"' in text and text.endswith("}\n")


def test_without_link_order_the_document_costs_no_query_and_holds_the_same_links(
    example_plan, django_assert_num_queries
):
    plan = plan_with_parts(example_plan.pk)
    with django_assert_num_queries(0):
        quick = prefetched_plan_to_document(plan, link_order=False)
    ordered = plan_to_document(example_plan)
    for kind in ("channels", "content_themes"):
        for quick_row, ordered_row in zip(quick["plan"][kind], ordered["plan"][kind], strict=True):
            for links in ("target_groups", "goals", "channels"):
                assert sorted(quick_row.get(links, [])) == sorted(ordered_row.get(links, []))


def test_a_row_made_without_a_key_gets_one_the_links_can_use(channels):
    source = document(goals=[{"title": "Ohne Schlüssel"}], target_groups=[{"name": "Ohne Schlüssel"}])
    plan = plan_import(document=parse_document(json.dumps(source)))
    body = plan_to_document(plan)["plan"]
    goal, group = plan.goals.get(), plan.target_groups.get()
    assert (body["goals"][0]["key"], body["target_groups"][0]["key"]) == (f"goal-{goal.pk}", f"group-{group.pk}")
    assert parse_document(document_dumps(plan_to_document(plan)))
