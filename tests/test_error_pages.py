"""The error pages (400, 403, 404, 500) in the app's layout and the user's language, with DEBUG off
as in production. The 500 page renders without the database and tells the user that what they
typed is still in the form, with a way back to it."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
LAYOUT = 'class="navbar-brand'  # the app's navigation bar


def assert_our_page(response, status: int, *texts: str) -> str:
    page = response.content.decode()
    assert response.status_code == status
    assert LAYOUT in page and 'id="error-title"' in page, page[:500]
    assert "Content-Security-Policy" in response.headers
    for text in texts:
        assert text in page, text
    return page


def test_a_stranger_gets_the_404_page_in_german(stranger_client, plan):
    page = assert_our_page(stranger_client.get(reverse("planner:plan", args=[plan.pk])), 404, "Seite nicht gefunden")
    assert plan.title not in page
    assert 'lang="de"' in page


def test_the_404_page_speaks_english_to_an_english_browser(stranger_client, plan):
    response = stranger_client.get(reverse("planner:plan", args=[plan.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert_our_page(response, 404, "Page not found", 'lang="en"')


def test_an_executive_opening_a_wizard_step_gets_the_403_page_that_explains_the_roles(client, executive, plan):
    client.force_login(executive)
    response = client.get(reverse("planner:step", args=[plan.pk, "goals"]))
    page = assert_our_page(response, 403, "Nicht erlaubt", "Führungskräfte", "Abmelden")
    assert "403 Forbidden" not in page


def test_a_form_with_an_outdated_csrf_token_gets_the_403_page_that_keeps_the_input(lead, plan):
    client = Client(enforce_csrf_checks=True)
    client.force_login(lead)
    response = client.post(reverse("planner:step", args=[plan.pk, "basics"]), {"title": "Getippt"})
    assert_our_page(response, 403, "Das Formular ist abgelaufen", "noch im Formular")
    plan.refresh_from_db()
    assert plan.title != "Getippt"


def test_a_request_for_another_host_gets_the_400_page(db):
    response = Client().get(reverse("login"), HTTP_HOST="evil.example")
    assert_our_page(response, 400, "Ungültige Anfrage")


def refuse(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


def test_the_500_page_shows_without_the_database_and_keeps_the_input(lead, plan):
    client = Client(raise_request_exception=False)
    client.force_login(lead)
    step = reverse("planner:step", args=[plan.pk, "goals"])
    with connection.execute_wrapper(refuse):  # from here on, every query fails as in an outage
        response = client.post(step, {"goals-0-title": "Getippt"}, HTTP_REFERER=f"http://testserver{step}")
    page = assert_our_page(response, 500, "Bei uns ist etwas schiefgegangen", "noch im Formular in Ihrem Browser")
    assert f'href="http://testserver{step}" data-history-back' in page  # back to the form
    assert "/static/js/error-page" in page  # the back link's script, a static file (CSP)
    assert "Server Error (500)" not in page
    assert "Abmelden" not in page  # rendered without a request: no user, no session, no query


def test_the_500_page_never_links_back_to_another_site(lead, plan):
    client = Client(raise_request_exception=False)
    client.force_login(lead)
    with connection.execute_wrapper(refuse):
        response = client.get(reverse("planner:dashboard"), HTTP_REFERER="https://evil.example/phish")
    page = assert_our_page(response, 500)
    assert "evil.example" not in page


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_database_outage_shows_the_styled_500_page_in_gunicorn(tmp_path):
    """A real outage: gunicorn with production settings and a database that does not answer."""
    port, dead = free_port(), free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://planner:planner@127.0.0.1:{dead}/planner",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    log = (tmp_path / "gunicorn.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                server_connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                # A session cookie, so the page must look the session up: a query.
                server_connection.request(
                    "GET", "/", headers={"Cookie": f"sessionid={'a' * 32}", "Accept-Language": "de"}
                )
                response = server_connection.getresponse()
                break
            except ConnectionError:
                assert time.monotonic() < deadline, (tmp_path / "gunicorn.log").read_text()
                time.sleep(0.2)
        page = response.read().decode()
        assert response.status == 500, page[:500]
        assert "Bei uns ist etwas schiefgegangen" in page and LAYOUT in page
        assert "Server Error (500)" not in page
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
