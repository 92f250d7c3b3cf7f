"""Django admin for staff: report records, to look up (the PDF is downloaded on the plan's page)."""

from django.contrib import admin

from .models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("plan", "number", "variant", "status", "failure", "requested_by", "requested_at", "page_count")
    list_filter = ("status", "variant", "failure")
    search_fields = ("plan__title", "plan__organization__name", "requested_by__email")
    list_select_related = ("plan", "requested_by")
    date_hierarchy = "requested_at"
    exclude = ("snapshot", "changes")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
