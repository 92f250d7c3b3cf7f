from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = "Teams"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from planner.models import Membership, Organization, Plan

        from .models import Invitation

        # Rows saved one by one are recorded by auditlog's signals (the actor from its middleware);
        # the wizard's bulk writes are recorded by planner.services.plan_edit_save itself.
        auditlog.register(Membership, serialize_data=True)
        auditlog.register(Organization, include_fields=["name", "logo", "default_language", "require_mfa"])
        auditlog.register(Plan, exclude_fields=["revision", "created_at", "updated_at"])
        auditlog.register(
            Invitation,
            exclude_fields=["token_hash"],
            serialize_data=True,
            serialize_kwargs={"fields": ["organization", "email", "role"]},
        )
