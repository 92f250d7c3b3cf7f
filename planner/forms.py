from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Plan


class RevisionForm(forms.Form):
    """The plan revision the page was built from; a save from an older one is stale."""

    revision = forms.IntegerField(widget=forms.HiddenInput)


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
    # No size check here: plan_file.read_upload reads at most 2 MB and a byte, and
    # plan_file.parse_document, the one check of the size, refuses the file with its other problems.


class PlanFromTemplateForm(OrganizationChoiceForm):
    template = forms.ChoiceField(label=_("template"), widget=forms.RadioSelect)

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        languages = dict(Plan.Language.choices)
        self.fields["template"].choices = [
            (t.slug, f"{t.title} ({t.industry}) · {languages.get(t.language, t.language)}") for t in templates
        ]
