"""The sign-off's e-mails, through Django's e-mail framework, in the plan's language: the plan is
written in it and the link opens it. Sent after the transaction that caused them commits."""

from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from planner.models import Plan


def absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def plan_mail(*, plan: Plan, template: str, context: dict, recipients: list[str]) -> None:
    """Render ``signoff/email/<template>_subject.txt`` and ``_message.txt`` in the plan's language and send."""
    if not recipients:
        return
    with translation.override(plan.language):
        subject = " ".join(render_to_string(f"signoff/email/{template}_subject.txt", context).split())
        body = render_to_string(f"signoff/email/{template}_message.txt", context)
    send_mail(subject, body, None, recipients)


def review_page_url(base_url: str, plan: Plan) -> str:
    return absolute(base_url, reverse("signoff:review", args=[plan.pk]))


def progress_page_url(base_url: str, plan: Plan) -> str:
    """The KPIs and the reviews held: where a review due is prepared and recorded."""
    return absolute(base_url, reverse("signoff:progress", args=[plan.pk]))
