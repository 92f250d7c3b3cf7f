"""Celery tasks of the sign-off: thin and idempotent; the work is in signoff.services."""

from celery import shared_task
from django.conf import settings

from . import services


@shared_task(acks_late=True)
def send_review_reminders() -> int:
    """Beat runs this every REVIEW_REMINDER_SECONDS: the owners of every plan whose review is due and
    who were not told yet get an e-mail; a plan is never reminded twice of the same due date."""
    return len(services.review_reminders_send(base_url=settings.SITE_URL))
