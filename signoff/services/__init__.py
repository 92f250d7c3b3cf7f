"""Writes of the sign-off. Views and the beat task call these; they never write models themselves."""

from .measuring import CheckInError, checkin_record, review_meeting_record, review_reminders_send
from .reviews import (
    DecisionError,
    comment_create,
    comment_resolve,
    decision_make,
    review_request_create,
)
from .sharing import ShareError, calendar_feed_create, share_link_create, share_link_revoke, share_link_use

__all__ = [
    "CheckInError",
    "DecisionError",
    "ShareError",
    "calendar_feed_create",
    "checkin_record",
    "comment_create",
    "comment_resolve",
    "decision_make",
    "review_meeting_record",
    "review_reminders_send",
    "review_request_create",
    "share_link_create",
    "share_link_revoke",
    "share_link_use",
]
