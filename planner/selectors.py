"""Reads: which plans and organizations a user may see and edit. The one place tenancy is decided.

Every view gets its plan through exactly one of two helpers: ``plan_for_user`` to read
(404 for a stranger) and ``plan_for_editor`` to change it (404 for a stranger, 403 for a
member who may only read).
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from .models import Membership, Organization, Plan

EDIT_ROLES = (Membership.Role.LEAD, Membership.Role.ADMIN)


def organizations_for_user(user: AbstractBaseUser) -> QuerySet[Organization]:
    return Organization.objects.filter(memberships__user=user)


def editable_organizations_for_user(user: AbstractBaseUser) -> QuerySet[Organization]:
    """The organizations where the user may create and edit plans."""
    return Organization.objects.filter(memberships__user=user, memberships__role__in=EDIT_ROLES)


def plans_for_user(user: AbstractBaseUser) -> QuerySet[Plan]:
    """Plans of the user's organizations, each with the user's role there (``user_role``)."""
    if not user.is_authenticated:
        return Plan.objects.none()
    role = Membership.objects.filter(organization=OuterRef("organization"), user=user).values("role")[:1]
    return Plan.objects.filter(organization__memberships__user=user).annotate(user_role=Subquery(role))


def plan_for_user(user: AbstractBaseUser, pk: int, *, parts: bool = False) -> Plan:
    """The plan if it belongs to one of the user's organizations, else 404; with ``parts``
    every part is prefetched."""
    plans = plans_for_user(user)
    return get_object_or_404(with_parts(plans) if parts else plans.select_related("organization"), pk=pk)


def plan_for_editor(user: AbstractBaseUser, pk: int, *, parts: bool = False) -> Plan:
    """The plan if the user may edit it; 404 for a stranger, 403 for a member who may only read."""
    plan = plan_for_user(user, pk, parts=parts)
    if not can_edit(plan):
        raise PermissionDenied
    return plan


def can_edit(plan: Plan) -> bool:
    """Whether the user the plan was read for (``plans_for_user``) may edit it."""
    return getattr(plan, "user_role", None) in EDIT_ROLES


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


def plan_with_parts(plan_id: int) -> Plan:
    """The plan with every part prefetched: a fixed number of queries whatever its size."""
    return with_parts(Plan.objects.all()).get(pk=plan_id)
