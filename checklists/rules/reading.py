"""Reading roles as the plan file format says ("Reading roles"): a role's kind is what the user chose,
or else what its job title says. Pure functions; the wizard uses them to pre-fill the kind.

Titles are read word by word. A German compound names what a person is by its last part
("Marketing-Praktikantin" is a trainee, "Praktikantenbetreuerin" looks after trainees), so a
trainee word has to end the word. Phrases that only look like a kind ("Kommunikation
intern/extern", "Assistentin der Geschäftsführung", "Chef vom Dienst") are removed first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

MANAGEMENT, STAFF, TRAINEE, EXTERNAL = "management", "staff", "trainee", "external"
KINDS = (MANAGEMENT, STAFF, TRAINEE, EXTERNAL)

_WORD_SPLIT = re.compile(r"[\s/,;:()\[\]&+|·]+")

# --- trainees -------------------------------------------------------------------------------
_TRAINEE_END = re.compile(
    r"(praktikant|praktikantin|praktikanten|praktikantinnen|praktikum|werkstudent|werkstudentin|werkstudenten|"
    r"werkstudentinnen|werkstudierende|werkstudierender|werkstudierenden|azubi|azubis|azubine|auszubildende|"
    r"auszubildender|auszubildenden|volontär|volontärin|volontäre|volontärinnen|volontariat|aushilfe|aushilfen|"
    r"aushilfskraft|minijob|minijobber|minijobberin|trainee|trainees|apprentice|apprentices|apprenticeship)$"
)
_TRAINEE_PHRASE = re.compile(
    r"\bdual(?:e|er|en|es)?\s+(?:student\w*|studierende\w*)|\bstudentische[rn]?\s+(?:hilfskraft|aushilfe|mitarbeit\w*)"
    r"|\bworking\s+students?\b|\bstudent\s+(?:assistant|worker|employee)s?\b",
)
_ENGLISH_INTERN = re.compile(r"^(intern|interns|internship)$")

# --- external -------------------------------------------------------------------------------
_NOT_EXTERNAL = re.compile(
    r"\bintern\w*\s*(?:/|-|und|&|\+|,|oder|and|or)?\s*extern\w*|\bextern\w*\s*(?:/|-|und|&|\+|,|oder|and|or)\s*"
    r"intern\w*|\bextern\w*\s+(?:kommunikation|communications?|relations|beziehungen|pr)\b",
)
_EXTERNAL_STEM = re.compile(r"agentur|agency|freelance|freiberuf|dienstleister|contractor|outsourc")
_EXTERNAL_WORD = re.compile(r"^(extern|externe|externer|externes|externen|external)$")
_EXTERNAL_PHRASE = re.compile(r"\bfreie[rn]?\s+mitarbeiter\w*|\bservice\s+provider\b|\bconsultancy\b")

# --- management -----------------------------------------------------------------------------
_NOT_MANAGEMENT = re.compile(
    r"\b(?:assistent\w*|assistenz|referent\w*|sekretär\w*|büro|office|stab\w*|(?:executive\s+|personal\s+)?"
    r"assistant|pa)\s+(?:der|des|to\s+the|of\s+the|to|of|für\s+die|für\s+den)\s+\S+"
    r"|\bchef\s+vom\s+dienst\b|\bexecutive\s+assistant\b",
)
_MANAGEMENT_STEM = re.compile(
    r"geschäftsführ|geschäftsleit|unternehmensleit|firmenleit|vorstand|vorständ|inhaber|eigentümer|gründer|founder"
)
_MANAGEMENT_WORD = re.compile(
    r"^((?:senior|junior|firmen|unternehmens)?chef(?:in)?|ceo|cfo|coo|cmo|cto|cdo|gf|gl)$",
)
_STAFF_END = re.compile(
    r"(assistent|assistentin|assistenz|referent|referentin|sekretär|sekretärin|sekretariat|büro|betreuer|"
    r"betreuerin|koordinator|koordinatorin|beauftragte|beauftragter)$"
)
_MANAGEMENT_PHRASE = re.compile(
    r"\bmanaging\s+(?:director|partner)s?\b|\bowner\s+of\s+the\s+(?:company|business|firm)\b"
    r"|\b(?:company|business)\s+owner\b|\b(?:executive|management)\s+board\b|\bboard\s+of\s+directors\b"
    r"|\bchief\s+\w+\s+officer\b|\bchief\s+executive\b",
)
# review.report_to may also name the management as a body ("the management", "Leitungsrunde der GF").
_MANAGEMENT_BODY = re.compile(
    r"^\s*(?:the\s+)?management\s*$|\b(?:senior|top|executive|general)\s+management\b|\bmanagement\s+team\b"
    r"|\bleadership\s+team\b|\bthe\s+board\b",
)


def _words(text: str) -> list[str]:
    return [word.strip(".-'\"“”„") for word in _WORD_SPLIT.split(text) if word.strip(".-'\"“”„")]


def is_trainee_title(title: str, language: str) -> bool:
    text = _NOT_EXTERNAL.sub(" ", title.casefold())  # "Kommunikation intern/extern" names no intern
    if _TRAINEE_PHRASE.search(text):
        return True
    english = language == "en"
    return any(_TRAINEE_END.search(word) or (english and _ENGLISH_INTERN.match(word)) for word in _words(text))


def is_external_title(title: str) -> bool:
    text = _NOT_EXTERNAL.sub(" ", title.casefold())
    if _EXTERNAL_PHRASE.search(text):
        return True
    return any(
        _EXTERNAL_WORD.match(word) or (_EXTERNAL_STEM.search(word) and not _STAFF_END.search(word))
        for word in _words(text)
    )


def names_management(text: str) -> bool:
    """Whether a title (or a recipient, such as review.report_to) names the company's management."""
    text = _NOT_MANAGEMENT.sub(" ", text.casefold())
    if _MANAGEMENT_PHRASE.search(text) or _MANAGEMENT_BODY.search(text):
        return True
    return any(
        _MANAGEMENT_WORD.match(word) or (_MANAGEMENT_STEM.search(word) and not _STAFF_END.search(word))
        for word in _words(text)
    )


def kind_from_title(title: str, language: str = "de") -> str:
    """The kind a job title says: trainee before external before management (an agency's managing
    director is external to the company), staff when it says none of these."""
    if is_trainee_title(title, language):
        return TRAINEE
    if is_external_title(title):
        return EXTERNAL
    if names_management(title):
        return MANAGEMENT
    return STAFF


def role_kind(role: Mapping[str, Any], language: str = "de") -> str:
    """A role's kind: the one chosen (``kind``), or the one its title says."""
    kind = role.get("kind")
    if kind in KINDS:
        return kind
    title = role.get("title")
    return kind_from_title(title if isinstance(title, str) else "", language)
