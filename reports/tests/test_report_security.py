"""WeasyPrint fetches nothing but our static files, and plan text is only ever text."""

import http.server
import threading

import pytest
from weasyprint.urls import URLFetchingError
from weasyprint.urls import fetch as weasy_fetch

from bench.plans import example_document
from planner.plan_file import plan_to_document
from reports.pdf import RefusedURLError, html_to_pdf, make_url_fetcher
from reports.services import render_pdf

from .conftest import import_document, pdf_text

pytestmark = pytest.mark.django_db

IMG = '<img src="file:///etc/passwd">'
LINK = '<link rel="stylesheet" href="http://127.0.0.1:1/">'
SCRIPT = "<script>alert('x')</script>"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:1/",
        "https://localhost/secret",
        "http://169.254.169.254/latest/meta-data/",
        "ftp://example.org/x",
        "data:text/plain,hello",
        "static://../config/settings.py",
        "static:///etc/passwd",
        "static://fonts/../../manage.py",
    ],
)
def test_the_fetcher_refuses_everything_but_our_static_files(url):
    fetcher = make_url_fetcher()
    with pytest.raises(RefusedURLError):
        fetcher.fetch(url)
    with pytest.raises(URLFetchingError), weasy_fetch(fetcher, url):
        pass
    assert fetcher.refused == [url, url]


def test_the_fetcher_serves_the_shipped_fonts():
    response = make_url_fetcher().fetch("static://fonts/NotoSans-Regular.ttf")
    assert response.content_type == "font/ttf"
    assert len(response.read()) > 100_000


class CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):
        CountingHandler.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = http.server.HTTPServer(("127.0.0.1", 0), CountingHandler)
    CountingHandler.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_markup_in_html_reaches_nothing_even_on_localhost(local_server):
    fetcher = make_url_fetcher()
    html = f'<p>x</p><img src="{local_server}/img"><link rel="stylesheet" href="{local_server}/css">{IMG}'
    html_to_pdf(html, url_fetcher=fetcher)
    assert CountingHandler.hits == []
    assert f"{local_server}/img" in fetcher.refused and "file:///etc/passwd" in fetcher.refused


def test_hostile_plan_text_is_printed_as_text_and_nothing_is_fetched(
    content, organization, tmp_path, monkeypatch, settings
):
    document = example_document()
    plan = document["plan"]
    plan["title"] = f"Strategie {IMG}"
    plan["summary"] = f"{LINK} {SCRIPT}"
    plan["goals"][0]["title"] = IMG
    plan["goals"][0]["kpis"][0]["name"] = LINK
    plan["target_groups"][0]["name"] = SCRIPT
    plan["situation"]["strengths"] = [IMG]
    plan["roles"][0]["person"] = SCRIPT
    plan["guidelines"][0]["text"] = LINK
    plan["milestones"][0]["title"] = IMG  # drawn in the Gantt chart's SVG
    plan["off_limits"] = [SCRIPT]
    imported = import_document(document, organization)

    fetchers = []

    def recording_fetcher(**kwargs):
        fetchers.append(make_url_fetcher(**kwargs))
        return fetchers[-1]

    monkeypatch.setattr("reports.pdf.make_url_fetcher", recording_fetcher)
    settings.REPORT_RENDER_IN_PARTS = False  # in one process, so that every fetch is recorded here
    rendered = render_pdf(snapshot=plan_to_document(imported), variant="full")
    text = " ".join(pdf_text(rendered.content, tmp_path).split())
    assert IMG in text and LINK in text and SCRIPT in text
    assert f"Strategie {IMG}" in text
    assert fetchers[0].refused == []  # the markup never became an element that fetches
