"""Writes to plans. Views call these; they never write models themselves."""

from .drafts import step_draft_discard, step_draft_load, step_draft_save
from .edits import plan_edit_save
from .plans import (
    StalePlanError,
    plan_archive,
    plan_create,
    plan_create_from_template,
    plan_duplicate,
    plan_import_file,
    plan_restore,
    plan_revision_bump,
)

__all__ = [
    "StalePlanError",
    "plan_archive",
    "plan_create",
    "plan_create_from_template",
    "plan_duplicate",
    "plan_edit_save",
    "plan_import_file",
    "plan_restore",
    "plan_revision_bump",
    "step_draft_discard",
    "step_draft_load",
    "step_draft_save",
]
