"""Django admin for staff: organizations, memberships and plans, to look up and to search.

Plans and memberships are read-only here: plans change in the wizard, memberships through the
members page, where the rules hold (the last admin stays) and the history records who did it."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import (
    KPI,
    ChecklistAnswer,
    Competitor,
    ContentTheme,
    Goal,
    Guideline,
    Membership,
    Milestone,
    Organization,
    Plan,
    PlanChannel,
    Role,
    TargetGroup,
)


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class MembershipInline(ReadOnlyMixin, admin.TabularInline):
    model = Membership
    fields = ("user", "role")
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "member_count", "plan_count", "default_language", "require_mfa", "created_at")
    list_filter = ("require_mfa", "default_language")
    search_fields = ("name", "slug", "memberships__user__email", "memberships__user__username")
    fields = ("name", "slug", "logo", "default_language", "require_mfa", "created_at")
    readonly_fields = ("created_at",)
    inlines = [MembershipInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(member_count=Count("memberships", distinct=True), plan_count=Count("plans", distinct=True))
        )

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, organization: Organization) -> int:
        return organization.member_count

    @admin.display(description=_("plans"), ordering="plan_count")
    def plan_count(self, organization: Organization) -> int:
        return organization.plan_count

    def has_add_permission(self, request) -> bool:
        return False  # organizations are made by signing up

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # deleted on the organization's page, which removes its report files too


@admin.register(Membership)
class MembershipAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("user", "user_email", "organization", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "user__email", "user__first_name", "user__last_name", "organization__name")
    list_select_related = ("user", "organization")

    @admin.display(description=_("e-mail address"), ordering="user__email")
    def user_email(self, membership: Membership) -> str:
        return membership.user.email


def _inline(part_model, part_fields):
    return type(
        f"{part_model.__name__}Inline",
        (ReadOnlyMixin, admin.TabularInline),
        {"model": part_model, "fields": part_fields, "extra": 0, "show_change_link": False},
    )


@admin.register(Plan)
class PlanAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("title", "organization", "language", "status", "created_by", "updated_at")
    list_filter = ("status", "language", "organization")
    search_fields = ("title", "industry", "summary", "organization__name")
    list_select_related = ("organization", "created_by")
    date_hierarchy = "updated_at"
    inlines = [
        _inline(Competitor, ("name", "notes")),
        _inline(Goal, ("title", "category", "priority", "description")),
        _inline(TargetGroup, ("name", "priority", "description", "needs")),
        _inline(PlanChannel, ("channel", "purpose", "phase", "posts_per_week", "dialogue")),
        _inline(ContentTheme, ("title", "kind", "description")),
        _inline(Role, ("person", "title", "kind", "hours_per_week", "is_owner")),
        _inline(Guideline, ("topic", "text")),
        _inline(Milestone, ("title", "phase", "start", "end")),
        _inline(ChecklistAnswer, ("item", "status", "note")),
    ]


@admin.register(KPI)
class KPIAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """A goal's KPIs, found by plan (the plan page lists the goals)."""

    list_display = ("name", "metric", "baseline", "target", "due", "goal")
    list_filter = ("metric",)
    search_fields = ("name", "goal__title", "goal__plan__title")
    list_select_related = ("goal",)
