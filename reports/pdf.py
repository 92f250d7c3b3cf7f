"""The one place PDFs are made: HTML in, PDF bytes out, fetching nothing but our static files."""

from __future__ import annotations

import gc
import logging
import mimetypes
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.contrib.staticfiles import finders

from . import parts

# Templates refer to static files as static://path (see the pdf_static template tag), and to an
# organization's logo as logo://<organization name> (teams' organization_logo_url tag); nothing else
# is ever fetched.
STATIC_SCHEME = "static://"
LOGO_SCHEME = "logo://"
LOGO_URL = re.compile(r'logo://[^"\'\s)]+')
LOGO_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
# WeasyPrint logs every layout step at INFO; a worker's log is for our messages.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
logger = logging.getLogger(__name__)


class RefusedURLError(ValueError):
    pass


def static_path(url: str) -> Path:
    """The file on disk for a static:// URL, or RefusedURLError."""
    if not url.startswith(STATIC_SCHEME):
        raise RefusedURLError(f"refused to fetch {url[:200]!r}: only the app's own static files are allowed")
    relative = url[len(STATIC_SCHEME) :].split("?", 1)[0].split("#", 1)[0].lstrip("/")
    if not relative or ".." in Path(relative).parts:
        raise RefusedURLError(f"refused to fetch {url[:200]!r}")
    found = finders.find(relative)
    if not found and settings.STATIC_ROOT:
        candidate = Path(settings.STATIC_ROOT) / relative
        found = str(candidate) if candidate.is_file() else None
    if not found:
        raise RefusedURLError(f"no static file {relative!r}")
    return Path(found)


def logo_bytes(url: str) -> tuple[bytes, str]:
    """The logo file of the organization a logo:// URL names, from the storage, with its type; or
    RefusedURLError. Only a file that is an organization's current logo is ever read."""
    from django.core.files.storage import default_storage

    from planner.models import Organization

    name = unquote(url[len(LOGO_SCHEME) :])
    logo = Organization.objects.filter(name=name).exclude(logo="").values_list("logo", flat=True).first()
    if not logo or ".." in Path(logo).parts or not logo.startswith("logos/"):
        raise RefusedURLError(f"no logo for {url[:200]!r}")
    mime_type = LOGO_TYPES.get(Path(logo).suffix.lower())
    if mime_type is None:
        raise RefusedURLError(f"refused logo type {logo!r}")
    with default_storage.open(logo, "rb") as file:
        content = file.read(settings.ORGANIZATION_LOGO_MAX_BYTES + 1)
    if len(content) > settings.ORGANIZATION_LOGO_MAX_BYTES:
        raise RefusedURLError(f"logo {logo!r} is too large")
    return content, mime_type


def make_url_fetcher(*, logos: bool | dict[str, tuple[bytes, str]] = True):
    """The only fetcher a render uses. ``logos`` may be the logos fetched beforehand, by URL: then nothing
    else is read from the storage or the database (reports/parts.py's second process must not)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serves static:// from our static files and logo:// from the organizations' logos; refuses
        file://, http(s):// and the rest."""

        def __init__(self):
            super().__init__(allowed_protocols=("static", "logo"), allow_redirects=False, timeout=1)
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            if url.startswith(LOGO_SCHEME):
                try:
                    if isinstance(logos, dict):
                        if url not in logos:
                            raise RefusedURLError(f"no logo fetched for {url[:200]!r}")
                        content, mime_type = logos[url]
                    else:
                        content, mime_type = logo_bytes(url)
                except RefusedURLError:
                    self.refused.append(url)
                    raise
                return URLFetcherResponse(url, content, {"Content-Type": mime_type})
            try:
                path = static_path(url)
            except RefusedURLError:
                self.refused.append(url)
                raise
            mime_type, _ = mimetypes.guess_type(path.name)
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime_type or "application/octet-stream"})

    return StaticOnlyFetcher()


@dataclass(frozen=True)
class RenderedPDF:
    content: bytes
    page_count: int


@cache
def font_configuration():
    """One font configuration per process, kept across renders: the shipped fonts are registered once and
    Pango's caches stay warm."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """A render allocates a few million objects that live until the PDF is written; Python's cycle
    collector would walk them over and over (a quarter of the render time). Reference counting frees
    what it can meanwhile; the cycles left are collected once, when the outermost pause ends (the task
    pauses around render and storing, so the reader need not wait for it)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)  # the render's objects are all young: the older heap need not be walked


def html_to_pdf(html: str, *, url_fetcher=None, in_parts: bool | None = None) -> RenderedPDF:
    """The PDF of ``html``. A full report is laid out in parts on two CPUs (reports/parts.py) where the
    machine has them and REPORT_RENDER_IN_PARTS is on (``in_parts`` decides for a test or a benchmark)."""
    if in_parts is None:
        in_parts = settings.REPORT_RENDER_IN_PARTS and len(os.sched_getaffinity(0)) > 1
    with cyclic_gc_paused():
        if in_parts and url_fetcher is None and parts.split(html) is not None:
            # Fetched here, before the fork: the second process prints the cover but never uses the database.
            logos = dict(_fetched_logos(html))
            try:
                content, page_count = parts.render_in_parts(html, render=partial(_layout, logos=logos), write=_write)
                return RenderedPDF(content=content, page_count=page_count)
            except parts.PartsError:
                logger.warning("The report could not be laid out in parts; laying it out whole", exc_info=True)
        document = _layout(html, url_fetcher=url_fetcher or make_url_fetcher())
        return RenderedPDF(content=_write(document), page_count=len(document.pages))


def _fetched_logos(html: str) -> Iterator[tuple[str, tuple[bytes, str]]]:
    for url in set(LOGO_URL.findall(html)):
        try:
            yield url, logo_bytes(url)
        except RefusedURLError:
            continue  # refused again when the render asks for it


def _layout(html: str, *, url_fetcher=None, logos: bool | dict = True):
    from weasyprint import HTML  # imported lazily: only the worker and commands need it

    parts.install()
    fetcher = url_fetcher or make_url_fetcher(logos=logos)
    return HTML(string=html, base_url=STATIC_SCHEME, url_fetcher=fetcher).render(font_config=font_configuration())


def _write(document) -> bytes:
    return document.write_pdf()
