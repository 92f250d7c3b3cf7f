"""Rules that read what the plan says in its own words: guidelines, what stays confidential, and
whether fans are to be bought."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..content.sources import BOSSES, HOW_NOT_TO, NINE_FACTORS, TWELVE_REASONS
from .base import Context, Problem, Severity, fmt_list, goal_label, kpi_label, quoted, rows, rule, text, texts

MIN_GUIDELINE_CHARACTERS = 15
MAX_QUOTE = 160

# --- guidelines -----------------------------------------------------------------------------

# A guideline that only says its content comes later ("folgt", "TBD", "Details klären wir später").
_DEFERRED = re.compile(
    r"^\W*(?:folgt|folgen|kommt(?:\s+noch)?|später|tbd|tba|to\s+follow|to\s+come|coming\s+soon|offen|in\s+arbeit|"
    r"todo|to\s+do)\W*$"
    r"|\bfolg(?:t|en)\s+(?:noch|später|in\s+kürze|bald)\b|\bkomm(?:t|en)\s+noch\b"
    r"|\b(?:wird|werden)\s+(?:noch\s+|später\s+|erst\s+)?(?:nachgereicht|ergänzt|erarbeitet|festgelegt|definiert|"
    r"erstellt|geklärt|formuliert)\b"
    r"|\b(?:legen|definieren|klären|ergänzen|regeln|besprechen|formulieren)\s+wir\s+(?:noch\s+|erst\s+)?später\b"
    r"|\bspäter\s+(?:mehr|ergänzen|ergänzt|festlegen|festgelegt|definieren|definiert|klären|geklärt)\b"
    r"|\b(?:details|text|inhalt|inhalte|regeln)\s+folg(?:t|en)\b|\btb[ad]\b|\bto\s+follow\b"
    r"|\bto\s+be\s+(?:defined|decided|added|written|agreed|confirmed|done)\b"
    r"|\bwill\s+be\s+(?:defined|added|written|agreed)\s+later\b|\bcoming\s+soon\b"
    r"|\bnoch\s+offen\b|\bnoch\s+zu\s+(?:klären|definieren|erstellen|ergänzen|schreiben)\b|\bsteht\s+noch\s+aus\b"
)
_CRISIS = re.compile(
    r"\b(?:\w*krise\b|\w*krisen\w*|krise\w*|eskal\w*|\w*shitstorm\w*|crisis|crises|escalat\w*|kritikwelle\w*)"
)
_CONFIDENTIAL = re.compile(
    r"vertraulich|verschwiegen|geheimhalt|betriebsgeheim|geschäftsgeheim|\bnicht\s+veröffentlich"
    r"|\bnicht\s+nach\s+außen|\btabu|confidential|\bsecret|\bnot\s+(?:be\s+)?(?:published|shared|disclosed)"
    r"|\boff[-\s]limits\b"
)


def is_placeholder(guideline: Mapping[str, Any]) -> bool:
    """A guideline whose text is shorter than 15 characters or only says that it comes later."""
    body = text(guideline.get("text"))
    return len(body) < MIN_GUIDELINE_CHARACTERS or bool(_DEFERRED.search(body.casefold()))


def _about(guideline: Mapping[str, Any], pattern: re.Pattern[str]) -> bool:
    return bool(pattern.search(f"{text(guideline.get('topic'))}\n{text(guideline.get('text'))}".casefold()))


@rule(
    "no_guidelines", Severity.WARNING, source=TWELVE_REASONS, step="guidelines", dimension="culture",
    measures=[("pitfall-no-guidelines", 0), ("pitfall-no-guidelines", 1), ("sf-marketing-hat-off", 1)],
)  # fmt: skip
def no_guidelines(plan: Mapping[str, Any], context: Context) -> list[str]:
    guidelines = rows(plan, "guidelines")
    if any(not is_placeholder(g) for g in guidelines):
        return []
    advice = _(
        "Agree short, clear social media guidelines before you start – tone, mistakes, confidentiality, crises, "
        "legal matters: they avoid legal risks and tell employees and partners how to act for the company. They "
        "need not be long or complicated."
    )
    if not guidelines:
        return [_("The plan has no guidelines.") + " " + advice]
    topics = [quoted(text(g.get("topic")) or "?") for g in guidelines]
    return [
        _("The guidelines are only placeholders so far (%(topics)s): none of them says yet what applies.")
        % {"topics": fmt_list(topics)}
        + " "
        + advice
    ]


@rule(
    "no_crisis_plan", Severity.INFO, source=BOSSES, step="guidelines", dimension="culture",
    measures=[("faq-culture", 1), ("maturity-risk-of-not-using", 0)],
)  # fmt: skip
def no_crisis_plan(plan: Mapping[str, Any], context: Context) -> list[str]:
    about_crises = [g for g in rows(plan, "guidelines") if _about(g, _CRISIS)]
    if any(not is_placeholder(g) for g in about_crises):
        return []
    advice = _(
        "Agree before the start who is told within what time when a wave of criticism begins, who answers, and "
        "when the legal department or management takes over. Executives fear shitstorms; a plan for one takes the "
        "fear away."
    )
    if about_crises:  # a heading that says only "TBD" is no plan yet
        topics = fmt_list(quoted(text(g.get("topic")) or "?") for g in about_crises)
        return [
            _("The guideline %(topics)s is only a placeholder so far: nothing says yet what happens in a crisis.")
            % {"topics": topics}
            + " "
            + advice
        ]
    return [_("No guideline says what happens in a crisis.") + " " + advice]


@rule(
    "no_off_limits", Severity.INFO, source=NINE_FACTORS, step="content", dimension="content",
    measures=[("sf-transparency", 0)],
)  # fmt: skip
def no_off_limits(plan: Mapping[str, Any], context: Context) -> list[str]:
    guidelines = rows(plan, "guidelines")
    if texts(plan.get("off_limits")) or any(_about(g, _CONFIDENTIAL) and not is_placeholder(g) for g in guidelines):
        return []
    return [
        _(
            "Nothing is agreed as off limits. Clarify with management what must NOT be published (e.g. sales "
            "figures, internal strategy meetings) – then everything else can be shared openly."
        )
    ]


# --- bought followers -----------------------------------------------------------------------

# "Fans", "Instagram-Follower", "TikTok-Fans": the fan word may end a compound.
_FANS = r"(?:[\w]+-)?(?:fans?|follower\w*|likes?|abonnent\w*|abonnements?|subscribers?|gefällt-mir-angaben)"
_BUY = (
    r"(?:kaufen|kauft|kaufe|kauften|gekauft\w*|einkaufen|zukaufen|zugekauft\w*|dazukaufen|dazugekauft\w*|"
    r"erkaufen|erkauft\w*|buy|buys|buying|bought|purchase|purchases|purchasing|purchased)"
)
_WORDS = r"(?:\s+[^\s,;:!?()]+){0,%d}?"
# Between "Fans" and "kaufen" no modal verb: "Fans können Merch kaufen" says fans buy, not that fans are bought.
_SUBJECTLESS = (
    r"(?:\s+(?!(?:können|könnten|sollen|sollten|dürfen|möchten|wollen|müssen|can|could|should|may|might|will|"
    r"would)\b)[^\s,;:!?()]+){0,3}?"
)
_BOUGHT = re.compile(
    # "wir kaufen 5.000 Fans", "gekaufte Follower", "buy 10k likes"
    rf"\b{_BUY}{_WORDS % 4}\s+{_FANS}\b"
    # "5.000 Fans zum Start kaufen.", "Follower werden gekauft": the verb ends the clause
    rf"|\b{_FANS}{_SUBJECTLESS}\s+{_BUY}(?=\s*(?:[,;:!?.()]|$|\s+(?:und|oder|and|or|werden|wird|lassen|haben|hat)\b))"
    # "Follower-Kauf", "Fankäufe", "Kauf von Likes", "purchase of followers"
    rf"|\b(?:fan|follower|like|abonnenten)-?k[aä]uf\w*|\bkauf\s+von{_WORDS % 2}\s+{_FANS}\b"
    rf"|\bpurchas\w*\s+of{_WORDS % 2}\s+{_FANS}\b",
)
# A sentence that rules buying out ("wir kaufen keine Follower", "never buy fans") is not a finding.
_AGAINST = re.compile(
    r"\b(?:kein\w*|nicht|nie|niemals|ohne|statt|anstatt|verzicht\w*|verbot\w*|untersag\w*|tabu|vermeid\w*|"
    r"verfälsch\w*|never|no|not|without|instead|avoid\w*|forbidden|prohibited|ban\w*|don't|doesn't|won't|distort\w*)\b"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


_CLAUSE_END = re.compile(r"[,;:()]")


def _clause(text: str, start: int, end: int) -> str:
    """The clause around text[start:end]: up to the nearest comma, semicolon, colon or bracket."""
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def says_fans_are_bought(value: str) -> str | None:
    """The first sentence of a text that says followers, fans or likes are bought, or None. A clause
    that rules it out ("wir kaufen keine Follower") is no such statement."""
    for sentence in _SENTENCE.split(value):
        folded = sentence.casefold()
        for match in _BOUGHT.finditer(folded):
            if not _AGAINST.search(_clause(folded, match.start(), match.end())):
                return sentence.strip()
    return None


def _plan_texts(plan: Mapping[str, Any], context: Context) -> Iterator[tuple[str, str, str]]:
    """(text, where it stands, wizard step) for every text in which the plan says what it will do."""
    yield text(plan.get("summary")), _("summary"), "basics"
    for i, goal in enumerate(rows(plan, "goals"), start=1):
        where = _("goal %(name)s") % {"name": quoted(goal_label(goal, i))}
        yield f"{text(goal.get('title'))}\n{text(goal.get('description'))}", where, "goals"
        for j, kpi in enumerate(rows(goal, "kpis"), start=1):
            yield text(kpi.get("name")), _("KPI %(name)s") % {"name": quoted(kpi_label(kpi, j))}, "goals"
    for channel in rows(plan, "channels"):
        name = quoted(context.channel_name(channel.get("channel")))
        yield text(channel.get("purpose")), _("channel %(name)s") % {"name": name}, "channels"
    for theme in rows(plan, "content_themes"):
        body = "\n".join([text(theme.get("title")), text(theme.get("description")), *texts(theme.get("formats"))])
        yield body, _("content theme %(name)s") % {"name": quoted(text(theme.get("title")) or "?")}, "content"
    for role in rows(plan, "roles"):
        name = quoted(text(role.get("person")) or text(role.get("title")) or "?")
        yield (
            f"{text(role.get('title'))}\n{text(role.get('responsibilities'))}",
            _("role %(name)s") % {"name": name},
            "roles",
        )
    for guideline in rows(plan, "guidelines"):
        name = quoted(text(guideline.get("topic")) or "?")
        body = f"{text(guideline.get('topic'))}\n{text(guideline.get('text'))}"
        yield body, _("guideline %(name)s") % {"name": name}, "guidelines"
    for milestone in rows(plan, "milestones"):
        title = text(milestone.get("title"))
        yield title, _("milestone %(name)s") % {"name": quoted(title or "?")}, "roadmap"


@rule(
    "bought_followers", Severity.ERROR, source=HOW_NOT_TO, step="goals", dimension="measurement",
    measures=[("anti-honest-metrics", 0), ("anti-honest-metrics", 1)],
    steps=["basics", "channels", "content", "roles", "guidelines", "roadmap"],
)  # fmt: skip
def bought_followers(plan: Mapping[str, Any], context: Context) -> list[Problem]:
    problems = []
    for body, where, step in _plan_texts(plan, context):
        sentence = says_fans_are_bought(body) if body else None
        if sentence is None:
            continue
        if len(sentence) > MAX_QUOTE:
            sentence = sentence[: MAX_QUOTE - 1].rstrip() + "…"
        message = _(
            "The plan says that followers, fans or likes are bought: %(quote)s (%(where)s). Bought fans distort "
            "every metric and reach no one who cares about you: grow your community with content and dialogue, "
            "and measure honestly."
        ) % {"quote": quoted(sentence), "where": where}
        problems.append(Problem(message, step=step))
    return problems
