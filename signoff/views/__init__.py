"""The sign-off's pages. Each view gets its object through one helper of ``signoff.selectors`` or
``planner.selectors``, binds a form, calls a service, and redirects or renders."""

from .progress import calendar_download, calendar_feed, calendar_feed_create, checkin_create, progress, review_hold
from .reviews import comment_answer, comment_create, comment_resolve, decide, review_page, review_request
from .sharing import share_create, share_links, share_revoke, shared, shared_pdf

__all__ = [
    "calendar_download",
    "calendar_feed",
    "calendar_feed_create",
    "checkin_create",
    "comment_answer",
    "comment_create",
    "comment_resolve",
    "decide",
    "progress",
    "review_hold",
    "review_page",
    "review_request",
    "share_create",
    "share_links",
    "share_revoke",
    "shared",
    "shared_pdf",
]
