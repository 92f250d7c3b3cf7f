"""A company sets itself up through the pages, as its people would: sign up, confirm the address,
create the organization, invite, accept, change a role, remove, switch organization."""

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from planner.models import Membership, Organization, Plan
from tests.factories import PASSWORD

from .conftest import link_in, sign_up, signed_in_user_id

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_a_company_signs_up_invites_its_people_and_they_work_together(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    # Anna signs up: she is not signed in before she confirms her address.
    response = sign_up(client, "anna@firma.example")
    assert response.status_code == 302 and response["Location"] == reverse("account_email_verification_sent")
    assert signed_in_user_id(client) is None
    assert client.get(reverse("planner:dashboard")).status_code == 302  # still the login

    # The link in the mail confirms the address (a POST: a mail scanner's GET confirms nothing) and signs her in.
    confirm = link_in(mailoutbox[-1], "/accounts/confirm-email/")
    assert mailoutbox[-1].to == ["anna@firma.example"]
    assert "anna@firma.example" in client.get(confirm).content.decode()
    assert signed_in_user_id(client) is None
    response = client.post(confirm)
    anna = User.objects.get(email="anna@firma.example")
    assert signed_in_user_id(client) == str(anna.pk)
    # Without an organization, she is asked to create one.
    assert response["Location"] == reverse("teams:organization_create")

    response = client.post(
        reverse("teams:organization_create"), {"name": "Ölmühle Müller GmbH", "default_language": "de"}
    )
    firma = Organization.objects.get(name="Ölmühle Müller GmbH")
    assert response["Location"] == reverse("teams:members", args=[firma.pk])
    assert Membership.objects.get(organization=firma).user == anna
    assert Membership.objects.get(organization=firma).role == Membership.Role.ADMIN

    # She invites Ben as marketing lead.
    with django_capture_on_commit_callbacks(execute=True):  # the mail leaves once the invitation is saved
        response = client.post(reverse("teams:invite", args=[firma.pk]), {"email": "Ben@Firma.example", "role": "lead"})
    assert response.status_code == 302
    invitation_mail = mailoutbox[-1]
    assert invitation_mail.to == ["ben@firma.example"]
    assert "Ölmühle Müller GmbH" in invitation_mail.subject
    invitation = link_in(invitation_mail, "/invitations/")
    page = client.get(reverse("teams:members", args=[firma.pk])).content.decode()
    assert "ben@firma.example" in page  # an open invitation

    # Ben opens the link and signs up with the invited address: the link proves it, no second mail.
    ben_client = client.__class__()
    page = ben_client.get(invitation)
    assert page.status_code == 200 and "Ölmühle Müller GmbH" in page.content.decode()
    mails_before = len(mailoutbox)
    response = ben_client.post(invitation)  # "Create an account"
    assert response["Location"] == f"{reverse('account_signup')}?next={invitation.replace('/', '%2F')}"
    assert signed_in_user_id(ben_client) is None
    response = sign_up(ben_client, "ben@firma.example", following=invitation)
    ben = User.objects.get(email="ben@firma.example")
    assert signed_in_user_id(ben_client) == str(ben.pk)
    assert response["Location"] == invitation
    assert len(mailoutbox) == mails_before
    response = ben_client.post(invitation + "accept/")
    assert response["Location"] == reverse("planner:dashboard")
    assert Membership.objects.get(organization=firma, user=ben).role == Membership.Role.LEAD

    # Ben's first plan goes to the organization he works in.
    page = ben_client.get(reverse("planner:plan_create")).content.decode()
    assert f'<option value="{firma.pk}" selected>' in page
    ben_client.post(
        reverse("planner:plan_create"),
        {
            "title": "Ölmühle 2027",
            "organization": firma.pk,
            "language": "de",
            "start_date": "2027-01-01",
            "horizon_months": "12",
        },
    )
    assert Plan.objects.get(title="Ölmühle 2027").organization == firma

    # Anna makes Ben an executive, then removes him.
    ben_membership = Membership.objects.get(organization=firma, user=ben)
    client.post(reverse("teams:membership_role", args=[ben_membership.pk]), {"role": "executive"})
    assert Membership.objects.get(pk=ben_membership.pk).role == Membership.Role.EXECUTIVE
    change = LogEntry.objects.get_for_object(ben_membership).filter(action=LogEntry.Action.UPDATE).get()
    assert change.actor == anna and change.changes_dict["role"] == ["lead", "executive"]
    page = client.get(reverse("teams:members", args=[firma.pk])).content.decode()
    assert "ben@firma.example" in page.split('id="member-history"')[1]
    client.post(reverse("teams:membership_remove", args=[ben_membership.pk]))
    assert not Membership.objects.filter(organization=firma, user=ben).exists()
    assert ben_client.get(reverse("teams:members", args=[firma.pk])).status_code == 404

    # Anna founds a second organization and switches between the two: the navbar says where she is,
    # the dashboard lists that organization's plans, and new plans go there.
    client.post(reverse("teams:organization_create"), {"name": "Müller Immobilien", "default_language": "en"})
    second = Organization.objects.get(name="Müller Immobilien")
    dashboard = client.get(reverse("planner:dashboard")).content.decode()
    assert 'id="organization-switcher"' in dashboard
    assert ">Müller Immobilien</button>" in dashboard and "Ölmühle 2027" not in dashboard
    response = client.post(reverse("teams:switch"), {"organization": firma.pk, "next": reverse("planner:dashboard")})
    assert response["Location"] == reverse("planner:dashboard")
    dashboard = client.get(reverse("planner:dashboard")).content.decode()
    assert ">Ölmühle Müller GmbH</button>" in dashboard and "Ölmühle 2027" in dashboard
    assert f'<option value="{firma.pk}" selected>' in client.get(reverse("planner:plan_create")).content.decode()
    client.post(reverse("teams:switch"), {"organization": second.pk})
    page = client.get(reverse("planner:plan_create")).content.decode()
    assert f'<option value="{second.pk}" selected>' in page
    assert '<option value="en" selected>' in page  # the organization's default language


def test_switching_to_an_organization_one_is_not_a_member_of_is_refused(lead_client, stranger):
    other = stranger.memberships.get().organization
    assert lead_client.post(reverse("teams:switch"), {"organization": other.pk}).status_code == 404
    assert other.name not in lead_client.get(reverse("planner:dashboard")).content.decode()


def test_the_demo_data_still_loads_and_its_users_sign_in(client, channels):
    call_command("load_demo")
    call_command("load_demo")  # idempotent
    response = client.post(reverse("login"), {"username": "lead", "password": "demo-planner-2027"})
    assert response.status_code == 302 and response["Location"] == reverse("planner:dashboard")
    page = client.get(reverse("planner:dashboard")).content.decode()
    assert "Kontaktlinsen Versand Leipzig GmbH" in page
    # by e-mail address too
    client.post(reverse("logout"))
    response = client.post(reverse("login"), {"username": "chefin@demo.example", "password": "demo-planner-2027"})
    assert response["Location"] == reverse("planner:dashboard")


def test_an_unconfirmed_address_cannot_sign_in(client, mailoutbox):
    sign_up(client, "carla@firma.example")
    response = client.post(reverse("login"), {"username": "carla@firma.example", "password": PASSWORD})
    assert response["Location"] == reverse("account_email_verification_sent")
    assert signed_in_user_id(client) is None


def test_password_reset_by_mail(client, mailoutbox, lead):
    lead.email = "lena@klv.example"
    lead.save()
    client.post(reverse("account_reset_password"), {"email": "lena@klv.example"})
    link = link_in(mailoutbox[-1], "/accounts/password/reset/key/")
    response = client.get(link)  # allauth moves the key into the session and redirects
    form_url = response["Location"] if response.status_code == 302 else link
    client.post(form_url, {"password1": "ein-neues-langes-passwort", "password2": "ein-neues-langes-passwort"})
    lead.refresh_from_db()
    assert lead.check_password("ein-neues-langes-passwort")
