"""Who does social media: people, their responsibilities and hours, and exactly one owner."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from checklists.rules.reading import kind_from_title

from ..edits import RowEdit
from ..models import Role
from .base import (
    RowForm,
    RowsFormSet,
    RowsStepForms,
    StateContext,
    rows_formset,
    tidy_formfield,
)

KIND_CHOICES = [("", _("Read from the job title")), *Role.Kind.choices]


class RoleForm(RowForm):
    """A person on the team. Their kind (management, employee, trainee, external) is pre-filled from
    the job title as the plan check reads it; a kind the user picks overrides the title."""

    columns = {
        "person": "col-md-6",
        "title": "col-md-6",
        "kind": "col-md-6",
        "hours_per_week": "col-md-6",
        "is_owner": "col-md-6",
    }
    kind = forms.ChoiceField(label=_("Kind of role"), choices=KIND_CHOICES, required=False)

    class Meta:
        model = Role
        formfield_callback = tidy_formfield
        fields = ["person", "title", "kind", "responsibilities", "hours_per_week", "is_owner"]
        widgets = {
            "person": forms.TextInput,
            "title": forms.TextInput,
            "responsibilities": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"is_owner": _("The one person who is responsible for social media overall.")}

    def __init__(self, *args, language: str = "de", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].required = True
        self.fields["kind"].help_text = _(
            "Pre-filled from the job title; change it if the title says something else. The plan check reads "
            "from it who is a trainee, who is external and who belongs to management."
        )
        # Validation writes the cleaned values onto the instance, so remember now whether the kind was stored.
        self.kind_from_title = not self.instance.kind
        if self.instance.pk and self.kind_from_title:
            self.initial["kind"] = kind_from_title(self.instance.title, language)
        self.order_fields(["person", "title", "kind", "hours_per_week", "is_owner", "responsibilities"])

    def row_edit(self, **children) -> RowEdit:
        edit = super().row_edit(**children)
        if self.kind_from_title and "kind" not in self.changed_data:
            # The kind shown was read from the title, not picked: keep reading it from the title.
            edit.values["kind"] = ""
        return edit


class RoleFormSet(RowsFormSet):
    def clean(self) -> None:
        super().clean()
        kept = [form for form in self.kept_forms() if form.is_valid()]
        owners = sum(1 for form in kept if form.cleaned_data.get("is_owner"))
        if kept and owners != 1:
            raise ValidationError(_("Mark exactly one person as the main owner (now: %(count)s).") % {"count": owners})


class RolesForms(RowsStepForms):
    part = "roles"
    parts = ("roles",)
    formset_class = rows_formset(RoleForm, formset=RoleFormSet)
    prefix = "roles"
    row_label = _("Role")
    add_label = _("Add person")
    empty_text = _("No one yet. Social media is not done on the side: name a main owner and the team.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"language": self.plan.language}

    @staticmethod
    def is_empty(plan: dict[str, Any], context: StateContext) -> bool:
        return not plan.get("roles")

    @staticmethod
    def missing(plan: dict[str, Any], context: StateContext) -> str:
        roles = plan.get("roles") or []
        if not roles:
            return str(_("No one yet."))
        owners = sum(1 for role in roles if role.get("is_owner"))
        if owners == 1:
            return ""
        return str(_("Mark exactly one person as the main owner (now: %(count)s).") % {"count": owners})
