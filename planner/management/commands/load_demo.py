"""Demo data for a first run: an organization, a marketing lead, an executive and an admin (each
with a confirmed e-mail address at demo.example), and the example plan. Idempotent; prints the
demo login."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from planner.models import Membership, Organization, Plan
from planner.plan_file import parse_document, plan_import
from planner.templates_catalog import TEMPLATE_DIR

DEMO_PASSWORD = "demo-planner-2027"
ORGANIZATION = "Kontaktlinsen Versand Leipzig GmbH"


class Command(BaseCommand):
    help = "Create demo users and load the example plan (safe to run again)."

    @transaction.atomic
    def handle(self, *args, **options):
        user_model = get_user_model()
        organization, _ = Organization.objects.get_or_create(name=ORGANIZATION, defaults={"slug": "demo"})
        users = [
            ("lead", "Marko", "K.", Membership.Role.LEAD, False),
            ("chefin", "Swetlana", "R.", Membership.Role.EXECUTIVE, False),
            ("admin", "Admin", "", Membership.Role.ADMIN, True),
        ]
        for username, first, last, role, staff in users:
            user, created = user_model.objects.get_or_create(
                username=username,
                defaults={"first_name": first, "last_name": last, "is_staff": staff, "is_superuser": staff},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
            if created or not user.email:
                user.email = f"{username}@demo.example"
                user.save()
            if user.email:  # confirmed, so the demo users sign in, accept invitations and reset passwords at once
                EmailAddress.objects.get_or_create(
                    user=user, email=user.email, defaults={"verified": True, "primary": True}
                )
            Membership.objects.get_or_create(user=user, organization=organization, defaults={"role": role})
        if not Plan.objects.filter(organization=organization).exists():
            document = parse_document((TEMPLATE_DIR / "kontaktlinsen-versand.json").read_bytes())
            plan_import(document=document, organization=organization, user=user_model.objects.get(username="lead"))
        self.stdout.write(
            f"Demo logins (password for all: {DEMO_PASSWORD}):\n"
            "  lead    - marketing lead (edits plans)\n"
            "  chefin  - executive (reads, requests PDFs)\n"
            "  admin   - admin (members, organization settings; also Django admin at /admin/)\n"
            "Or sign up with your own e-mail address at /accounts/signup/ and create your organization.\n"
        )
