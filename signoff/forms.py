"""The sign-off's forms: they validate and turn input into typed values; services write."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from planner import limits

from .models import Decision, section_choices


def _text(label, *, required: bool = True, rows: int = 3, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=limits.MAX_TEXT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ReviewRequestForm(forms.Form):
    message = _text(
        _("Message to the executives"),
        required=False,
        help_text=_("Optional: what changed, what they should look at."),
    )


class CommentForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"), choices=section_choices)
    text = _text(_("Comment"))


class AnswerForm(forms.Form):
    text = _text(_("Answer"), rows=2)


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Decision.Outcome.choices, widget=forms.RadioSelect)
    reason = _text(
        _("Reason"), required=False, help_text=_("Required when you request changes: what should be different?")
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Decision.Outcome.REQUEST_CHANGES and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Say what should change, so the marketing lead knows what to do."))
        return cleaned


class ShareLinkForm(forms.Form):
    VALID_DAYS = [(7, _("one week")), (30, _("30 days")), (90, _("90 days")), (365, _("one year"))]

    label = forms.CharField(
        label=_("Shared with"),
        required=False,
        max_length=200,
        help_text=_("For your overview, e.g. “Supervisory board”."),
    )
    valid_days = forms.TypedChoiceField(label=_("Valid for"), choices=VALID_DAYS, coerce=int, initial=30)


class CheckInForm(forms.Form):
    date = forms.DateField(
        label=_("Date"),
        validators=[MinValueValidator(limits.MIN_DATE), MaxValueValidator(limits.MAX_DATE)],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    value = forms.DecimalField(
        label=_("Value"),
        max_digits=17,
        decimal_places=4,
        min_value=-limits.MAX_KPI_VALUE,
        max_value=limits.MAX_KPI_VALUE,
    )
    note = forms.CharField(label=pgettext_lazy("check-in", "Note"), required=False, max_length=limits.MAX_TEXT)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)


class ReviewMeetingForm(forms.Form):
    held_on = forms.DateField(
        label=_("Held on"),
        validators=[MinValueValidator(limits.MIN_DATE), MaxValueValidator(limits.MAX_DATE)],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    participants = _text(_("Participants"), rows=2)
    decisions = _text(_("Decisions"), required=False, rows=4)
    kpis = forms.MultipleChoiceField(
        label=_("KPIs looked at"), required=False, widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args, kpi_names: list[str], **kwargs):
        kwargs.setdefault("initial", {"held_on": timezone.localdate(), "kpis": kpi_names})
        super().__init__(*args, **kwargs)
        self.fields["kpis"].choices = [(name, name) for name in dict.fromkeys(kpi_names)]
