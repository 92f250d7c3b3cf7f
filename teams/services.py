"""Writes of the teams app: organizations, invitations and memberships. Views call these."""

from __future__ import annotations

import datetime as dt
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from planner.models import Membership, Organization
from reports.models import Report

from .models import Invitation, token_hash


class TeamsError(Exception):
    """A change the rules do not allow; the message says why, for the user."""


class LastAdminError(TeamsError):
    pass


class InvitationError(TeamsError):
    pass


@transaction.atomic
def organization_create(*, user, name: str, default_language: str) -> Organization:
    """A new organization with the user as its admin."""
    base = slugify(name)[:180] or "organization"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    organization = Organization.objects.create(name=name, slug=slug, default_language=default_language)
    Membership.objects.create(user=user, organization=organization, role=Membership.Role.ADMIN)
    return organization


@transaction.atomic
def organization_update(
    *,
    organization: Organization,
    name: str,
    default_language: str,
    require_mfa: bool,
    logo: UploadedFile | None = None,
    remove_logo: bool = False,
) -> None:
    """Change the settings; a new or removed logo's old file leaves the storage once the change is saved."""
    old_logo = organization.logo.name if organization.logo else ""
    organization.name, organization.default_language, organization.require_mfa = name, default_language, require_mfa
    if logo is not None:
        organization.logo.save(f"{organization.slug}-{secrets.token_hex(4)}{_suffix(logo.name)}", logo, save=False)
    elif remove_logo:
        organization.logo = ""
    organization.save()
    if old_logo and old_logo != (organization.logo.name if organization.logo else ""):
        transaction.on_commit(lambda: default_storage.delete(old_logo))


def _suffix(name: str) -> str:
    return ".png" if name.lower().endswith(".png") else ".jpg"


@transaction.atomic
def organization_delete(*, organization: Organization) -> None:
    """Delete the organization with its plans, reports, memberships and invitations; its report files
    and logo leave the storage once the deletion is committed."""
    files = [
        name for name in Report.objects.filter(plan__organization=organization).values_list("file", flat=True) if name
    ]
    if organization.logo:
        files.append(organization.logo.name)
    organization.delete()

    def delete_files() -> None:
        for name in files:
            default_storage.delete(name)

    transaction.on_commit(delete_files)


@transaction.atomic
def invitation_create(*, organization: Organization, email: str, role: str, invited_by, base_url: str) -> Invitation:
    """Invite someone by e-mail: a single-use link that expires. Inviting the same address again
    replaces the earlier link. Raises InvitationError for someone who is a member already."""
    email = email.strip().lower()
    if (
        organization.memberships.filter(user__email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email, user__memberships__organization=organization).exists()
    ):
        raise InvitationError(_("%(email)s is a member already.") % {"email": email})
    now = timezone.now()
    Invitation.objects.filter(
        organization=organization, email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organization=organization,
        email=email,
        role=role,
        token_hash=token_hash(token),
        invited_by=invited_by,
        expires_at=now + dt.timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    link = base_url.rstrip("/") + reverse("teams:invitation", args=[token])
    transaction.on_commit(lambda: _invitation_send(invitation=invitation, link=link))
    return invitation


def _invitation_send(*, invitation: Invitation, link: str) -> None:
    inviter = invitation.invited_by
    context = {
        "invitation": invitation,
        "organization": invitation.organization,
        "inviter": (inviter.get_full_name() or inviter.email or inviter.username) if inviter else "",
        "role": invitation.get_role_display(),
        "link": link,
        "valid_days": settings.INVITATION_VALID_DAYS,
    }
    with translation.override(invitation.organization.default_language):
        subject = render_to_string("teams/email/invitation_subject.txt", context).strip()
        body = render_to_string("teams/email/invitation_message.txt", context)
    send_mail(subject, body, None, [invitation.email])


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.state == Invitation.State.PENDING:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def invitation_problem(invitation: Invitation) -> str:
    """Why the invitation's link no longer opens the organization, or "" while it does."""
    state = invitation.state
    if state == Invitation.State.ACCEPTED:
        return _("This invitation has been used already. Each invitation link works once.")
    if state == Invitation.State.REVOKED:
        return _("This invitation was withdrawn. Please ask the person who invited you for a new one.")
    if state == Invitation.State.EXPIRED:
        return _("This invitation has expired. Please ask the person who invited you for a new one.")
    return ""


def may_accept(*, invitation: Invitation, user) -> bool:
    """An invitation is accepted by the person it was sent to: a user with that verified e-mail address."""
    return EmailAddress.objects.filter(user=user, email__iexact=invitation.email, verified=True).exists()


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """Join the organization with the invited role (a member already keeps their role); the link is used up."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)  # one acceptance per link
    problem = invitation_problem(invitation)
    if problem:
        raise InvitationError(problem)
    if not may_accept(invitation=invitation, user=user):
        raise InvitationError(
            _("This invitation was sent to %(email)s. Please sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    membership, _created = Membership.objects.get_or_create(
        user=user, organization=invitation.organization, defaults={"role": invitation.role}
    )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


def _admins_locked(organization_id: int) -> list[Membership]:
    """The organization's admins, locked until the change is saved: two admins demoting each other at
    once cannot leave it without one."""
    return list(
        Membership.objects.select_for_update().filter(organization_id=organization_id, role=Membership.Role.ADMIN)
    )


@transaction.atomic
def membership_role_change(*, membership: Membership, role: str) -> None:
    if membership.role == role:
        return
    admins = _admins_locked(membership.organization_id)
    if membership.role == Membership.Role.ADMIN and len(admins) <= 1:
        raise LastAdminError(
            _("The organization's last admin cannot be given another role. Make someone else admin first.")
        )
    membership.role = role
    membership.save(update_fields=["role"])


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    admins = _admins_locked(membership.organization_id)
    if membership.role == Membership.Role.ADMIN and len(admins) <= 1:
        raise LastAdminError(_("The organization's last admin cannot be removed. Make someone else admin first."))
    membership.delete()
