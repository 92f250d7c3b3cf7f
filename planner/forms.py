from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from .models import KPI, Goal, Plan

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RevisionForm(forms.Form):
    """The plan revision the page was built from; a save from an older one is stale."""

    revision = forms.IntegerField(widget=forms.HiddenInput)


class PlanBasicsForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["title", "organization", "language", "industry", "start_date", "horizon_months", "summary"]
        widgets = {
            "industry": forms.TextInput,
            "start_date": DATE_WIDGET,
            "summary": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "horizon_months": _("First results take 6 to 12 months; plan at least that long."),
            "language": _("The language of the plan and its report."),
        }

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["organization"].empty_label = None
        self.fields["start_date"].required = True
        self.fields["horizon_months"].required = True


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["category", "title", "description", "priority"]
        widgets = {
            "title": forms.TextInput,
            "description": forms.Textarea(attrs={"rows": 2}),
            "priority": forms.NumberInput(attrs={"min": 1, "max": 5}),
        }
        help_texts = {"priority": _("1 = highest")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].required = True
        self.fields["title"].required = True


class KPIForm(forms.ModelForm):
    class Meta:
        model = KPI
        fields = ["name", "metric", "unit", "baseline", "target", "due"]
        widgets = {"name": forms.TextInput, "unit": forms.TextInput, "due": DATE_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "metric", "target", "due"):
            self.fields[name].required = True


GoalFormSet = inlineformset_factory(Plan, Goal, form=GoalForm, extra=0, can_delete=True)
KPIFormSet = inlineformset_factory(Goal, KPI, form=KPIForm, extra=0, can_delete=True)


def empty_form(formset: forms.BaseFormSet, placeholder: str) -> forms.Form:
    """A blank row for the client-side "add" button, with its own placeholder so nested
    formsets (a goal's KPIs) can be added independently."""
    form = formset.form(
        auto_id=formset.auto_id,
        prefix=formset.add_prefix(placeholder),
        empty_permitted=True,
        use_required_attribute=False,
        **formset.get_form_kwargs(None),
        renderer=formset.renderer,
    )
    formset.add_fields(form, None)
    return form
