"""A full report laid out on two CPUs at once.

WeasyPrint lays a document out in one Python thread. The full report's template marks where its parts begin
(``<!--report-part-->``, templates/reports/pdf/_part.html, a page break either way), so it can be laid out as
three documents: the front (cover and contents), the first part in this process and the second part in a forked
one, which then lays out the front too. What crosses the parts is numbers: the page numbers and their total in
the footers, and the pages the contents name. Each part learns them from the other once it has been paginated
(the pagination never depends on them), before WeasyPrint lays out its margin boxes; the front is laid out
last, when every section's page is known. The three PDFs are joined with pypdf, and the links of the contents
point at the sections' places. The forked process never uses the database: the logos it may print were
fetched before the fork (reports/pdf.py).

Page for page, the result is the same PDF as the whole document laid out at once (``test_report_parts``).
Anything going wrong with the second process (it died, or said nothing in time) is ``PartsError``: the caller
lays the report out in one piece instead.
"""

from __future__ import annotations

import io
import logging
import os
import re
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from typing import Any

PART_MARKER = "<!--report-part-->"
FRONT_PAGES = 2  # the cover and the contents
REPLY_SECONDS = 60  # a part waits this long for the other's numbers; the time limits end a stuck task anyway
TOC_LINK = re.compile(r'<a href="#([\w-]+)">')
# The second process gives way to the web's processes when the CPUs are busy (pages are waited for, reports less
# so); on an idle CPU it runs as fast.
PART_NICENESS = 10

logger = logging.getLogger(__name__)

# (pages of this part) -> (pages before it, pages in all), asked once the part is paginated.
_numbering: ContextVar[Callable[[int], tuple[int, int]] | None] = ContextVar("report_numbering", default=None)


class PartsError(RuntimeError):
    """The report could not be laid out in parts; lay it out whole."""


def split(html: str) -> tuple[str, str, str] | None:
    """The front, the first and the second part, each a document with the report's head; None when the
    HTML does not have exactly two part markers (the short report, a report of other markup)."""
    head, marker, rest = html.partition("<body>")
    body, _, _ = rest.rpartition("</body>")
    pieces = body.split(PART_MARKER)
    if not marker or len(pieces) != 3:
        return None
    front, first, second = (f"{head}<body>{piece}</body></html>" for piece in pieces)
    return front, first, second


def render_in_parts(html: str, *, render: Callable[[str], Any], write: Callable[[Any], bytes]) -> tuple[bytes, int]:
    """The report's PDF and its page count, laid out in parts side by side. ``render(html)`` lays out a
    document (WeasyPrint's ``Document``) without touching the database, ``write(document)`` makes its PDF."""
    pieces = split(html)
    if pieces is None:
        raise PartsError("the report has no parts")
    front, first, second = pieces
    targets = TOC_LINK.findall(front)
    here, there = Pipe()
    pid = os.fork()
    if pid == 0:  # the second process: the second part, then the front, once the first part's places are known
        code = 1
        try:
            here.close()
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.nice(PART_NICENESS)
            _second_part_and_front(front, second, there, targets, render, write)
            code = 0
        except BaseException:
            logger.exception("The second part of the report failed")
        finally:
            os._exit(code)  # never the parent's cleanup: its database connection, its atexit handlers
    there.close()
    try:
        numbers: dict[str, int] = {}

        def first_numbering(pages: int) -> tuple[int, int]:
            numbers["second"] = _exchange(here, pages)
            return FRONT_PAGES, FRONT_PAGES + pages + numbers["second"]

        with numbered(first_numbering):
            document = render(first)
        if "second" not in numbers:
            raise PartsError("the first part has no margin boxes")
        _send(here, anchors(document, targets, before=FRONT_PAGES))
        first_pdf = write(document)
        front_pdf, second_pdf, places = _receive(here)
        return join([front_pdf, first_pdf, second_pdf], places), FRONT_PAGES + len(document.pages) + numbers["second"]
    finally:
        here.close()
        _end(pid)


def _second_part_and_front(front: str, html: str, connection: Connection, targets: list[str], render, write) -> None:
    before = {}

    def second_numbering(pages: int) -> tuple[int, int]:
        before["pages"] = FRONT_PAGES + _exchange(connection, pages)
        return before["pages"], before["pages"] + pages

    with numbered(second_numbering):
        document = render(html)
    second_pdf = write(document)
    places = {**_receive(connection), **anchors(document, targets, before=before["pages"])}
    total = before["pages"] + len(document.pages)
    with numbered(lambda pages: (0, total)):
        front_document = render(numbered_contents(front, places))
    if len(front_document.pages) != FRONT_PAGES:
        raise PartsError(f"the cover and the contents took {len(front_document.pages)} pages")
    connection.send((write(front_document), second_pdf, places))


def _send(connection: Connection, message) -> None:
    try:
        connection.send(message)
    except OSError as error:
        raise PartsError(f"the other part ended: {error!r}") from error


def _exchange(connection: Connection, pages: int) -> int:
    """Tell the other part how many pages this one has; its number of pages."""
    _send(connection, pages)
    return _receive(connection)


def _receive(connection: Connection):
    try:
        if not connection.poll(REPLY_SECONDS):
            raise PartsError(f"the other part said nothing in {REPLY_SECONDS} s")
        return connection.recv()
    except (EOFError, OSError) as error:
        raise PartsError(f"the other part ended: {error!r}") from error


def _end(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)  # done or not: it has sent all it will send
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass  # reaped already (a SIGCHLD handler of the worker's pool)


@contextmanager
def numbered(numbering: Callable[[int], tuple[int, int]]) -> Iterator[None]:
    """Page numbers of the documents laid out meanwhile come from ``numbering``, asked once."""
    answer: list[tuple[int, int]] = []

    def once(pages: int) -> tuple[int, int]:
        if not answer:
            answer.append(numbering(pages))
        return answer[0]

    token = _numbering.set(once)
    try:
        yield
    finally:
        _numbering.reset(token)


def anchors(document, targets: list[str], *, before: int) -> dict[str, tuple[int, float, float]]:
    """Where each of ``targets`` is in the document: its page in the whole report (0-based) and its place
    in PDF points from the bottom left, as WeasyPrint writes a destination."""
    found = {}
    for index, page in enumerate(document.pages):
        for name, (x, y, _, _) in page.anchors.items():
            if name in targets and name not in found:
                found[name] = (before + index, x * 0.75, (page.height - y) * 0.75)
    return found


def numbered_contents(front: str, places: dict[str, tuple[int, float, float]]) -> str:
    """The front with the contents' page numbers written in (the targets are in other documents), and an
    empty anchor per target so that WeasyPrint keeps the links; ``join`` points them at the right page."""

    def numbered_link(link: re.Match) -> str:
        name = link.group(1)
        return f'<a href="#{name}" data-page="{places[name][0] + 1 if name in places else ""}">'

    front = TOC_LINK.sub(numbered_link, front)
    spans = "".join(f'<span id="{name}"></span>' for name in places)
    front = front.replace("</ul>", f'</ul><div style="height: 0; overflow: hidden">{spans}</div>', 1)
    style = '<style>ul.toc a::after { content: leader(". ") attr(data-page); }</style>'
    return front.replace("</head>", f"{style}</head>", 1)


def join(pdfs: list[bytes], places: dict[str, tuple[int, float, float]]) -> bytes:
    """One PDF of the parts' pages, bookmarks and metadata; the contents' links go to the sections."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, FloatObject, NameObject, NumberObject

    writer = PdfWriter()
    readers = [PdfReader(io.BytesIO(pdf)) for pdf in pdfs]
    for reader in readers:
        writer.append(reader)
    if readers[0].metadata:
        writer.add_metadata(readers[0].metadata)
    for page in writer.pages[:FRONT_PAGES]:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            target = _destination_name(annotation)
            if target is None or str(target) not in places:
                continue
            index, x, y = places[str(target)]
            page_reference = writer.pages[index].indirect_reference
            annotation[NameObject("/Dest")] = ArrayObject(
                [page_reference, NameObject("/XYZ"), FloatObject(x), FloatObject(y), NumberObject(0)]
            )
            annotation.pop("/A", None)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _destination_name(annotation) -> str | None:
    destination = annotation.get("/Dest")
    if isinstance(destination, str):
        return destination
    action = annotation.get("/A")
    if action is not None and isinstance(action.get_object().get("/D"), str):
        return action.get_object()["/D"]
    return None


def install() -> None:
    """Let ``numbered`` set the page numbers: WeasyPrint lays out each page's margin boxes once the whole
    document is paginated; the page counters they read are shifted by the pages before the part, and the
    total is the report's. Idempotent; without ``numbered`` WeasyPrint is unchanged."""
    from weasyprint import layout

    original = layout.make_margin_boxes
    if getattr(original, "report_parts", False):
        return

    def make_margin_boxes(context, page, state):
        numbering = _numbering.get()
        if numbering is not None:
            counter_values = state[1]  # (quote depth, counter values, ...): WeasyPrint's page state
            before, total = numbering(counter_values["pages"][0])
            counter_values = {**counter_values, "page": [counter_values["page"][0] + before], "pages": [total]}
            state = (state[0], counter_values, *state[2:])
        return original(context, page, state)

    make_margin_boxes.report_parts = True
    layout.make_margin_boxes = make_margin_boxes
