"""The wizard's formset rows, rendered in Python: ``{{ form.title|row_field }}`` gives the markup of crispy-forms'
Bootstrap 5 field (``as_crispy_field``) with Django's widget markup inside, and ``{{ form.id|bare_widget }}`` the
markup of ``{{ form.id }}``, without rendering a template per field, widget and select option.

A wizard step of a large plan shows some 600 fields with 2,000 select options; rendered through templates they
took most of the step's time (docs/benchmarks.md, "Pages"). ``planner/tests/test_row_fields.py`` holds the markup
to crispy's, field kind by field kind. A widget without a Python rendering here (a file input, a radio select, a
multi-widget, a widget with a template of its own) is rendered by crispy itself.
"""

from __future__ import annotations

import html
from typing import Any

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, optgroups
from django import forms, template
from django.conf import settings
from django.forms import BoundField
from django.utils.formats import localize
from django.utils.functional import Promise
from django.utils.safestring import SafeData, SafeString, mark_safe

register = template.Library()

INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in ("input", "text", "number", "date", "email", "url", "hidden", "checkbox", "password", "tel")
)
TEXTAREA = "django/forms/widgets/textarea.html"
SELECT = "django/forms/widgets/select.html"
SELECT_OPTION = "django/forms/widgets/select_option.html"


def _escape(value: Any) -> str:
    """``conditional_escape``, without its lazy wrapper (this runs for every option of every select)."""
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _text(value: Any) -> str:
    """``{{ value }}``: localized and escaped as the template engine does it."""
    return _escape(value if isinstance(value, (str, Promise)) else localize(value))


def _formatted(value: Any) -> str:
    """``{{ value|stringformat:'s' }}``."""
    return _escape(value if isinstance(value, SafeData) else str(value))


def _unlocalized(value: Any) -> str:
    """``{{ value|unlocalize }}``."""
    return _escape(localize(value, use_l10n=False))


def _attrs(attrs: dict[str, Any]) -> str:
    """Django's ``attrs.html``: ``True`` as a bare attribute, ``False`` left out."""
    return "".join(
        f" {_escape(name)}" if value is True else f' {_escape(name)}="{_formatted(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _widget_markup(widget: dict[str, Any]) -> str | None:
    """A widget context (``Widget.get_context``) as Django's template would render it; None without a rendering."""
    name = _escape(widget["name"])
    template_name = widget["template_name"]
    if template_name in INPUT_TEMPLATES:
        value = "" if widget["value"] is None else f' value="{_formatted(widget["value"])}"'
        return f'<input type="{_escape(widget["type"])}" name="{name}"{value}{_attrs(widget["attrs"])}>'
    if template_name == TEXTAREA:
        text = _text(widget["value"]) if widget["value"] else ""
        return f'<textarea name="{name}"{_attrs(widget["attrs"])}>\n{text}</textarea>'
    if template_name == SELECT:
        parts = [f'<select name="{name}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{_text(group_name)}">')
            for option in options:
                if option["template_name"] != SELECT_OPTION:
                    return None
                parts.append(
                    f'\n  <option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
                    f"{_text(option['label'])}</option>"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return "".join(parts)
    return None


def _crispy_class(widget: forms.Widget, classes: str) -> str:
    """The class crispy's ``{% crispy_field %}`` gives the widget: its own, the widget's kind, then ``classes``."""
    kind = widget.__class__.__name__.lower()
    kind = getattr(settings, "CRISPY_CLASS_CONVERTERS", {}).get(kind, kind)
    css = widget.attrs.get("class", "")
    if not css:
        css = kind
    elif css.find(kind) == -1:
        css += f" {kind}"
    for name in classes.split():
        if name not in css.split():
            css += f" {name}"
    return css


def _widget(field: BoundField, *, css: str | None = None) -> str | None:
    """``field.as_widget()`` (with crispy's class ``css``), or None for a widget rendered by a template only."""
    widget = field.field.widget
    if field.field.localize:
        widget.is_localized = True
    attrs = {"class": css} if css is not None else {}
    attrs.update(field.build_widget_attrs({}, widget))
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)
    return _widget_markup(context["widget"])


def _label(field: BoundField, tag: str, classes: str, *, for_id: str) -> str:
    required = field.field.required
    css = classes + (" requiredField" if required else "") + (" fs-6" if tag == "legend" else "")
    target = f'for="{_escape(for_id)}" ' if for_id else ""
    star = '<span class="asteriskField">*</span>' if required else ""
    return f'<{tag} {target}class="{css}">{_text(field.label)}{star}</{tag}>'


def _errors(field: BoundField) -> str:
    if not field.errors:
        return ""
    lines = "".join(
        f'<p id="error_{n}_{_escape(field.auto_id)}"><strong>{_text(error)}</strong></p>'
        for n, error in enumerate(field.errors, start=1)
    )
    return f'<div id="{_text(field.errors.field_id)}_error" class="invalid-feedback">{lines}</div>'


def _help(field: BoundField) -> str:
    if not field.help_text:
        return ""
    target = f'id="{_escape(field.auto_id)}_helptext" ' if field.auto_id else ""
    return f'<div {target}class="form-text">{mark_safe(field.help_text)}</div>'


def _checkboxes(field: BoundField) -> str:
    """crispy's ``radio_checkbox_select.html`` for a CheckboxSelectMultiple."""
    invalid = " is-invalid" if field.errors else ""
    groups = list(optgroups(field))
    parts = ["<div >"]
    for group_number, (group, options, _index) in enumerate(groups, start=1):
        if group:
            parts.append(f"<strong>{_text(group)}</strong>")
        for number, option in enumerate(options, start=1):
            last = number == len(options) and group_number == len(groups)
            parts.append(
                f'<div class="form-check"><input type="{option["type"]}" class="form-check-input{invalid}"  '
                f'name="{_escape(field.html_name)}" value="{_unlocalized(option["value"])}" '
                f"{_attrs(option['attrs'])}>"
                f'<label for="{_formatted(option["attrs"].get("id", ""))}" class="form-check-label">'
                f"{_unlocalized(option['label'])}</label>{_errors(field) if last else ''}</div>"
            )
    parts.append("</div>")
    parts.append(_help(field))
    return "".join(parts)


def _wrapper_classes(field: BoundField, base: str) -> str:
    extra = field.css_classes()
    return f"{base} {extra}" if extra else base


@register.filter
def row_field(field: BoundField) -> SafeString:
    """``{{ field|as_crispy_field }}``, rendered in Python where the widget allows."""
    widget = field.field.widget
    if field.is_hidden:
        return bare_widget(field)
    invalid = " is-invalid" if field.errors else ""
    div_id = f"div_{_escape(field.auto_id)}"
    if isinstance(widget, forms.CheckboxInput):
        rendered = _widget(field, css=_crispy_class(widget, "form-check-input" + invalid))
        if rendered is None:
            return as_crispy_field(field)
        label = _label(field, "label", "form-check-label", for_id=field.id_for_label)
        return mark_safe(
            f'<div class="mb-3"><div id="{div_id}" class="{_wrapper_classes(field, "form-check")}">'
            f"{rendered}{label}{_errors(field)}{_help(field)}</div></div>"
        )
    if isinstance(widget, forms.CheckboxSelectMultiple):
        body = _checkboxes(field)
    elif isinstance(widget, (forms.RadioSelect, forms.FileInput, forms.MultiWidget)):
        return as_crispy_field(field)
    else:
        classes = "form-select" if isinstance(widget, forms.Select) else "form-control"
        rendered = _widget(field, css=_crispy_class(widget, classes + invalid))
        if rendered is None:
            return as_crispy_field(field)
        body = f"{rendered}{_errors(field)}{_help(field)}"
    label = ""
    if field.label:
        if field.use_fieldset:
            described = f' aria-describedby="{_text(field.aria_describedby)}"' if field.aria_describedby else ""
            label = f"<fieldset{described}>" + _label(field, "legend", "form-label", for_id=field.id_for_label)
        else:
            label = _label(field, "label", "form-label", for_id=field.id_for_label)
    end = "</fieldset>" if field.use_fieldset and field.label else ""
    return mark_safe(f'<div id="{div_id}" class="{_wrapper_classes(field, "mb-3")}">{label}{body}{end}</div>')


@register.filter
def bare_widget(field: BoundField) -> SafeString:
    """``{{ field }}`` (its widget alone: a row's hidden id, its DELETE box), rendered in Python where possible."""
    if field.field.show_hidden_initial:
        return str(field)
    rendered = _widget(field)
    return mark_safe(rendered) if rendered is not None else field.as_widget()


@register.filter
def bare_form(form: forms.BaseForm) -> SafeString:
    """``{{ form }}`` of a form of hidden fields only (a formset's management form), rendered in Python; any
    other form, or one with errors, as Django renders it."""
    if form.errors or any(not field.is_hidden for field in form):
        return mark_safe(str(form))
    return mark_safe("".join(bare_widget(field) for field in form))
