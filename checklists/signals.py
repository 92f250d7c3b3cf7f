"""Every change of the curated content counts up its revision (``content_revision_bump``), so the plan checks
kept in the cache are computed again: an admin's edit of a measure shows in the next check."""

from django.db.models.signals import post_delete, post_save

from .models import Channel, Checklist, ChecklistItem, KPIBenchmark, Source
from .services import content_revision_bump

# What the plan check and the step states read (checklists.selectors.curated_content, state_context).
CHECKED_CONTENT = (Source, Checklist, ChecklistItem, Channel, KPIBenchmark)


def _content_changed(sender, **kwargs) -> None:
    content_revision_bump()


def connect() -> None:
    for model in CHECKED_CONTENT:
        post_save.connect(_content_changed, sender=model, dispatch_uid=f"content-revision-save-{model.__name__}")
        post_delete.connect(_content_changed, sender=model, dispatch_uid=f"content-revision-delete-{model.__name__}")
