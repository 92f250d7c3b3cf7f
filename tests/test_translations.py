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


def test_every_message_in_the_code_and_templates_has_a_german_translation(tmp_path):
    """Extract the messages as makemessages does, from a copy of the sources, and merge them with
    our catalogue: nothing may come out untranslated or fuzzy (a msgid changed in the code but
    not in the catalogue)."""
    import shutil
    import subprocess
    import sys

    copy = tmp_path / "src"
    ignore = shutil.ignore_patterns(".venv", "var", ".git", "test-artifacts", "__pycache__", "*.mo", "node_modules")
    shutil.copytree(settings.BASE_DIR, copy, ignore=ignore)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "de", "--no-obsolete", "-v", "0"],
        cwd=copy,
        check=True,
        env={**__import__("os").environ, "DEBUG": "true"},
    )
    merged = (copy / "locale" / "de" / "LC_MESSAGES" / "django.po").read_text()
    fuzzy = [block.split("\nmsgid ", 1)[-1][:80] for block in merged.split("\n\n") if "#, fuzzy" in block]
    fuzzy = [entry for entry in fuzzy if not entry.startswith('""\nmsgstr ""\n"Project')]  # the header
    untranslated = [msgid for msgid, msgstr in entries(merged) if msgid and not msgstr]
    assert untranslated == []
    assert fuzzy == []
