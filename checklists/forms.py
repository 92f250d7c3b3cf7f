"""Form fields shared by the curators' admin and the planner's wizard."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class LinesField(forms.CharField):
    """A list of texts (a JSON list in the database), edited as one entry per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, *, max_entries: int | None = None, max_entry_length: int | None = None, **kwargs):
        self.max_entries, self.max_entry_length = max_entries, max_entry_length
        kwargs.setdefault("help_text", _("One entry per line."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(str(entry) for entry in value)
        return value

    def to_python(self, value) -> list[str]:
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        if self.max_entries is not None and len(value) > self.max_entries:
            raise ValidationError(_("At most %(count)s entries are possible.") % {"count": self.max_entries})
        if self.max_entry_length is not None and any(len(entry) > self.max_entry_length for entry in value):
            raise ValidationError(
                _("An entry may have at most %(count)s characters.") % {"count": self.max_entry_length}
            )

    def has_changed(self, initial, data) -> bool:
        return self.to_python(self.prepare_value(initial) or "") != self.to_python(data or "")
