"""German and English ship: every message of the German catalogue is translated, and
the compiled catalogue is the one in use."""

import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

PO = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES" / "django.po"


def entries(text: str) -> list[tuple[str, str]]:
    """(msgid, msgstr) pairs of a .po file; plural entries give their first msgstr."""
    pairs = []
    for block in text.split("\n\n"):
        if block.lstrip().startswith("#~"):
            continue  # obsolete
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgstr = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', block, re.M)
        if msgid and msgstr:
            join = lambda chunk: "".join(re.findall(r'"(.*)"', chunk))  # noqa: E731
            pairs.append((join(msgid.group(1)), join(msgstr.group(1))))
    return pairs


def test_every_german_message_is_translated():
    untranslated = [msgid for msgid, msgstr in entries(PO.read_text()) if msgid and not msgstr]
    assert untranslated == []


def test_the_interface_speaks_german_and_english():
    with translation.override("de"):
        assert translation.gettext("Goals and KPIs") == "Ziele und KPIs"
    with translation.override("en"):
        assert translation.gettext("Goals and KPIs") == "Goals and KPIs"
