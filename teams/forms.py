"""Forms of the teams app: they validate, services write."""

from __future__ import annotations

from allauth.account import app_settings
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.models import EmailAddress
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from planner.models import Membership, Organization


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form, its login field sent as ``username`` (e-mail address or user name): the
    name browsers' password managers, the load test and earlier bookmarks know."""

    def add_prefix(self, field_name: str) -> str:
        return "username" if field_name == "login" else super().add_prefix(field_name)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("E-mail address or user name")
        self.fields["login"].widget.attrs.update({"autocomplete": "username", "placeholder": ""})
        self.fields["password"].widget.attrs.update({"placeholder": ""})

    def _login_with_password(self, request, redirect_url, credentials):
        # Whoever signed up confirms their address before the first sign-in (ACCOUNT_EMAIL_VERIFICATION).
        # An account an administrator made without any address (the demo's, one made in the shell)
        # has nothing to confirm and signs in.
        user = self._login.user
        if user is not None and not user.email and not EmailAddress.objects.filter(user=user).exists():
            self._login.email_verification = app_settings.EmailVerificationMethod.NONE
        return super()._login_with_password(request, redirect_url, credentials)


class OrganizationCreateForm(forms.Form):
    name = forms.CharField(label=_("Name of the organization"), max_length=200)
    default_language = forms.ChoiceField(
        label=_("Default language"),
        choices=Organization.Language.choices,
        help_text=_("New plans start in this language; invitations are written in it."),
    )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if Organization.objects.filter(name__iexact=name).exists():
            raise ValidationError(_("An organization of this name exists already. Ask its admin to invite you."))
        return name


class OrganizationSettingsForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    logo = forms.ImageField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG or JPEG, at most 1 MB. Printed on the cover of your reports."),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)
    default_language = forms.ChoiceField(
        label=_("Default language"),
        choices=Organization.Language.choices,
        help_text=_("New plans start in this language; invitations are written in it."),
    )
    require_mfa = forms.BooleanField(
        label=_("Require two-factor sign-in for all members"),
        required=False,
        help_text=_(
            "Members without an authenticator app or a passkey are asked to set one up on their next page view."
        ),
    )

    def __init__(self, *args, organization: Organization, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.organization = organization

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if Organization.objects.filter(name__iexact=name).exclude(pk=self.organization.pk).exists():
            raise ValidationError(_("Another organization has this name."))
        return name

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo is None:
            return None
        if logo.size > settings.ORGANIZATION_LOGO_MAX_BYTES:
            raise ValidationError(_("The logo may have at most 1 MB."))
        if getattr(logo, "image", None) is not None and logo.image.format not in ("PNG", "JPEG"):
            raise ValidationError(_("Please upload a PNG or JPEG file."))
        return logo


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.LEAD)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class SwitchForm(forms.Form):
    organization = forms.IntegerField()


class DeleteForm(forms.Form):
    name = forms.CharField(label=_("Type the organization's name to confirm"), max_length=200)

    def __init__(self, *args, organization: Organization, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.organization = organization

    def clean_name(self) -> str:
        if self.cleaned_data["name"].strip() != self.organization.name:
            raise ValidationError(_("That is not the organization's name. Nothing was deleted."))
        return self.cleaned_data["name"]
