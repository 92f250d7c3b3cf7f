"""The wizard's fields for numbers and dates, in the format of the user's language.

Numbers and dates are typed into text inputs, never ``type="number"`` or ``type="date"``: the
browser reads those in its own locale, not the page's, and Chromium turns "12,5" into 125. The
server reads what was typed with the separators of the active language (Django's formats), accepts
the other common convention where it cannot be misread, and refuses what can be read two ways.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format, get_format, number_format
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from .. import limits

# Spaces people put between groups of digits ("1 200", "1 200" with a no-break space).
_GROUP_SPACES = re.compile(r"[\s\u00a0\u202f]")
_MINUS = {"\u2212": "-", "\u2013": "-"}


def _grouped(text: str, *, decimal: str, group: str) -> tuple[Decimal, bool] | None:
    """The number ``text`` means when written with these separators, and whether it has a decimal
    part; None when it is not written that way. Groups are three digits, the first one to three."""
    d, g = re.escape(decimal), re.escape(group)
    match = re.fullmatch(rf"([+-]?)((?:[1-9]\d{{0,2}}(?:{g}\d{{3}})+)|\d*)(?:{d}(\d+))?", text)
    if match is None or not (match.group(2) or match.group(3)):
        return None
    sign, whole, fraction = match.group(1), match.group(2).replace(group, "") or "0", match.group(3)
    try:
        return Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"), fraction is not None
    except InvalidOperation:
        return None


class AmbiguousNumberError(ValueError):
    def __init__(self, decimal_reading: Decimal, group_reading: Decimal):
        super().__init__(f"{decimal_reading} or {group_reading}")
        self.decimal_reading, self.group_reading = decimal_reading, group_reading


def parse_number(text: str) -> Decimal | None:
    """What the user meant by ``text`` in the active language; None for no number.

    The language's own format comes first ("1.200,5" in German, "1,200.5" in English). The other
    convention is accepted where the own format cannot read the text ("12.5" in German, "12,5" in
    English). Where both can and disagree because the own format reads a decimal part of exactly
    three digits ("1,200" in German: 1.2 or 1200?), AmbiguousNumberError says so."""
    text = _GROUP_SPACES.sub("", text.strip())
    for dash, minus in _MINUS.items():
        text = text.replace(dash, minus)
    if not text:
        return None
    decimal, group = get_format("DECIMAL_SEPARATOR"), get_format("THOUSAND_SEPARATOR")
    own = _grouped(text, decimal=decimal, group=group)
    other = _grouped(text, decimal=group, group=decimal)
    if own is None and other is None:
        raise ValueError(text)
    if own is None:
        return other[0]
    if other is not None and other[0] != own[0] and own[1] and not other[1]:
        raise AmbiguousNumberError(own[0], other[0])
    return own[0]


def format_number(value: Decimal | int | float) -> str:
    """A number as the active language writes it: "1.200,5" in German, "1,200.5" in English."""
    if isinstance(value, Decimal):
        value = value.normalize()
    return number_format(value, use_l10n=True, force_grouping=True)


class NumberInput(forms.TextInput):
    """A number shown as the active language writes it; the keyboard of a phone offers digits."""

    def __init__(self, attrs=None, *, whole: bool = False):
        inputmode = "numeric" if whole else "decimal"
        super().__init__({"inputmode": inputmode, "autocomplete": "off", "data-format": "number", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return format_number(value)
        return super().format_value(value)


class _LocaleNumber:
    """Reads a number as :func:`parse_number` does, with a message that shows the language's format."""

    def _read(self, value) -> Decimal | None:
        if value in self.empty_values:
            return None
        if isinstance(value, (int, Decimal)):
            return Decimal(value)
        try:
            return parse_number(str(value))
        except AmbiguousNumberError as ambiguous:
            raise ValidationError(
                _(
                    "“%(value)s” can be read two ways: as %(decimal)s or as %(thousands)s. "
                    "Please write %(decimal)s or %(plain)s."
                )
                % {
                    "value": value,
                    "decimal": format_number(ambiguous.decimal_reading),
                    "thousands": format_number(ambiguous.group_reading),
                    "plain": f"{ambiguous.group_reading:f}",
                },
                code="ambiguous",
            ) from None
        except ValueError:
            raise ValidationError(
                _("Enter a number, such as %(example)s.") % {"example": format_number(Decimal("1200.5"))},
                code="invalid",
            ) from None


class LocaleDecimalField(_LocaleNumber, forms.DecimalField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", NumberInput())
        super().__init__(**kwargs)

    def to_python(self, value) -> Decimal | None:
        return self._read(value)

    def widget_attrs(self, widget):
        return {}  # no min, max or step: the input is text (see the module's docstring)


class LocaleIntegerField(_LocaleNumber, forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", NumberInput(whole=True))
        super().__init__(**kwargs)

    def to_python(self, value) -> int | None:
        number = self._read(value)
        if number is None:
            return None
        if number != number.to_integral_value():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(number)

    def widget_attrs(self, widget):
        return {}


class DateInput(forms.DateInput):
    """A date shown as the active language writes it (31.12.2027, 12/31/2027)."""

    def __init__(self, attrs=None):
        super().__init__(
            {"autocomplete": "off", "placeholder": _("MM/DD/YYYY"), "data-format": "date", **(attrs or {})}
        )

    def format_value(self, value):
        if isinstance(value, dt.date):
            return date_format(value, "SHORT_DATE_FORMAT")
        return super().format_value(value)


# Dates written the German way are unambiguous in every language: the day comes first.
DOTTED_DATE_FORMATS = ["%d.%m.%Y", "%d.%m.%y"]


class LocaleDateField(forms.DateField):
    """A date in the active language's format, or in ISO (2027-12-31), or with dots (31.12.2027)."""

    widget = DateInput

    def to_python(self, value) -> dt.date | None:
        self.input_formats = list(dict.fromkeys([*get_format("DATE_INPUT_FORMATS"), *DOTTED_DATE_FORMATS]))
        try:
            return super().to_python(value)
        except ValidationError:
            example = date_format(dt.date(2027, 12, 31), "SHORT_DATE_FORMAT")
            raise ValidationError(
                _("Enter a date such as %(example)s.") % {"example": example}, code="invalid"
            ) from None


# --- other fields of the wizard -------------------------------------------------------------------


class ReferenceField(forms.TypedChoiceField):
    """One row of the plan or the catalogue, chosen by id; the choices are computed once per
    page, so many rows cost no query each."""

    def __init__(self, **kwargs):
        super().__init__(coerce=int, empty_value=None, **kwargs)


class ReferencesField(forms.TypedMultipleChoiceField):
    """Several rows, chosen by id (a many-to-many link), in the order they are offered."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(coerce=int, required=False, **kwargs)


def _phase_label(n: int):
    if n == 0:
        return _("0 – listening (monitoring, no publishing)")
    if n == 1:
        return _("1 – pilot")
    return format_lazy(_("{phase} – expansion, stage {stage}"), phase=n, stage=n - 1)


PHASES = [(n, _phase_label(n)) for n in range(limits.MAX_PHASE + 1)]


def phase_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=capfirst(label), choices=PHASES, coerce=int, initial=1)
