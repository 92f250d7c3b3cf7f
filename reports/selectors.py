from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from planner.models import Plan
from planner.selectors import plans_for_user

from .models import Report, Version


def reports_for_user(user: AbstractBaseUser) -> QuerySet[Report]:
    return Report.objects.filter(plan__in=plans_for_user(user))


def report_for_user(user: AbstractBaseUser, pk: int) -> Report:
    """The report if its plan belongs to one of the user's organizations, else 404."""
    return get_object_or_404(reports_for_user(user).select_related("plan", "plan__organization"), pk=pk)


def reports_for_plan(plan: Plan) -> QuerySet[Report]:
    return plan.reports.select_related("requested_by", "version").defer("version__snapshot")


def versions_for_plan(plan: Plan) -> QuerySet[Version]:
    """The plan's versions, newest first, without their snapshots."""
    return plan.versions.select_related("created_by").defer("snapshot")


def version_of_plan(plan: Plan, number: int) -> Version:
    """The plan's version of that number, else 404 (the plan was read through plan_for_user)."""
    return get_object_or_404(Version, plan=plan, number=number)
