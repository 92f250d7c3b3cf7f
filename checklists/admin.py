from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import fields, resources, widgets
from import_export.admin import ImportExportModelAdmin
from modeltranslation.admin import TranslationAdmin

from .forms import LinesField
from .models import Channel, Checklist, ChecklistItem, GuidelineTemplate, KPIBenchmark, Source
from .rules import RULES
from .services import content_revision_bump


class CuratedOnSaveMixin:
    """A row saved in the admin counts as curated: load_content keeps it unless --force."""

    readonly_fields = ("curated",)

    def save_model(self, request, obj, form, change):
        obj.curated = True
        super().save_model(request, obj, form, change)


class ActivationActionsMixin:
    actions = ["activate", "deactivate"]

    @admin.action(description=_("Activate the selected rows"))
    def activate(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_active(request, queryset, True)

    @admin.action(description=_("Deactivate the selected rows"))
    def deactivate(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_active(request, queryset, False)

    def _set_active(self, request: HttpRequest, queryset: QuerySet, active: bool) -> None:
        count = queryset.update(active=active)
        content_revision_bump()  # update() sends no signal
        message = ngettext("%(count)d row changed.", "%(count)d rows changed.", count) % {"count": count}
        self.message_user(request, message, messages.SUCCESS)


class CuratedResource(resources.ModelResource):
    def before_save_instance(self, instance, row, **kwargs):
        instance.curated = True  # an import is a curator's edit


class ChecklistItemResource(CuratedResource):
    checklist = fields.Field(
        attribute="checklist", column_name="checklist", widget=widgets.ForeignKeyWidget(Checklist, field="slug")
    )

    class Meta:
        model = ChecklistItem
        import_id_fields = ("slug",)
        fields = (
            "slug", "checklist", "kind", "dimension", "weight", "order", "active",
            "title_de", "title_en", "explanation_de", "explanation_en", "measures_de", "measures_en",
            "contradicted_by",
        )  # fmt: skip
        export_order = fields
        skip_unchanged = True


class ChannelResource(CuratedResource):
    class Meta:
        model = Channel
        import_id_fields = ("slug",)
        fields = (
            "slug", "name_de", "name_en", "description_de", "description_en", "supports_dialogue", "order", "active",
        )  # fmt: skip
        export_order = fields
        skip_unchanged = True


class KPIBenchmarkResource(CuratedResource):
    channel = fields.Field(
        attribute="channel", column_name="channel", widget=widgets.ForeignKeyWidget(Channel, field="slug")
    )

    class Meta:
        model = KPIBenchmark
        fields = (
            "id", "metric", "channel", "max_monthly_change", "unit", "small_account_allowance",
            "new_account_ceiling", "method_de", "method_en", "source_publisher", "source_title", "source_year",
            "source_url", "sample_de", "sample_en", "confidence", "rationale_de", "rationale_en", "active",
        )  # fmt: skip
        export_order = fields
        skip_unchanged = True


@admin.register(Source)
class SourceAdmin(CuratedOnSaveMixin, TranslationAdmin):
    list_display = ("title", "author", "year", "slug", "curated")
    search_fields = ("title", "author", "slug")


@admin.register(Checklist)
class ChecklistAdmin(CuratedOnSaveMixin, TranslationAdmin):
    list_display = ("title", "source", "order", "item_count", "curated")
    list_editable = ("order",)
    list_filter = ("source",)
    search_fields = ("title", "slug")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    @admin.display(description=_("items"), ordering="item_count")
    def item_count(self, obj: Checklist) -> int:
        return obj.item_count


class ChecklistItemAdminForm(forms.ModelForm):
    # One measure per line, in each language, instead of a JSON list to type by hand.
    measures_de = LinesField(
        label=ChecklistItem._meta.get_field("measures_de").verbose_name,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    measures_en = LinesField(
        label=ChecklistItem._meta.get_field("measures_en").verbose_name,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    contradicted_by = forms.MultipleChoiceField(
        label=_("Contradicted by the findings"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("While the plan check reports one of these findings, a tick on this item does not count."),
    )

    class Meta:
        model = ChecklistItem
        fields = "__all__"  # noqa: DJ007 - the admin chooses the fields; this form only adds the checkboxes

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contradicted_by"].choices = [(code, code) for code in sorted(RULES)]


@admin.register(ChecklistItem)
class ChecklistItemAdmin(CuratedOnSaveMixin, ActivationActionsMixin, ImportExportModelAdmin, TranslationAdmin):
    form = ChecklistItemAdminForm
    resource_classes = [ChecklistItemResource]
    list_display = ("title", "checklist", "kind", "dimension", "weight", "order", "active", "curated")
    list_editable = ("order", "active")
    list_filter = ("checklist", "kind", "dimension", "active", "curated")
    list_select_related = ("checklist",)
    search_fields = ("slug", "title", "explanation")
    ordering = ("checklist__order", "order", "pk")


@admin.register(Channel)
class ChannelAdmin(CuratedOnSaveMixin, ActivationActionsMixin, ImportExportModelAdmin, TranslationAdmin):
    resource_classes = [ChannelResource]
    list_display = ("name", "slug", "supports_dialogue", "order", "active", "curated")
    list_editable = ("order", "active")
    list_filter = ("active", "supports_dialogue")
    search_fields = ("slug", "name")


@admin.register(GuidelineTemplate)
class GuidelineTemplateAdmin(CuratedOnSaveMixin, ActivationActionsMixin, TranslationAdmin):
    list_display = ("topic", "slug", "order", "active", "curated")
    list_editable = ("order", "active")
    search_fields = ("slug", "topic", "text")


@admin.register(KPIBenchmark)
class KPIBenchmarkAdmin(CuratedOnSaveMixin, ActivationActionsMixin, ImportExportModelAdmin, TranslationAdmin):
    resource_classes = [KPIBenchmarkResource]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = (
        "metric", "channel", "max_monthly_change", "unit", "small_account_allowance", "new_account_ceiling",
        "confidence", "source_publisher", "source_year", "active", "curated",
    )  # fmt: skip
    list_editable = ("active",)
    list_filter = ("metric", "channel", "confidence", "active")
    list_select_related = ("channel",)
    search_fields = ("metric", "source_publisher", "source_title", "rationale")
