"""Two people editing one wizard step: the other's changes beside yours, field by field.

A step's page carries what its forms would post unchanged when the page was built (the
``base``, signed). When a save or a restored draft finds the plan changed since, three versions of
the step are compared key by key: the base, the user's input (``mine``) and the step as saved now
(``theirs``). What only one side changed comes from that side; where both changed the same field
differently, the user chooses (``Merge.differences``). Rows are matched by their id, not by their
place in the form, so a row added or removed meanwhile moves no value into another row; a row
removed meanwhile that the user changed comes back as a new row, and a row the user removed that
was changed meanwhile stays. Nothing is dropped without the user seeing it.

All functions here are pure: dictionaries of posted values in, dictionaries out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field

from django.core import signing
from django.http import QueryDict

Data = dict[str, list[str]]

# Keys of the page, not of the plan: never compared.
PAGE_KEYS = {"csrfmiddlewaretoken", "revision", "base", "merge", "nav", "to"}
MANAGEMENT = ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")
CHOICE_PREFIX = "merge-"
_SIGNING_SALT = "planner.conflicts"
_TOKEN = re.compile(r"#\d+|new\d+")


def querydict_data(data: QueryDict | Mapping[str, list[str]]) -> Data:
    getlist = data.getlist if isinstance(data, QueryDict) else data.get
    return {key: list(getlist(key)) for key in data}


def to_querydict(data: Data) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query


def sign_base(data: Data) -> str:
    return signing.dumps(data, salt=_SIGNING_SALT, compress=True)


def read_signed(value: str | None) -> Data | None:
    """The signed data of a page, or None when it is missing or was altered."""
    if not value:
        return None
    try:
        loaded = signing.loads(value, salt=_SIGNING_SALT)
    except signing.BadSignature:
        return None
    return loaded if isinstance(loaded, dict) else None


def _normalized(values: Iterable[str]) -> list[str]:
    # A browser sends a textarea's lines with CRLF; trailing spaces are no change a person makes.
    return [value.replace("\r\n", "\n").strip() for value in values]


def _is_management(key: str) -> bool:
    return key.rsplit("-", 1)[-1] in MANAGEMENT


# --- stable keys: a row by its id, not its place ------------------------------------------------


def stable_keys(data: Mapping[str, list[str]]) -> dict[str, str]:
    """Each posted name with the row index replaced by the row's id: ``goals-0-kpis-1-target``
    becomes ``goals-#12-kpis-#7-target``; a new row (no id yet) keeps its place, ``goals-new3``."""
    formsets = sorted({key[: -len("-TOTAL_FORMS")] for key in data if key.endswith("-TOTAL_FORMS")}, key=len)

    def row_of(name: str) -> tuple[str, int, str] | None:
        """(formset prefix, index, rest) of the deepest formset row ``name`` belongs to."""
        for prefix in reversed(formsets):
            match = re.fullmatch(rf"{re.escape(prefix)}-(\d+)-(.+)", name)
            if match:
                return prefix, int(match.group(1)), match.group(2)
        return None

    def stable(name: str) -> str:
        row = row_of(name)
        if row is None:
            return name
        prefix, index, rest = row
        row_id = (data.get(f"{prefix}-{index}-id") or [""])[0]
        token = f"#{row_id}" if row_id.isdigit() else f"new{index}"
        return f"{stable(prefix)}-{token}-{rest}"

    return {name: stable(name) for name in data}


def _restable(data: Mapping[str, list[str]]) -> Data:
    names = stable_keys(data)
    return {names[key]: list(values) for key, values in data.items() if key not in PAGE_KEYS}


def _row_paths(keys: Iterable[str]) -> list[str]:
    """Every row (``goals-#12``, ``goals-#12-kpis-#7``) the keys mention, in their order."""
    paths: dict[str, None] = {}
    for key in keys:
        parts = key.split("-")
        for i, part in enumerate(parts[:-1]):
            if i and _TOKEN.fullmatch(part):
                paths["-".join(parts[: i + 1])] = None
    return list(paths)


def _of_row(data: Data, row: str) -> Data:
    return {key: values for key, values in data.items() if key.startswith(row + "-")}


# --- the merge ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """A field the other person changed. ``conflict``: the user changed it too, differently, and
    chooses; otherwise the other's value was taken. ``name`` is the field's name in ``Merge.data``."""

    name: str
    mine: list[str]
    theirs: list[str]
    conflict: bool
    # About a whole row: "added" meanwhile; "restored": removed meanwhile, but changed here, so kept as
    # a new row; "kept": removed here, but changed meanwhile, so kept.
    note: str = ""


@dataclass
class Merge:
    data: Data  # what the step's forms on the plan as it is now are bound to
    differences: list[Difference] = field(default_factory=list)

    @property
    def conflicts(self) -> list[Difference]:
        return [difference for difference in self.differences if difference.conflict]


def sign_differences(differences: list[Difference]) -> str:
    """The differences for the page that shows them: its next post applies the user's choices."""
    return signing.dumps([asdict(difference) for difference in differences], salt=_SIGNING_SALT, compress=True)


def read_differences(value: str | None) -> list[Difference]:
    if not value:
        return []
    try:
        loaded = signing.loads(value, salt=_SIGNING_SALT)
        return [Difference(**entry) for entry in loaded]
    except (signing.BadSignature, TypeError):
        return []


def merge(*, base: Data | None, mine: Data, theirs: Data) -> Merge:
    """Mine and theirs, each as posted data of the same step; ``base`` None when unknown (then every
    field both sides have differently is a conflict)."""
    old, new, now = _restable(base or {}), _restable(mine), _restable(theirs)
    known_base = base is not None
    notes: dict[str, str] = {}
    theirs_rows = set(_row_paths(now))
    for row in _row_paths(new):
        if row in theirs_rows or not row.rsplit("-", 1)[-1].startswith("#"):
            continue
        if any(row.startswith(other + "-") for other in notes):
            continue  # a row inside a row already handled
        # Removed meanwhile: dropped if the user left it as it was, else kept as a new row.
        changed = _normalized_rows(_of_row(new, row)) != _normalized_rows(_of_row(old, row))
        mine_of_row = _of_row(new, row)
        for key in [*mine_of_row, *_of_row(old, row)]:
            new.pop(key, None)
            old.pop(key, None)
        if changed or not known_base:
            fresh = re.sub(r"#(\d+)$", r"new\1", row)
            for key, values in mine_of_row.items():
                moved = fresh + key[len(row) :]
                new[_renew(moved)] = [] if moved.endswith("-id") else values
            notes[fresh] = "restored"
    for row in _row_paths(new):
        if new.get(f"{row}-DELETE") and _normalized_rows(_of_row(now, row)) != _normalized_rows(_of_row(old, row)):
            if known_base:
                new.pop(f"{row}-DELETE")  # changed by the other meanwhile: it stays, visibly
                notes[row] = "kept"

    if known_base:  # rows the other added: one line each, not one per field
        base_rows = set(_row_paths(old))
        for row in _row_paths(now):
            if row not in base_rows and not any(row.startswith(other + "-") for other in notes):
                notes[row] = "added"
    formsets = [key[: -len("-TOTAL_FORMS")] for key in [*now, *new] if key.endswith("-TOTAL_FORMS")]
    merged: Data = {}
    differences: list[tuple[str, list[str], list[str], bool, str]] = []
    reported: set[str] = set()  # rows with a note are reported once, not field by field
    for key in dict.fromkeys([*now, *new, *old]):
        if _is_management(key):
            continue
        b, m, t = old.get(key, []), new.get(key, []), now.get(key, [])
        nb, nm, nt = _normalized(b), _normalized(m), _normalized(t)
        row = next((row for row in notes if key.startswith(row + "-")), "")
        note = notes.get(row, "")
        conflict = nm != nt and not (known_base and (nm == nb or nt == nb))
        merged[key] = t if known_base and nm == nb else m
        if conflict:
            differences.append((key, m, t, True, note))
        elif note:
            if row not in reported and not key.endswith(("-id", "-DELETE")):
                reported.add(row)
                differences.append((key, m, t, False, note))
        elif nm != nt and nm == nb:
            differences.append((key, m, t, False, note))
    data, names = _rebuild(merged, order=[*now, *new], formsets=formsets)
    return Merge(
        data=data,
        differences=[
            Difference(name=names[key], mine=m, theirs=t, conflict=conflict, note=note)
            for key, m, t, conflict, note in differences
            if key in names and not key.endswith(("-id", "-DELETE"))
        ],
    )


def _renew(key: str) -> str:
    """Rows inside a row that comes back as new are new too (their ids belong to removed rows)."""
    return re.sub(r"-#(\d+)(?=-)", r"-new\1", key)


def _normalized_rows(data: Data) -> dict[str, list[str]]:
    return {key: _normalized(values) for key, values in data.items() if _normalized(values) not in ([], [""])}


def _rebuild(merged: Data, *, order: list[str], formsets: list[str]) -> tuple[Data, dict[str, str]]:
    """Posted data from stable keys: rows numbered again, the saved ones first (a formset's
    initial forms), then the new ones; returns the data and each stable key's name in it."""
    keys = [key for key in dict.fromkeys([*order, *merged]) if key in merged]
    rows = _row_paths(keys)
    members_of: dict[str, list[str]] = {prefix: [] for prefix in formsets}  # a formset without rows too
    for row in rows:
        members_of.setdefault(row.rsplit("-", 1)[0], []).append(row)
    index: dict[str, int] = {}
    initial: dict[str, int] = {}
    for prefix, members in members_of.items():
        saved = [row for row in members if row.rsplit("-", 1)[-1].startswith("#")]
        fresh = [row for row in members if row not in saved]
        for number, row in enumerate([*saved, *fresh]):
            index[row] = number
        initial[prefix] = len(saved)

    def actual(name: str) -> str:
        for row in sorted(index, key=len, reverse=True):
            if name.startswith(row + "-"):
                prefix = row.rsplit("-", 1)[0]
                return f"{actual(prefix)}-{index[row]}{name[len(row) :]}"
        return name

    data: Data = {}
    names: dict[str, str] = {}
    for prefix, members in members_of.items():
        data[f"{actual(prefix)}-TOTAL_FORMS"] = [str(len(members))]
        data[f"{actual(prefix)}-INITIAL_FORMS"] = [str(initial[prefix])]
    for key in keys:
        names[key] = actual(key)
        if merged[key]:
            data[names[key]] = merged[key]
    return data, names


# --- the user's choices ------------------------------------------------------------------------

MINE, THEIRS, BOTH = "mine", "theirs", "both"


def apply_choices(posted: Data, differences: list[Difference]) -> tuple[Data, list[str]]:
    """The posted data with each conflicting field as the user chose (``merge-<name>``: mine,
    theirs, or both for lists of lines), without the differences. Returns the data and the names of
    the fields no choice was made for."""
    data = {key: values for key, values in posted.items() if not key.startswith(CHOICE_PREFIX) and key != "merge"}
    open_choices = []
    for name, theirs in ((d.name, d.theirs) for d in differences if d.conflict):
        choice = (posted.get(CHOICE_PREFIX + name) or [""])[0]
        if choice == THEIRS:
            data[name] = list(theirs)
        elif choice == BOTH:
            mine_lines = _lines(data.get(name, []))
            data[name] = ["\n".join([*mine_lines, *(line for line in _lines(theirs) if line not in mine_lines)])]
        elif choice != MINE:
            open_choices.append(name)
    return data, open_choices


def _lines(values: list[str]) -> list[str]:
    text = "\n".join(values).replace("\r\n", "\n")
    return [line.strip() for line in text.split("\n") if line.strip()]
