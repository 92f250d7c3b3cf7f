"""What a browser submits for a form of a page: the load test's users and the pages benchmark post with it."""

from __future__ import annotations

import random

import lxml.html


def form_values(form: lxml.html.FormElement) -> list[tuple[str, str]]:
    """What a browser submits for the form when no button is named: every enabled control with a name, in document
    order; an empty text field as "" (lxml's own form_values() leaves it out), a checkbox or radio button only when
    checked ("on" without a value), a textarea without the newline that follows its start tag."""
    data: list[tuple[str, str]] = []
    for element in form.inputs:
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        if element.tag == "textarea":
            text = element.text_content()
            data.append((name, text[2:] if text.startswith("\r\n") else text[1:] if text.startswith("\n") else text))
        elif element.tag == "select":
            options = list(element.iter("option"))
            chosen = [o for o in options if o.get("selected") is not None]
            if element.get("multiple") is None:
                chosen = chosen[-1:] or options[:1]  # a single select always sends one: the first by default
            data += [(name, o.get("value", o.text_content().strip())) for o in chosen]
        else:
            kind = (element.get("type") or "text").lower()
            if kind in ("submit", "image", "reset", "button", "file"):
                continue
            if kind in ("checkbox", "radio"):
                if element.get("checked") is not None:
                    data.append((name, element.get("value", "on")))
                continue
            data.append((name, element.get("value", "")))
    return data


def replace_value(data: list[tuple[str, str]], name: str, value: str) -> list[tuple[str, str]]:
    return [(n, value if n == name else v) for n, v in data]


def change_one_text(form: lxml.html.FormElement, data: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """The data with one textarea's text changed as a person would (a full stop added or taken away), within its
    maxlength; None if the form has no filled textarea."""
    filled = {name: value for name, value in data if value.strip()}
    areas = [el for el in form.iter("textarea") if el.get("name") in filled]
    if not areas:
        return None
    area = random.choice(areas)
    text = filled[area.get("name")].strip()
    limit = int(area.get("maxlength") or 10**9)
    if text.endswith("."):
        text = text[:-1]
    elif len(text) < limit:
        text += "."
    else:
        text = text[:-1]
    return replace_value(data, area.get("name"), text)
