"""Who does social media: people, their responsibilities and hours, and exactly one owner."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import Role
from .base import (
    COMPLETE,
    EMPTY,
    STARTED,
    RowForm,
    RowsFormSet,
    RowsStepForms,
    StateContext,
    TidyNumberInput,
    rows_formset,
    tidy_formfield,
)


class RoleForm(RowForm):
    columns = {"person": "col-md-6", "title": "col-md-6", "hours_per_week": "col-md-6", "is_owner": "col-md-6"}

    class Meta:
        model = Role
        formfield_callback = tidy_formfield
        fields = ["person", "title", "responsibilities", "hours_per_week", "is_owner"]
        widgets = {
            "person": forms.TextInput,
            "title": forms.TextInput,
            "responsibilities": forms.Textarea(attrs={"rows": 2}),
            "hours_per_week": TidyNumberInput(attrs={"min": 0, "max": 80, "step": "0.5"}),
        }
        help_texts = {"is_owner": _("The one person who is responsible for social media overall.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].required = True


class RoleFormSet(RowsFormSet):
    def clean(self) -> None:
        super().clean()
        kept = [form for form in self.kept_forms() if form.is_valid()]
        owners = sum(1 for form in kept if form.cleaned_data.get("is_owner"))
        if kept and owners != 1:
            raise ValidationError(_("Mark exactly one person as the main owner (now: %(count)s).") % {"count": owners})


class RolesForms(RowsStepForms):
    part = "roles"
    formset_class = rows_formset(RoleForm, formset=RoleFormSet)
    prefix = "roles"
    row_label = _("Role")
    add_label = _("Add person")
    empty_text = _("No one yet. Social media is not done on the side: name a main owner and the team.")

    @staticmethod
    def state(plan: dict[str, Any], context: StateContext) -> str:
        roles = plan.get("roles") or []
        if not roles:
            return EMPTY
        return COMPLETE if sum(1 for role in roles if role.get("is_owner")) == 1 else STARTED
