"""Saving a wizard step: write what the user changed, and nothing else.

Every value is compared with the database before it is written; new rows are created and
changed rows updated in bulk, so saving an unchanged step of a large plan writes nothing.

Bulk writes send no model signals, so the history (django-auditlog's ``LogEntry``, shown on the
plan's history page and in admin) is recorded here, from the differences computed for the writes:
one entry per changed plan, row or link, each with the plan's id in ``additional_data``.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from functools import reduce
from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.text import slugify

from checklists.models import ChecklistItem

from ..edits import AnswerEdit, PartEdit, PlanEdit, RowEdit
from ..models import ChecklistAnswer, Goal, Plan, StepDraft, TargetGroup
from .plans import StalePlanError, plan_revision_bump

# Rows that other rows refer to by a key (the plan file's references): the field the key is
# made from, and the key of a row without that text.
KEYED: dict[type[models.Model], tuple[str, str]] = {Goal: ("title", "goal"), TargetGroup: ("name", "group")}


@transaction.atomic
def plan_edit_save(*, plan: Plan, user, step: str, expected_revision: int, edit: PlanEdit) -> bool:
    """Write a step's edit; True when anything changed.

    Raises StalePlanError, writing nothing, when the plan was saved since the form was
    loaded (``expected_revision``) and this edit would change it."""
    current = Plan.objects.select_for_update().only("revision").get(pk=plan.pk)  # one save of a plan at a time
    history = _History(plan=plan, user=user)
    changed = _fields_save(plan=plan, values=edit.fields, history=history)
    for part, part_edit in edit.parts.items():
        changed |= _part_save(owner=plan, name=part, edit=part_edit, history=history)
    changed |= _answers_save(plan=plan, answers=edit.answers, history=history)
    if changed:
        if current.revision != expected_revision:
            raise StalePlanError  # the transaction rolls back every write above
        plan_revision_bump(plan=plan)
        history.save()
    StepDraft.objects.filter(plan=plan, step=step, updated_by=user).delete()
    return changed


def _fields_save(*, plan: Plan, values: dict[str, Any], history: _History) -> bool:
    if not values:
        return False
    stored = Plan.objects.values(*values).get(pk=plan.pk)
    changes = {name: value for name, value in values.items() if stored[name] != value}
    if changes:
        Plan.objects.filter(pk=plan.pk).update(**changes)
        history.updated(plan, {name: (stored[name], value) for name, value in changes.items()})
    return bool(changes)


def _part_save(*, owner: models.Model, name: str, edit: PartEdit, history: _History) -> bool:
    """Save one part of ``owner`` (its related rows ``name``) as the user left it."""
    return _parts_save(edits=[(owner, edit)], name=name, history=history)


def _parts_save(*, edits: list[tuple[models.Model, PartEdit]], name: str, history: _History) -> bool:
    """Save the part ``name`` of several owners of one kind (the KPIs of every goal) as the user left it: one
    query reads the rows of all owners, one writes each kind of change, however many owners and rows."""
    if not edits:
        return False
    relation = edits[0][0]._meta.get_field(name)
    model, owner_field = relation.related_model, relation.field.name
    stored: dict[int, dict[int, models.Model]] = defaultdict(dict)
    for row in model.objects.filter(**{f"{owner_field}__in": [owner.pk for owner, _ in edits]}):
        stored[getattr(row, f"{owner_field}_id")][row.pk] = row

    removed: dict[int, models.Model] = {}
    rows: list[tuple[models.Model, RowEdit]] = []
    created: list[models.Model] = []
    updated: dict[str, list[models.Model]] = defaultdict(list)  # field -> rows whose field changed
    row_changes: dict[int, dict[str, tuple[Any, Any]]] = defaultdict(dict)  # row pk -> field -> (old, new)
    for owner, edit in edits:
        existing = stored[owner.pk]
        kept_pks = {row_edit.pk for row_edit in edit.rows if row_edit.pk is not None}
        if not kept_pks <= existing.keys():
            raise StalePlanError  # a row was removed meanwhile (the form only offers the plan's own rows)
        removed.update({pk: existing[pk] for pk in edit.removed & (existing.keys() - kept_pks)})
        owner_rows = []
        for order, row_edit in enumerate(edit.rows):
            values = {**row_edit.values, "order": order}
            if row_edit.pk is None:
                row = model(**{owner_field: owner}, **values)
                created.append(row)
            else:
                row = existing[row_edit.pk]
                for field, value in values.items():
                    if getattr(row, field) != value:
                        if field != "order":  # the on-screen position is no change a reader needs to see
                            row_changes[row.pk][field] = (getattr(row, field), value)
                        setattr(row, field, value)
                        updated[field].append(row)
            owner_rows.append(row)
            rows.append((row, row_edit))
        # Rows added elsewhere meanwhile (neither kept nor removed here) keep their place after these.
        others = [row for pk, row in existing.items() if pk not in kept_pks and pk not in removed]
        for order, row in enumerate(sorted(others, key=lambda r: (r.order, r.pk)), start=len(edit.rows)):
            if row.order != order:
                row.order = order
                updated["order"].append(row)
        _keys_assign(model=model, rows=owner_rows, existing=existing, updated=updated)

    if removed:
        model.objects.filter(pk__in=removed).delete()
    for pk in sorted(removed):
        history.deleted(removed[pk])
    if created:
        model.objects.bulk_create(created)
        fields = set().union(*(edit_fields(edit) for _, edit in edits))
        for row in created:
            history.created(row, row_values(row, fields))
    changed_rows = {row.pk: row for rows_of_field in updated.values() for row in rows_of_field}
    if changed_rows:
        model.objects.bulk_update(list(changed_rows.values()), fields=sorted(updated))
        for pk, changes in row_changes.items():
            history.updated(changed_rows[pk], changes)
    changed = bool(removed or created or changed_rows)

    changed |= _links_save(model=model, rows=rows, history=history)
    children: dict[str, list[tuple[models.Model, PartEdit]]] = defaultdict(list)
    for row, row_edit in rows:
        for child, child_edit in row_edit.children.items():
            children[child].append((row, child_edit))
    for child, child_edits in children.items():
        changed |= _parts_save(edits=child_edits, name=child, history=history)
    return changed


def _keys_assign(
    *,
    model: type[models.Model],
    rows: list[models.Model],
    existing: dict[int, models.Model],
    updated: dict[str, list[models.Model]],
) -> None:
    """Give every row that other rows refer to a key, once: from its title, unique in the plan."""
    if model not in KEYED:
        return
    source, fallback = KEYED[model]
    used = {row.key for row in existing.values() if row.key}
    for row in rows:
        if row.key:
            continue
        base = slugify(getattr(row, source))[:60] or fallback
        key, n = base, 1
        while key in used:
            n += 1
            key = f"{base}-{n}"
        used.add(key)
        row.key = key
        if row.pk is not None:
            updated["key"].append(row)


def _links_save(*, model: type[models.Model], rows: list[tuple[models.Model, RowEdit]], history: _History) -> bool:
    """Many-to-many links as chosen: links kept stay in their order, new ones follow in the
    order chosen (the plan file lists links in the order they were made)."""
    names = {name for _, row_edit in rows for name in row_edit.links}
    changed = False
    for name in names:
        field = model._meta.get_field(name)
        through = field.remote_field.through
        owner, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        current: dict[int, list[int]] = defaultdict(list)
        links = through.objects.filter(**{f"{owner}__in": [row.pk for row, _ in rows]}).order_by("pk")
        for owner_id, target_id in links.values_list(f"{owner}_id", f"{target}_id"):
            current[owner_id].append(target_id)
        stale: list[models.Q] = []
        fresh = []
        for row, row_edit in rows:
            if name not in row_edit.links:
                continue
            wanted = list(dict.fromkeys(row_edit.links[name]))
            have = current[row.pk]
            gone = set(have) - set(wanted)
            if gone:
                stale.append(models.Q(**{owner: row.pk, f"{target}__in": gone}))
            fresh += [through(**{f"{owner}_id": row.pk, f"{target}_id": pk}) for pk in wanted if pk not in have]
            if gone or any(pk not in have for pk in wanted):
                history.linked(
                    row,
                    name,
                    before=have,
                    after=[pk for pk in have if pk in wanted] + [pk for pk in wanted if pk not in have],
                )
        if stale:
            through.objects.filter(reduce(operator.or_, stale)).delete()
        if fresh:
            through.objects.bulk_create(fresh)
        changed |= bool(stale or fresh)
    return changed


def _answers_save(*, plan: Plan, answers: dict[str, AnswerEdit], history: _History) -> bool:
    if not answers:
        return False
    items = dict(ChecklistItem.objects.filter(slug__in=answers).values_list("slug", "pk"))
    titles = {}  # the item an answer is about, for its history entry
    existing = {answer.item_id: answer for answer in ChecklistAnswer.objects.filter(plan=plan)}
    created, updated = [], []
    for slug, edit in answers.items():
        if slug not in items:
            continue  # an item deactivated meanwhile
        answer = existing.get(items[slug])
        if answer is None:
            if edit.status != ChecklistAnswer.Status.OPEN or edit.note:  # else nothing was said about it yet
                created.append(ChecklistAnswer(plan=plan, item_id=items[slug], status=edit.status, note=edit.note))
                titles[items[slug]] = {"status": (ChecklistAnswer.Status.OPEN, edit.status), "note": ("", edit.note)}
        elif (answer.status, answer.note) != (edit.status, edit.note):
            titles[items[slug]] = {
                field: (old, new)
                for field, old, new in (("status", answer.status, edit.status), ("note", answer.note, edit.note))
                if old != new
            }
            answer.status, answer.note = edit.status, edit.note
            updated.append(answer)
    ChecklistAnswer.objects.bulk_create(created)
    ChecklistAnswer.objects.bulk_update(updated, fields=["status", "note"])
    if titles:
        names = {item.pk: str(item) for item in ChecklistItem.objects.filter(pk__in=titles)}
        for answer in (*created, *updated):
            history.updated(answer, titles[answer.item_id], label=names.get(answer.item_id, ""))
    return bool(created or updated)


# --- History -------------------------------------------------------------------------------------


def edit_fields(edit: PartEdit) -> set[str]:
    return {field for row_edit in edit.rows for field in row_edit.values}


def row_values(row: models.Model, fields: set[str]) -> dict[str, tuple[Any, Any]]:
    """A new row's filled-in values as changes from nothing."""
    return {
        field: (None, getattr(row, field))
        for field in sorted(fields)
        if getattr(row, field) not in (None, "", [], False)
    }


def _history_value(value: Any) -> Any:
    """A value as JSON keeps it: texts, numbers as text, dates in ISO format, lists of those."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, (list, tuple)):
        return [_history_value(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class _History:
    """The history entries of one save, written together once the save is certain."""

    def __init__(self, *, plan: Plan, user) -> None:
        self.plan, self.user, self.entries = plan, user, []

    def _entry(self, row: models.Model, action: int, changes: dict, label: str = "") -> None:
        self.entries.append(
            LogEntry(
                content_type=ContentType.objects.get_for_model(row),
                object_pk=str(row.pk),
                object_id=row.pk,
                object_repr=(label or str(row))[:500],
                action=action,
                changes=changes,
                actor=self.user if getattr(self.user, "pk", None) else None,
                actor_email=getattr(self.user, "email", None) or None,
                additional_data={"plan_id": self.plan.pk},
            )
        )

    def created(self, row: models.Model, changes: dict[str, tuple[Any, Any]]) -> None:
        self._entry(row, LogEntry.Action.CREATE, {k: [_history_value(v) for v in pair] for k, pair in changes.items()})

    def updated(self, row: models.Model, changes: dict[str, tuple[Any, Any]], *, label: str = "") -> None:
        if changes:
            values = {k: [_history_value(v) for v in pair] for k, pair in changes.items()}
            self._entry(row, LogEntry.Action.UPDATE, values, label)

    def deleted(self, row: models.Model) -> None:
        self._entry(row, LogEntry.Action.DELETE, {})

    def linked(self, row: models.Model, name: str, *, before: list[int], after: list[int]) -> None:
        """A many-to-many choice, as auditlog records one: the names of the linked objects."""
        target = row._meta.get_field(name).related_model
        names = {obj.pk: str(obj) for obj in target.objects.filter(pk__in={*before, *after})}
        self._entry(
            row,
            LogEntry.Action.UPDATE,
            {name: [[names.get(pk, "") for pk in before], [names.get(pk, "") for pk in after]]},
        )

    def save(self) -> None:
        LogEntry.objects.bulk_create(self.entries)
