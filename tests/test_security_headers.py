"""Production headers: a Content-Security-Policy without inline scripts on every page, pages that
need none, HSTS when it is configured, and ``manage.py check --deploy`` clean with the production
environment that .env.example describes."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from planner.steps import STEPS

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def pages(world) -> list[tuple[str, str]]:
    plan = world.plan
    return [
        ("anonymous", reverse("login")),
        ("lead", reverse("planner:dashboard")),
        ("lead", reverse("planner:plan_create")),
        ("lead", reverse("planner:plan_import")),
        ("lead", reverse("planner:plan", args=[plan.pk])),
        *[("lead", reverse("planner:step", args=[plan.pk, step.slug])) for step in STEPS],
        ("lead", reverse("reports:status", args=[world.report.pk])),
        ("lead", "/plans/999999/"),  # the 404 page
        ("executive", reverse("planner:step", args=[plan.pk, "goals"])),  # the 403 page
        ("staff", reverse("admin:index")),
        ("staff", reverse("admin:checklists_channel_changelist")),
    ]


def test_every_page_has_a_policy_that_allows_no_inline_script_and_no_eval(world):
    for who, url in pages(world):
        client = Client()
        if world.users[who]:
            client.force_login(world.users[who])
        response = client.get(url)
        directives = policy(response)
        assert directives["script-src"] == ["'self'"], url
        assert directives["default-src"] == ["'self'"], url
        assert directives["object-src"] == ["'none'"], url
        assert directives["frame-ancestors"] == ["'none'"], url
        assert directives["base-uri"] == ["'none'"], url
        assert directives["style-src-elem"] == ["'self'"], url
        assert "'unsafe-inline'" not in " ".join(directives["script-src"] + directives["style-src-elem"])
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_our_pages_need_no_inline_script(world):
    """Every script comes from our static files; no on* handlers and no javascript: links, which
    the policy would block; htmx is configured not to eval and not to inject a <style>."""
    for who, url in pages(world):
        if url.startswith("/admin/"):
            continue  # Django's own templates
        client = Client()
        if world.users[who]:
            client.force_login(world.users[who])
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert re.search(rf'src="{re.escape(settings.STATIC_URL)}[^"]+"', tag), f"{url}: inline script {tag}"
        assert not re.findall(r"<script\b[^>]*>\s*[^<\s]", html), f"{url}: a script with a body"
        assert not re.findall(r"\son[a-z]+\s*=", html), f"{url}: an inline event handler"
        assert "javascript:" not in html, url
        assert "<style" not in html, url
        if "<html" in html:  # a whole page, not an htmx fragment
            assert '"allowEval": false' in html and '"includeIndicatorStyles": false' in html, url


def test_hsts_is_sent_over_https_when_configured(world, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = Client().get(reverse("login"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def example_environment() -> dict[str, str]:
    """The variables .env.example sets (the production settings a deployment starts from)."""
    env = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    return env


def test_check_deploy_is_clean_with_the_production_environment_of_env_example():
    example = example_environment()
    assert example["DEBUG"] == "false"
    assert int(example["SECURE_HSTS_SECONDS"]) >= 31_536_000
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith(("SECURE_", "SESSION_", "CSRF_"))},
        **example,
        "SECRET_KEY": secrets.token_urlsafe(64),  # the one value .env.example must leave to the operator
        "DATABASE_URL": os.environ.get("DATABASE_URL", example["DATABASE_URL"]),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_warns_without_hsts():
    """The check above is not clean by accident: without the HSTS lines it names them."""
    example = example_environment()
    env = {**os.environ, **example, "SECRET_KEY": secrets.token_urlsafe(64), "SECURE_HSTS_SECONDS": "0"}
    env["DATABASE_URL"] = os.environ.get("DATABASE_URL", example["DATABASE_URL"])
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert "security.W004" in result.stdout + result.stderr
