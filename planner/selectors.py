"""Reads: which plans and organizations a user may see. The one place tenancy is decided."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Membership, Organization, Plan

EDIT_ROLES = (Membership.Role.LEAD, Membership.Role.ADMIN)


def organizations_for_user(user: AbstractBaseUser) -> QuerySet[Organization]:
    return Organization.objects.filter(memberships__user=user)


def plans_for_user(user: AbstractBaseUser) -> QuerySet[Plan]:
    """Plans of the user's organizations; every plan view starts from here."""
    if not user.is_authenticated:
        return Plan.objects.none()
    return Plan.objects.filter(organization__memberships__user=user)


def plan_for_user(user: AbstractBaseUser, pk: int) -> Plan:
    """The plan if it belongs to one of the user's organizations, else 404."""
    return get_object_or_404(plans_for_user(user).select_related("organization"), pk=pk)


def role_for(user: AbstractBaseUser, organization: Organization) -> str | None:
    return Membership.objects.filter(user=user, organization=organization).values_list("role", flat=True).first()


def can_edit(user: AbstractBaseUser, plan: Plan) -> bool:
    return role_for(user, plan.organization) in EDIT_ROLES


def plan_with_parts(plan_id: int) -> Plan:
    """The plan with every part prefetched: a fixed number of queries whatever its size."""
    return with_parts(Plan.objects.all()).get(pk=plan_id)


def with_parts(plans: QuerySet[Plan]) -> QuerySet[Plan]:
    """Plans with every part prefetched: a fixed number of queries however many and large."""
    return plans.select_related("organization").prefetch_related(
        "competitors",
        "goals__kpis",
        "target_groups",
        "channels__channel",
        "channels__target_groups",
        "channels__goals",
        "content_themes__target_groups",
        "content_themes__channels",
        "roles",
        "guidelines",
        "milestones",
        "checklist_answers__item",
    )


def editable_organizations_for_user(user: AbstractBaseUser) -> QuerySet[Organization]:
    """The organizations where the user may create and edit plans."""
    return Organization.objects.filter(memberships__user=user, memberships__role__in=EDIT_ROLES)
