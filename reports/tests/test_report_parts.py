"""A full report laid out in parts on two CPUs (reports/parts.py) is the same PDF, page for page, as the report
laid out in one piece: the same text on each page (page numbers, totals, running headers, the contents' page
numbers), the same pictures, bookmarks and links; and when the second process fails, the report is laid out
in one piece instead."""

import io
import logging
import os
import subprocess

import pytest
from pypdf import PdfReader

from planner.plan_file import plan_to_document
from reports import parts
from reports.pdf import html_to_pdf
from reports.services import report_html


@pytest.fixture
def large_html(large_plan):
    return report_html(snapshot=plan_to_document(large_plan), variant="full", number=3)


def page_texts(content: bytes, tmp_path) -> list[str]:
    path = tmp_path / "parts.pdf"
    path.write_bytes(content)
    args = ["pdftotext", "-layout", str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout.split("\f")


def page_pictures(content: bytes, tmp_path, name: str) -> list[bytes]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(content)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / name)], check=True)
    return [picture.read_bytes() for picture in sorted(tmp_path.glob(f"{name}-*.png"))]


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield depth, item.title, reader.get_destination_page_number(item)

    return list(walk(reader.outline, 0))


def contents_links(reader: PdfReader) -> list[tuple[int, int]]:
    """Where each link on the contents page goes: the page (from 0) and the height on it."""
    places = []
    for annotation in reader.pages[1]["/Annots"]:
        annotation = annotation.get_object()
        destination = annotation["/Dest"]
        if isinstance(destination, str):
            destination = reader.named_destinations[destination]
            places.append((reader.get_destination_page_number(destination), round(float(destination.top))))
        else:
            places.append((reader.get_page_number(destination[0].get_object()), round(float(destination[3]))))
    return places


def test_the_report_in_parts_is_the_report_in_one_piece_page_for_page(large_html, tmp_path):
    whole = html_to_pdf(large_html, in_parts=False)
    in_parts = html_to_pdf(large_html, in_parts=True)

    assert in_parts.page_count == whole.page_count == len(PdfReader(io.BytesIO(in_parts.content)).pages)
    assert page_texts(in_parts.content, tmp_path) == page_texts(whole.content, tmp_path)
    assert page_pictures(in_parts.content, tmp_path, "parts") == page_pictures(whole.content, tmp_path, "whole")
    whole_reader, parts_reader = PdfReader(io.BytesIO(whole.content)), PdfReader(io.BytesIO(in_parts.content))
    assert outline(parts_reader) == outline(whole_reader)
    assert len(outline(parts_reader)) > 20  # sections and goals
    assert contents_links(parts_reader) == contents_links(whole_reader)
    assert parts_reader.metadata.title == whole_reader.metadata.title == "Große Social-Media-Strategie 2027–2029"
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # the second process is gone, not a zombie


def test_each_part_begins_on_a_new_page_with_its_running_header(large_html, tmp_path):
    texts = page_texts(html_to_pdf(large_html, in_parts=True).content, tmp_path)
    approval = next(i for i, text in enumerate(texts) if "Freigabe" in text.splitlines()[0])
    channels = next(i for i, text in enumerate(texts) if "Kanäle und Zielgruppen" in text.splitlines()[0])
    for page in (approval, channels):
        header, footer = texts[page].splitlines()[0], texts[page].strip().splitlines()[-1]
        assert "Große Social-Media-Strategie 2027–2029" in header
        assert f"Seite {page + 1} / {len(texts) - 1}" in footer  # pdftotext ends with a form feed
        assert "Kontaktlinsen Versand Leipzig GmbH · Version 3 · Entwurf" in footer


def test_when_the_second_process_fails_the_report_is_laid_out_in_one_piece(large_html, tmp_path, monkeypatch, caplog):
    def fails(*args, **kwargs):
        raise MemoryError("the second process ran out of memory")

    monkeypatch.setattr(parts, "_second_part_and_front", fails)  # what the forked process runs
    with caplog.at_level(logging.WARNING, logger="reports.pdf"):
        rendered = html_to_pdf(large_html, in_parts=True)

    assert "could not be laid out in parts" in caplog.text
    assert "the other part ended" in caplog.text
    whole = html_to_pdf(large_html, in_parts=False)
    assert page_texts(rendered.content, tmp_path) == page_texts(whole.content, tmp_path)


def test_the_short_report_has_no_parts(large_plan):
    html = report_html(snapshot=plan_to_document(large_plan), variant="short")
    assert parts.split(html) is None
    assert parts.PART_MARKER not in html


def test_the_second_process_gives_way_to_the_web_when_the_cpus_are_busy(large_html, monkeypatch, caplog):
    expected = min(os.nice(0) + parts.PART_NICENESS, 19)
    lay_out = parts._second_part_and_front

    def checked(*args):
        if os.nice(0) != expected:
            raise AssertionError(f"the second process runs at niceness {os.nice(0)}, not {expected}")
        lay_out(*args)

    monkeypatch.setattr(parts, "_second_part_and_front", checked)
    with caplog.at_level(logging.WARNING, logger="reports.pdf"):
        html_to_pdf(large_html, in_parts=True)
    assert "could not be laid out in parts" not in caplog.text
