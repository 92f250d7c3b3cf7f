"""Single sign-on is configured from the environment: with the OIDC or SAML variables of
docs/deploy.md set, the login page offers the company's identity provider, and its URLs answer."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import django
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)  # the single sign-on apps' tables, as the release step makes them
client = Client(HTTP_HOST="planner.example.com")
login = client.get("/accounts/login/").content.decode()
print("OIDC" if "Firmen-Login" in login and "/accounts/oidc/company/login/" in login else "no OIDC")
print("SAML" if "Firmen-Login (SAML)" in login and "/accounts/saml/company/login/" in login else "no SAML")
metadata = client.get("/accounts/saml/company/metadata/")
print("metadata", metadata.status_code, "EntityDescriptor" in metadata.content.decode())
"""


def run_with(env: dict[str, str], database: Path) -> str:
    """The script in a process of its own, with the environment of a deployment and a database of its own
    (the single sign-on apps' tables must not outlive the test in the shared test database)."""
    full = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "ALLOWED_HOSTS": "planner.example.com", **env}
    full.pop("TEST_DATABASE_NAME", None)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=full, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_the_login_page_offers_the_configured_identity_providers(tmp_path):
    out = run_with(
        {
            "OIDC_PROVIDER_ID": "company",
            "OIDC_NAME": "Firmen-Login",
            "OIDC_CLIENT_ID": "strategieplaner",
            "OIDC_CLIENT_SECRET": "geheim",
            "OIDC_SERVER_URL": "https://login.example.com/realms/company",
            "SAML_SLUG": "company",
            "SAML_NAME": "Firmen-Login (SAML)",
            "SAML_IDP_ENTITY_ID": "https://login.example.com/realms/company",
            "SAML_IDP_SSO_URL": "https://login.example.com/realms/company/protocol/saml",
            "SAML_IDP_X509CERT": "MIIB",
        },
        tmp_path / "sso.sqlite3",
    )
    assert out.splitlines() == ["OIDC", "SAML", "metadata 200 True"], out


def test_without_the_variables_there_is_no_single_sign_on(tmp_path):
    out = run_with({}, tmp_path / "plain.sqlite3")
    assert out.splitlines()[:2] == ["no OIDC", "no SAML"], out
