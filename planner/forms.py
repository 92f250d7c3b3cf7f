from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Plan
from .plan_file import MAX_BYTES

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


def empty_form(formset: forms.BaseFormSet, index: str, initial: dict | None = None) -> forms.Form:
    """A blank row of a formset at ``index``, as the wizard's "Add" buttons fetch it."""
    form = formset.form(
        auto_id=formset.auto_id,
        prefix=formset.add_prefix(index),
        empty_permitted=True,
        use_required_attribute=False,
        initial=initial,
        **formset.get_form_kwargs(None),
        renderer=formset.renderer,
    )
    formset.add_fields(form, None)
    return form


class OrganizationChoiceForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=None, label=_("organization"), empty_label=None)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class PlanImportForm(OrganizationChoiceForm):
    file = forms.FileField(
        label=_("plan file (JSON)"),
        help_text=_("A file exported from the planner (format social-media-strategy-plan), at most 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file has %(size)s bytes; at most 2 MB are allowed.") % {"size": upload.size}
            )
        return upload


class PlanFromTemplateForm(OrganizationChoiceForm):
    template = forms.ChoiceField(label=_("template"), widget=forms.RadioSelect)

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [(t.slug, f"{t.title} ({t.industry})") for t in templates]
