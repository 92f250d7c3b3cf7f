"""Rules that read what the plan says: bought fans, placeholder guidelines, a crisis plan and what is
off limits."""

import pytest
from django.utils import translation

from checklists.rules.texts import is_placeholder, says_fans_are_bought

from .plans import codes, example_document, findings

# --- bought followers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Wir kaufen 5.000 Fans zum Start.",
        "Zum Start kaufen wir uns ein paar Fans und Follower.",
        "Zum Start kaufen wir 2.000 Instagram-Follower, damit das Profil nicht leer wirkt.",
        "TikTok-Fans zukaufen",
        "5.000 Instagram-Follower kaufen.",
        "Anfangs werden Follower gekauft, damit der Kanal nicht leer wirkt.",
        "Gekaufte Likes für die ersten Beiträge",
        "Follower-Kauf über einen Dienstleister",
        "Kauf von 2.000 Likes",
        "We buy 10k followers to look established.",
        "Bought likes for the launch",
        "Purchase of followers before the launch",
    ],
)
def test_a_text_that_says_fans_are_bought(text):
    assert says_fans_are_bought(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wir kaufen keine Follower.",
        "Gekaufte Fans verfälschen jede Kennzahl.",
        "Keine gekauften Likes, niemals.",
        "Fans, die bei uns kaufen, bekommen einen Rabatt.",
        "Fans kaufen bei uns häufiger ein.",
        "Fans können im Shop T-Shirts kaufen.",
        "Bestandskunden kaufen wieder.",
        "Follower zu Käufern machen",
        "We never buy followers.",
        "Turn followers into buyers.",
    ],
)
def test_a_text_that_does_not_say_fans_are_bought(text):
    assert not says_fans_are_bought(text)


@pytest.mark.parametrize(
    ("where", "step"),
    [("summary", "basics"), ("milestone", "roadmap"), ("goal", "goals"), ("guideline", "guidelines"),
     ("channel", "channels"), ("role", "roles"), ("theme", "content")],
)  # fmt: skip
def test_bought_followers_appears_on_the_step_where_the_text_stands(where, step):
    doc = example_document()
    said = "Wir kaufen 5.000 Fans zum Start."
    plan = doc["plan"]
    if where == "summary":
        plan["summary"] = said
    elif where == "milestone":
        plan["milestones"][0]["title"] = said
    elif where == "goal":
        plan["goals"][2]["description"] = said
    elif where == "guideline":
        plan["guidelines"][0]["text"] = said
    elif where == "channel":
        plan["channels"][2]["purpose"] = said
    elif where == "role":
        plan["roles"][0]["responsibilities"] = said
    else:
        plan["content_themes"][0]["description"] = said
    with translation.override("de"):
        (finding,) = [f for f in findings(doc) if f.code == "bought_followers"]
    assert (finding.severity, finding.step) == ("error", step)
    assert "„Wir kaufen 5.000 Fans zum Start.“" in finding.message


def test_the_example_plan_buys_no_fans():
    assert "bought_followers" not in codes(example_document())


# --- guidelines -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["folgt", "Kommt noch.", "TBD", "to follow", "Details folgen später.", "Wird noch nachgereicht.",
     "Regeln legen wir später fest.", "Kurz und gut", ""],
)  # fmt: skip
def test_placeholder_guidelines(text):
    assert is_placeholder({"topic": "Ton", "text": text})


@pytest.mark.parametrize(
    "text",
    ["Wir siezen alle.", "Wir antworten nie später als vier Stunden nach einem Kommentar.",
     "Details zur Bildsprache folgen dem Corporate-Design-Handbuch."],
)  # fmt: skip
def test_short_real_guidelines_count(text):
    assert len(text) >= 15
    assert not is_placeholder({"topic": "Ton", "text": text})


def test_the_placeholder_length_boundary_is_15_characters():
    assert is_placeholder({"text": "x" * 14})
    assert not is_placeholder({"text": "x" * 15})


def test_no_guidelines_fires_without_guidelines_or_with_only_placeholders():
    doc = example_document()
    doc["plan"]["guidelines"] = []
    assert "no_guidelines" in codes(doc)
    doc["plan"]["guidelines"] = [{"topic": "Ton", "text": "folgt"}, {"topic": "Krise", "text": "TBD"}]
    assert "no_guidelines" in codes(doc)
    doc["plan"]["guidelines"].append({"topic": "Fehler", "text": "Wir stehen zu Fehlern."})
    assert "no_guidelines" not in codes(doc)


@pytest.mark.parametrize(
    "guideline",
    [{"topic": "Krise", "text": "Die GF wird binnen einer Stunde informiert."},
     {"topic": "Ton", "text": "Bei einer Eskalation informieren wir die GF."},
     {"topic": "Shitstorm-Plan", "text": "Erst intern klären, dann antworten."},
     {"topic": "Crisis", "text": "Legal decides within the hour."},
     {"topic": "Ton", "text": "When things escalate, legal decides."},
     {"topic": "Krisenkommunikation", "text": "Es spricht nur die Geschäftsführung."},
     {"topic": "Ton", "text": "Droht eine Unternehmenskrise, spricht nur die Geschäftsführung."}],
)  # fmt: skip
def test_a_guideline_about_crises_or_escalation_is_a_crisis_plan(guideline):
    doc = example_document()
    doc["plan"]["guidelines"] = [{"topic": "Ton", "text": "Wir sprechen auf Augenhöhe."}, guideline]
    assert "no_crisis_plan" not in codes(doc)


@pytest.mark.parametrize("text", ["TBD", "folgt", ""])
def test_a_crisis_guideline_that_is_only_a_placeholder_is_no_crisis_plan(text):
    doc = example_document()
    doc["plan"]["guidelines"][2]["text"] = text  # "Krise"
    with translation.override("en"):
        found = [f.message for f in findings(doc) if f.code == "no_crisis_plan"]
    assert len(found) == 1 and found[0].startswith("The guideline “Krise” is only a placeholder so far")


def test_no_crisis_plan_fires_when_no_guideline_is_about_crises():
    doc = example_document()
    doc["plan"]["guidelines"] = [g for g in doc["plan"]["guidelines"] if g["topic"] != "Krise"]
    assert "no_crisis_plan" in codes(doc)
    doc["plan"]["guidelines"].append({"topic": "Kristina", "text": "Kristina beantwortet Fragen am Wochenende."})
    assert "no_crisis_plan" in codes(doc)


def test_no_off_limits_fires_when_nothing_or_only_blanks_are_off_limits():
    doc = example_document()
    doc["plan"]["off_limits"] = ["  "]
    assert "no_off_limits" in codes(doc)
    assert "no_off_limits" not in codes(example_document())


@pytest.mark.parametrize(
    "guideline",
    [{"topic": "Vertraulichkeit", "text": "Zahlen bleiben intern."},
     {"topic": "Ton", "text": "Nicht veröffentlicht wird, was als vertraulich vereinbart ist."},
     {"topic": "Confidentiality", "text": "Sales figures are not published."}],
)  # fmt: skip
def test_a_confidentiality_guideline_counts_as_agreeing_what_is_never_published(guideline):
    doc = example_document()
    doc["plan"]["off_limits"] = []
    doc["plan"]["guidelines"].append(guideline)
    assert "no_off_limits" not in codes(doc)


def test_a_confidentiality_guideline_that_is_only_a_placeholder_agrees_nothing():
    doc = example_document()
    doc["plan"]["off_limits"] = []
    doc["plan"]["guidelines"].append({"topic": "Vertraulichkeit", "text": "folgt"})
    assert "no_off_limits" in codes(doc)
