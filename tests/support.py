"""Helpers of the cross-cutting tests: what the database holds, a request that leaves no trace,
and the fields a browser would send from a page's form."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.db import connection, transaction

from planner.models import Plan
from reports.models import Report

IDENTITIES = ("anonymous", "stranger", "staff", "lead", "executive", "admin")
FUZZ_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")  # "thorough" runs twenty times as many examples


def examples(ci: int) -> int:
    """How many examples a fuzz test runs: ``ci`` in CI, twenty times as many when thorough."""
    return ci * 20 if FUZZ_PROFILE == "thorough" else ci


@dataclass
class World:
    """A plan with every part and a report with its file, and one user of each kind; an open invitation
    to the plan's organization, and the account of someone who is none of the identities."""

    plan: Plan
    report: Report
    other_plan: Plan  # the stranger's
    users: dict[str, object]  # identity -> user (None for anonymous)
    invitation_pk: int = 0  # open, sent by the organization's admin to the stranger's (confirmed) address
    invitation_token: str = ""  # the token of its link
    passkey_pk: int = 0  # a passkey of that other account (nobody else may see, rename or remove it)
    confirmation_key: str = ""  # the key of the link confirming that account's second, unconfirmed address


def database_fingerprint() -> dict[str, str]:
    """Every table's row count and a hash of its rows (in a stable order): equal fingerprints mean
    nothing was written, not even a row saved with the same values (``updated_at`` moves)."""
    tables = sorted(connection.introspection.table_names())
    quote = connection.ops.quote_name
    sql = " UNION ALL ".join(
        f"SELECT '{table}', count(*)::text || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
        f"FROM {quote(table)} t"
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


def changed_tables(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(table for table in before.keys() | after.keys() if before.get(table) != after.get(table))


@contextmanager
def rolled_back() -> Iterator[None]:
    """Run the block in a savepoint that is rolled back: each request of a walk, and each example of
    a fuzz test, starts from the same database."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


# --- forms as a browser sends them -----------------------------------------------------------

SKIPPED_INPUTS = {"submit", "button", "image", "reset", "file"}
TEXT_INPUTS = {"text", "search", "email", "url", "tel", ""}


@dataclass
class Form:
    attrs: dict[str, str]
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (name, value, kind)

    def data(self) -> dict[str, list[str]]:
        """The fields as the test client posts them: every value of a name, in order."""
        out: dict[str, list[str]] = {}
        for name, value, _kind in self.fields:
            out.setdefault(name, []).append(value)
        return out

    def edited(self, suffix: str = " ✓") -> tuple[dict[str, list[str]], int]:
        """The fields with ``suffix`` added to every filled-in text; and how many were changed."""
        out: dict[str, list[str]] = {}
        changed = 0
        for name, value, kind in self.fields:
            if kind in ("text", "textarea") and value.strip():
                value, changed = value + suffix, changed + 1
            out.setdefault(name, []).append(value)
        return out, changed


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: tuple[str, bool, list[tuple[str, bool]]] | None = None
        self._option: list[str] | None = None  # the option's value, or its text when it has none
        self._textarea: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._form = Form(attrs=a)
            self.forms.append(self._form)
        elif self._form is None or "disabled" in a:
            return
        elif tag == "input" and a.get("name") and a.get("type", "").lower() not in SKIPPED_INPUTS:
            kind = a.get("type", "").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form.fields.append((a["name"], a.get("value", "on"), kind))
            else:
                # A number or a date typed into a text input (planner.steps.fields) is no free text.
                kind = a.get("data-format") or ("text" if kind in TEXT_INPUTS else kind)
                self._form.fields.append((a["name"], a.get("value", ""), kind))
        elif tag == "select" and a.get("name"):
            self._select = (a["name"], "multiple" in a, [])
        elif tag == "option" and self._select is not None:
            self._select[2].append((a.get("value", ""), "selected" in a))
            self._option = None if "value" in a else []
        elif tag == "textarea" and a.get("name"):
            self._textarea = (a["name"], [])

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea[1].append(data)
        elif self._option is not None:
            self._option.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "option" and self._select is not None and self._option is not None:
            value, selected = self._select[2][-1]
            self._select[2][-1] = ("".join(self._option).strip(), selected)
            self._option = None
        elif tag == "select" and self._select is not None and self._form is not None:
            name, multiple, options = self._select
            chosen = [value for value, selected in options if selected]
            if not chosen and not multiple and options:
                chosen = [options[0][0]]  # a browser sends the first option of a single select
            self._form.fields.extend((name, value, "select") for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            name, parts = self._textarea
            text = "".join(parts)
            self._form.fields.append((name, text[1:] if text.startswith("\n") else text, "textarea"))
            self._textarea = None


def page_forms(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


def post_form(html: str, path: str) -> Form | None:
    """The page's POST form that sends to the page itself (no action, or the page's path)."""
    for form in page_forms(html):
        if form.attrs.get("method", "get").lower() == "post" and form.attrs.get("action", "") in ("", path):
            return form
    return None
