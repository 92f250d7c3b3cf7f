"""Share links to an approved version, and members' calendar addresses."""

from __future__ import annotations

import datetime as dt
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planner.models import Plan
from reports.models import Report
from reports.services import ReportPendingError, TooManyPendingReportsError, approved_version, report_request

from ..models import CalendarFeed, ShareLink, ShareLinkUse
from ..selectors import token_hash

TOKEN_BYTES = 32  # 256 bits: a link cannot be guessed


class ShareError(Exception):
    """The plan has nothing to share: no version of it is approved."""


@transaction.atomic
def share_link_create(*, plan: Plan, user, label: str, valid_days: int) -> tuple[ShareLink, str]:
    """A link to the plan's approved version, valid for ``valid_days``; returns it and its token, which
    is stored only as a hash. Queues the version's PDF when it has none yet."""
    version = approved_version(plan)
    if version is None:
        raise ShareError(_("Only an approved version can be shared, and no version of this plan is approved yet."))
    token = secrets.token_urlsafe(TOKEN_BYTES)
    link = ShareLink.objects.create(
        plan=plan,
        version=version,
        token_hash=token_hash(token),
        label=label,
        created_by=user,
        expires_at=timezone.now() + dt.timedelta(days=valid_days),
    )
    has_pdf = version.reports.filter(variant=Report.Variant.FULL).exclude(status=Report.Status.FAILED).exists()
    if not has_pdf:
        try:
            report_request(plan=plan, user=user, variant=Report.Variant.FULL, version=version)
        except (ReportPendingError, TooManyPendingReportsError):
            pass  # the share page offers the PDF once one of this version is ready
    return link, token


@transaction.atomic
def share_link_revoke(*, link: ShareLink, user) -> bool:
    """Revoke the link; False when it was revoked already."""
    return bool(
        ShareLink.objects.filter(pk=link.pk, revoked_at=None).update(revoked_at=timezone.now(), revoked_by=user)
    )


def share_link_use(*, link: ShareLink, address: str | None, what: str) -> ShareLinkUse:
    """Log one use of a share link: when, from which address, what was read."""
    return ShareLinkUse.objects.create(link=link, address=address or None, what=what)


@transaction.atomic
def calendar_feed_create(*, plan: Plan, user) -> str:
    """A new secret calendar address of the user for the plan, replacing their old one; returns its token."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    CalendarFeed.objects.update_or_create(plan=plan, user=user, defaults={"token_hash": token_hash(token)})
    return token
