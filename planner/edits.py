"""What a wizard step asks to change, as plain values: the contract between the steps' forms
(which validate) and ``planner.services.plan_edit_save`` (which writes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RowEdit:
    """One row of a part as the user left it.

    ``pk`` is the row's id, or None for a new row; ``values`` are model field values (a
    foreign key as ``<name>_id``); ``links`` many-to-many ids in the order chosen;
    ``children`` the parts of this row (a goal's ``kpis``)."""

    pk: int | None
    values: dict[str, Any]
    links: dict[str, list[int]] = field(default_factory=dict)
    children: dict[str, PartEdit] = field(default_factory=dict)


@dataclass(frozen=True)
class PartEdit:
    """A repeating part of the plan (its competitors, goals, ...): the rows that stay, in their
    on-screen order, and the ids of the rows the user removed. A row in neither list (it was
    added elsewhere meanwhile) is left alone."""

    rows: list[RowEdit]
    removed: frozenset[int] = frozenset()


@dataclass(frozen=True)
class AnswerEdit:
    status: str
    note: str


@dataclass(frozen=True)
class PlanEdit:
    """Everything one step saves: the plan's own fields, its parts by related name, and
    checklist answers by item slug."""

    fields: dict[str, Any] = field(default_factory=dict)
    parts: dict[str, PartEdit] = field(default_factory=dict)
    answers: dict[str, AnswerEdit] = field(default_factory=dict)
