"""Organizations, members, invitations, the organization switcher, export and deletion.

Each view gets its object through one helper of ``teams.selectors`` (a stranger gets 404, a member
whose role does not allow the change the styled 403), binds a form, calls a service, and redirects
or renders."""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from planner.models import Membership
from planner.selectors import CURRENT_ORGANIZATION_SESSION_KEY

from . import selectors, services
from .export import organization_archive
from .forms import (
    DeleteForm,
    InvitationForm,
    OrganizationCreateForm,
    OrganizationSettingsForm,
    RoleForm,
    SwitchForm,
)


def _switch_to(request: HttpRequest, organization_id: int) -> None:
    request.session[CURRENT_ORGANIZATION_SESSION_KEY] = organization_id


@login_required
@require_http_methods(["GET", "POST"])
def organization_create(request: HttpRequest) -> HttpResponse:
    form = OrganizationCreateForm(
        request.POST if request.method == "POST" else None,
        initial={"default_language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        organization = services.organization_create(user=request.user, **form.cleaned_data)
        _switch_to(request, organization.pk)
        messages.success(request, _("%(name)s was created. Invite your colleagues next.") % {"name": organization.name})
        return redirect("teams:members", pk=organization.pk)
    return render(request, "teams/organization_create.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def organization_settings(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.organization_for_admin(request.user, pk)
    initial = {
        "name": organization.name,
        "default_language": organization.default_language,
        "require_mfa": organization.require_mfa,
    }
    if request.method == "POST":
        form = OrganizationSettingsForm(request.POST, request.FILES, organization=organization, initial=initial)
        if form.is_valid():
            services.organization_update(organization=organization, **form.cleaned_data)
            messages.success(request, _("The settings were saved."))
            return redirect("teams:settings", pk=organization.pk)
    else:
        form = OrganizationSettingsForm(organization=organization, initial=initial)
    return render(request, "teams/organization_settings.html", {"organization": organization, "form": form})


@login_required
@require_safe
def members(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.organization_for_member(request.user, pk)
    is_admin = organization.user_role == Membership.Role.ADMIN
    context = {
        "organization": organization,
        "is_admin": is_admin,
        "memberships": selectors.members_of(organization),
        "admin_count": selectors.admin_count(organization),
        "invitations": selectors.open_invitations(organization) if is_admin else [],
        "history": selectors.membership_history(organization) if is_admin else [],
        "invitation_form": InvitationForm(),
        "roles": Membership.Role.choices,
    }
    return render(request, "teams/members.html", context)


@login_required
@require_POST
def invitation_create(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.organization_for_admin(request.user, pk)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("teams:members", pk=organization.pk)
    try:
        invitation = services.invitation_create(
            organization=organization,
            invited_by=request.user,
            base_url=request.build_absolute_uri("/"),
            **form.cleaned_data,
        )
    except services.TeamsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("An invitation was sent to %(email)s.") % {"email": invitation.email})
    return redirect("teams:members", pk=organization.pk)


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = selectors.invitation_for_admin(request.user, pk)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email})
    return redirect("teams:members", pk=invitation.organization_id)


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The page an invitation's link opens, for anyone holding the link: who invites to what, and how
    to accept (sign in, or sign up with the invited address). Its POST starts the sign-up: whoever
    opened the link received it at the invited address, so signing up with it needs no second mail."""
    found = selectors.invitation_for_token(token)
    problem = services.invitation_problem(found)
    if problem:
        return render(request, "teams/invitation.html", {"invitation": found, "problem": problem}, status=410)
    if request.method == "POST" and not request.user.is_authenticated:
        get_adapter(request).stash_verified_email(request, found.email)
        return redirect(f"{reverse('account_signup')}?{urlencode({'next': request.path})}")
    context = {
        "invitation": found,
        "token": token,
        "may_accept": request.user.is_authenticated and services.may_accept(invitation=found, user=request.user),
        "next": request.path,
    }
    return render(request, "teams/invitation.html", context)


@login_required
@require_POST
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    found = selectors.invitation_for_token(token)
    try:
        membership = services.invitation_accept(invitation=found, user=request.user)
    except services.TeamsError as error:
        messages.error(request, str(error))
        return redirect("teams:invitation", token=token)
    _switch_to(request, membership.organization_id)
    messages.success(
        request,
        _("Welcome to %(name)s. You are %(role)s.")
        % {"name": membership.organization.name, "role": membership.get_role_display()},
    )
    return redirect("planner:dashboard")


@login_required
@require_POST
def membership_role(request: HttpRequest, pk: int) -> HttpResponse:
    membership = selectors.membership_for_admin(request.user, pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_role_change(membership=membership, role=form.cleaned_data["role"])
        except services.TeamsError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(user)s is now %(role)s.")
                % {"user": selectors.user_label(membership.user), "role": membership.get_role_display()},
            )
    else:
        messages.error(request, _("Please choose one of the roles."))
    return redirect("teams:members", pk=membership.organization_id)


@login_required
@require_POST
def membership_remove(request: HttpRequest, pk: int) -> HttpResponse:
    membership = selectors.membership_for_admin(request.user, pk)
    try:
        services.membership_remove(membership=membership)
    except services.TeamsError as error:
        messages.error(request, str(error))
        return redirect("teams:members", pk=membership.organization_id)
    messages.success(
        request,
        _("%(user)s was removed from %(organization)s.")
        % {"user": selectors.user_label(membership.user), "organization": membership.organization.name},
    )
    if membership.user_id == request.user.pk:
        return redirect("planner:dashboard")
    return redirect("teams:members", pk=membership.organization_id)


@login_required
@require_POST
def organization_switch(request: HttpRequest) -> HttpResponse:
    """Work in another of one's organizations: the navbar shows it, the dashboard lists its plans and
    new plans go there."""
    form = SwitchForm(request.POST)
    organization = (
        selectors.organization_for_member(request.user, form.cleaned_data["organization"])
        if (form.is_valid())
        else None
    )
    if organization is None:
        messages.error(request, _("Please choose one of your organizations."))
        return redirect("planner:dashboard")
    _switch_to(request, organization.pk)
    following = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(following, {request.get_host()}, request.is_secure()):
        following = reverse("planner:dashboard")
    return redirect(following)


@login_required
@require_safe
def organization_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything of the organization as one ZIP archive: every plan as a plan file, every report PDF."""
    organization = selectors.organization_for_admin(request.user, pk)
    archive = organization_archive(organization)
    filename = f"{slugify(organization.name) or 'organization'}-export.zip"
    return FileResponse(archive, as_attachment=True, filename=filename, content_type="application/zip")


@login_required
@require_http_methods(["GET", "POST"])
def organization_delete(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.organization_for_admin(request.user, pk)
    form = DeleteForm(request.POST if request.method == "POST" else None, organization=organization)
    if request.method == "POST" and form.is_valid():
        name = organization.name
        services.organization_delete(organization=organization)
        request.session.pop(CURRENT_ORGANIZATION_SESSION_KEY, None)
        messages.success(request, _("%(name)s was deleted with all its plans and reports.") % {"name": name})
        return redirect("planner:dashboard")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "teams/organization_delete.html", {"organization": organization, "form": form}, status=status
    )
