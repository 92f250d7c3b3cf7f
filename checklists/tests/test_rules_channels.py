"""Rules on target groups, channels, the launch and content: each fires on its problem and not without it.

The example plan's channels: forum (phase 0, no posts: listening), blog and facebook (phase 1: the
pilot, both for "bestand"), youtube (phase 2, for "einsteiger").
"""

import pytest
from django.utils import translation

from .plans import codes, draft, example_document, messages


def test_no_target_groups_fires_without_target_groups_and_quiet_with_one():
    assert "no_target_groups" in codes(draft(target_groups=[]))
    assert "no_target_groups" not in codes(example_document())


def test_channel_without_target_group_names_the_channel_as_the_catalogue_does():
    doc = example_document()
    doc["plan"]["channels"][0]["target_groups"] = []
    with translation.override("de"):
        found = messages(doc, "channel_without_target_group")
    assert len(found) == 1
    assert "„Foren und Communities“" in found[0] and "forum" not in found[0]
    assert "channel_without_target_group" not in codes(example_document())


def _pilot(doc, *slugs, groups=("bestand",), phase=1, posts=1):
    for slug in slugs:
        doc["plan"]["channels"].append(
            {"channel": slug, "dialogue": True, "target_groups": list(groups), "posts_per_week": posts, "phase": phase}
        )
    return doc


def test_three_pilot_channels_are_too_much_at_once_and_two_are_not():
    assert "too_much_at_once" in codes(_pilot(example_document(), "instagram"))
    assert "too_much_at_once" not in codes(example_document())


def test_a_channel_in_phase_0_that_publishes_counts_as_part_of_the_pilot():
    doc = _pilot(example_document(), "instagram", phase=0, posts=2)
    assert "too_much_at_once" in codes(doc)
    with translation.override("en"):
        assert "count as part of the pilot" in messages(doc, "too_much_at_once")[0]
    quiet = _pilot(example_document(), "instagram", phase=0, posts=0)
    assert "too_much_at_once" not in codes(quiet)


def test_a_channel_without_a_phase_is_in_the_pilot():
    doc = _pilot(example_document(), "instagram")
    del doc["plan"]["channels"][-1]["phase"]
    assert "too_much_at_once" in codes(doc)


def test_pilot_channels_serving_three_target_groups_are_too_much_and_two_are_not():
    doc = example_document()
    doc["plan"]["target_groups"].append({"key": "b2b", "name": "Augenoptiker"})
    doc["plan"]["channels"][1]["target_groups"] = ["bestand", "einsteiger", "b2b"]
    assert "too_much_at_once" in codes(doc)
    doc["plan"]["channels"][1]["target_groups"] = ["bestand", "einsteiger"]
    assert "too_much_at_once" not in codes(doc)


def test_the_same_channel_twice_in_the_pilot_counts_once():
    doc = _pilot(example_document(), "facebook")
    assert "too_much_at_once" not in codes(doc)


def test_pilot_not_focused_fires_for_exactly_two_pilot_channels_and_not_for_one():
    assert "pilot_not_focused" in codes(example_document())
    doc = example_document()
    doc["plan"]["channels"][2]["phase"] = 2  # facebook later: the blog alone
    assert "pilot_not_focused" not in codes(doc)


def test_pilot_not_focused_fires_for_exactly_two_target_groups_of_one_pilot_channel():
    doc = example_document()
    doc["plan"]["channels"][2]["phase"] = 2
    doc["plan"]["channels"][1]["target_groups"] = ["bestand", "einsteiger"]
    with translation.override("de"):
        (message,) = messages(doc, "pilot_not_focused")
    assert "„Bestandskunden 25-45“ und „Kontaktlinsen-Einsteiger“" in message


def test_no_listening_phase_fires_without_anything_in_phase_0():
    doc = example_document()
    doc["plan"]["channels"][0]["phase"] = 1
    doc["plan"]["milestones"][0]["phase"] = 1
    assert "no_listening_phase" in codes(doc)


def test_a_phase_0_channel_that_publishes_is_no_listening():
    doc = example_document()
    doc["plan"]["milestones"][0]["phase"] = 1
    doc["plan"]["channels"][0]["posts_per_week"] = 0.5
    assert "no_listening_phase" in codes(doc)
    doc["plan"]["channels"][0]["posts_per_week"] = 0
    assert "no_listening_phase" not in codes(doc)


def test_no_listening_phase_quiet_with_a_phase_0_milestone_only():
    doc = example_document()
    doc["plan"]["channels"][0]["phase"] = 2
    assert "no_listening_phase" not in codes(doc)


def test_monologue_fires_when_no_channel_is_for_dialogue():
    doc = example_document()
    for channel in doc["plan"]["channels"]:
        channel["dialogue"] = False
    assert "monologue" in codes(doc)


def test_a_missing_dialogue_value_is_false():
    doc = example_document()
    for channel in doc["plan"]["channels"]:
        del channel["dialogue"]
    assert "monologue" in codes(doc)


def test_monologue_fires_when_no_pilot_channel_is_for_dialogue():
    doc = example_document()
    doc["plan"]["channels"][1]["dialogue"] = False
    doc["plan"]["channels"][2]["dialogue"] = False
    assert "monologue" in codes(doc)
    doc["plan"]["channels"][2]["dialogue"] = True
    assert "monologue" not in codes(doc)


@pytest.mark.parametrize("slug", ["newsletter", "podcast", "pinterest", "whitepaper"])
def test_a_channel_the_catalogue_says_has_no_way_to_reply_is_no_dialogue_channel(slug):
    doc = example_document()
    doc["plan"]["channels"] = [
        {"channel": slug, "dialogue": True, "target_groups": ["bestand"], "posts_per_week": 1, "phase": 1}
    ]
    assert "monologue" in codes(doc)
    doc["plan"]["channels"][0]["channel"] = "linkedin"
    assert "monologue" not in codes(doc)


def test_monologue_quiet_without_channels():
    assert "monologue" not in codes(draft(channels=[]))


def _themes(*kinds):
    doc = example_document()
    doc["plan"]["content_themes"] = [{"title": f"Thema {i}", **({"kind": k} if k else {})} for i, k in enumerate(kinds)]
    return doc


@pytest.mark.parametrize(
    ("kinds", "fires"),
    [
        (["promotional", "promotional"], True),
        (["promotional", "promotional", "educational"], True),
        (["promotional", "educational"], False),  # exactly half is not more than half
        (["promotional", "promotional", "educational", "inspiring"], False),
        (["promotional"], False),  # one theme with a kind is no mix
        (["promotional", None, None], False),
        (["promotional", "promotional", None, None, None], True),  # only themes with a kind count
    ],
)
def test_promotional_mix(kinds, fires):
    assert ("promotional_mix" in codes(_themes(*kinds))) is fires


def test_no_content_plan_fires_without_themes_and_quiet_with_one():
    doc = example_document()
    assert "no_content_plan" not in codes(doc)
    doc["plan"]["content_themes"] = []
    assert "no_content_plan" in codes(doc)
