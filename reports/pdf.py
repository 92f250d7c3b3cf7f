"""The one place PDFs are made: HTML in, PDF bytes out, fetching nothing but our static files."""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

# Templates refer to static files as static://path (see the pdf_static template tag);
# nothing else is ever fetched.
STATIC_SCHEME = "static://"
# WeasyPrint logs every layout step at INFO; a worker's log is for our messages.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


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


def make_url_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serves static:// from our static files; refuses file://, http(s):// and the rest."""

        def __init__(self):
            super().__init__(allowed_protocols=("static",), allow_redirects=False, timeout=1)
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
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


def html_to_pdf(html: str, *, url_fetcher=None) -> RenderedPDF:
    from weasyprint import HTML  # imported lazily: only the worker and commands need it

    document = HTML(string=html, base_url=STATIC_SCHEME, url_fetcher=url_fetcher or make_url_fetcher()).render()
    return RenderedPDF(content=document.write_pdf(), page_count=len(document.pages))
