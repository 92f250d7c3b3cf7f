"""Reads of the teams app, and who may see and change an organization.

One read helper and one write helper per object type, as the planner's plans have: a stranger gets
404, a member whose role does not allow the change a 403 (the app's styled page)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from planner.models import Membership, Organization
from planner.selectors import CURRENT_ORGANIZATION_SESSION_KEY, current_membership, memberships_for_user

from .models import Invitation, token_hash


def organization_for_member(user: AbstractBaseUser, pk: int) -> Organization:
    """The organization if the user is a member (with their role as ``user_role``), else 404."""
    if not user.is_authenticated:
        raise Http404
    role = Membership.objects.filter(organization=OuterRef("pk"), user=user).values("role")[:1]
    return get_object_or_404(
        Organization.objects.filter(memberships__user=user).annotate(user_role=Subquery(role)), pk=pk
    )


def organization_for_admin(user: AbstractBaseUser, pk: int) -> Organization:
    """The organization if the user is one of its admins; 404 for a stranger, 403 for another role."""
    organization = organization_for_member(user, pk)
    if organization.user_role != Membership.Role.ADMIN:
        raise PermissionDenied
    return organization


def membership_for_admin(user: AbstractBaseUser, pk: int) -> Membership:
    """A membership the user may change (an admin of its organization); 404 for a stranger, 403 for another role."""
    membership = get_object_or_404(
        Membership.objects.select_related("organization", "user").filter(organization__memberships__user=user), pk=pk
    )
    organization_for_admin(user, membership.organization_id)
    return membership


def invitation_for_admin(user: AbstractBaseUser, pk: int) -> Invitation:
    """An invitation the user may revoke; 404 for a stranger, 403 for a member who is no admin."""
    invitation = get_object_or_404(Invitation.objects.filter(organization__memberships__user=user).distinct(), pk=pk)
    organization_for_admin(user, invitation.organization_id)
    return invitation


def invitation_for_token(token: str) -> Invitation:
    """The invitation a link's token opens, in whatever state; 404 for a token nobody was sent."""
    return get_object_or_404(
        Invitation.objects.select_related("organization", "invited_by"), token_hash=token_hash(token)
    )


def members_of(organization: Organization) -> QuerySet[Membership]:
    return organization.memberships.select_related("user").order_by("user__first_name", "user__email", "user__username")


def admin_count(organization: Organization) -> int:
    return organization.memberships.filter(role=Membership.Role.ADMIN).count()


def open_invitations(organization: Organization) -> list[Invitation]:
    """Invitations not yet accepted or revoked (expired ones too, so an admin sees to send a new one)."""
    return list(
        organization.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True).select_related("invited_by")
    )


@dataclass(frozen=True)
class MemberChange:
    when: dt.datetime
    who: str  # who made the change ("" for the system)
    member: str
    action: int  # LogEntry.Action: CREATE (joined), UPDATE (role changed), DELETE (left or removed)
    old_role: str
    new_role: str


def membership_history(organization: Organization, limit: int = 50) -> list[MemberChange]:
    """Who joined, changed role or left, newest first (auditlog's entries of the memberships)."""
    entries = list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Membership),
            serialized_data__fields__organization=organization.pk,
        )
        .select_related("actor")
        .order_by("-timestamp", "-pk")[:limit]
    )
    user_ids = {entry.serialized_data["fields"].get("user") for entry in entries}
    names = {user.pk: user_label(user) for user in get_user_model().objects.filter(pk__in=user_ids - {None})}
    roles = dict(Membership.Role.choices)
    changes = []
    for entry in entries:
        role_change = (entry.changes_dict or {}).get("role") or [None, entry.serialized_data["fields"].get("role")]
        changes.append(
            MemberChange(
                when=entry.timestamp,
                who=user_label(entry.actor) if entry.actor else "",
                member=names.get(entry.serialized_data["fields"].get("user"), entry.object_repr),
                action=entry.action,
                old_role=str(roles.get(role_change[0], "")),
                new_role=str(roles.get(role_change[1], "")),
            )
        )
    return changes


def user_label(user) -> str:
    """How a person is named on pages: their name, else their e-mail address, else their user name."""
    return user.get_full_name() or user.email or user.username


def request_memberships(request: HttpRequest) -> list[Membership]:
    """The signed-in user's memberships, read once per request (the navbar and the two-factor rule)."""
    if not hasattr(request, "_teams_memberships"):
        request._teams_memberships = memberships_for_user(request.user)
    return request._teams_memberships


def request_current_membership(request: HttpRequest) -> Membership | None:
    return current_membership(request_memberships(request), request.session.get(CURRENT_ORGANIZATION_SESSION_KEY))
