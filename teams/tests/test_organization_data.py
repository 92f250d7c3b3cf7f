"""The organization's settings, its logo on the report cover, the data export and the deletion."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from planner.models import Organization, Plan
from planner.plan_file import parse_document, plan_to_document
from reports.models import Report
from reports.pdf import RefusedURLError, logo_bytes, make_url_fetcher
from reports.services import render_pdf
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def png(color=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 40), color).save(out, "PNG")
    return out.getvalue()


def upload_logo(admin_client, organization, content: bytes, name="logo.png"):
    return admin_client.post(
        reverse("teams:settings", args=[organization.pk]),
        {"name": organization.name, "default_language": "de", "logo": SimpleUploadedFile(name, content, "image/png")},
    )


@pytest.fixture
def fetchers(monkeypatch):
    """The URL fetchers the renders used, to see what they were asked for."""
    made = []

    def recording_fetcher(**kwargs):
        made.append(make_url_fetcher(**kwargs))
        return made[-1]

    monkeypatch.setattr("reports.pdf.make_url_fetcher", recording_fetcher)
    return made


# The full report is laid out in parts (reports/parts.py): its cover in a second process, with the logo
# fetched before the fork.
@pytest.mark.parametrize("variant", ["short", "full"])
def test_the_logo_is_stored_and_printed_on_the_report_cover(
    admin_client, organization, example_plan, fetchers, variant
):
    assert upload_logo(admin_client, organization, png()).status_code == 302
    organization.refresh_from_db()
    assert organization.logo.name.startswith("logos/")
    rendered = render_pdf(snapshot=plan_to_document(example_plan), variant=variant)
    assert fetchers[0].refused == []
    cover = PdfReader(io.BytesIO(rendered.content)).pages[0]
    assert len(cover.images) == 1


def test_without_a_logo_the_cover_fetches_nothing(organization, example_plan, fetchers):
    rendered = render_pdf(snapshot=plan_to_document(example_plan), variant="short")
    assert fetchers[0].refused == []
    assert len(PdfReader(io.BytesIO(rendered.content)).pages[0].images) == 0


def test_the_logo_fetcher_serves_only_an_organizations_current_logo(organization):
    organization.logo.save("logo.png", ContentFile(png()), save=True)
    assert logo_bytes(f"logo://{organization.name}")[1] == "image/png"
    default_storage.save("reports/1/1/bericht.pdf", ContentFile(b"%PDF-1.4 secret"))
    OrganizationFactory(name="Ohne Logo")
    for url in (
        "logo://Ohne Logo",  # no logo
        "logo://Niemand GmbH",  # no such organization
        "logo://reports/1/1/bericht.pdf",  # a file in the storage that is no logo
        "logo://../../etc/passwd",
        "logo://",
    ):
        with pytest.raises(RefusedURLError):
            logo_bytes(url)
    fetcher = make_url_fetcher()
    with pytest.raises(RefusedURLError):
        fetcher.fetch("logo://Ohne Logo")
    assert fetcher.refused == ["logo://Ohne Logo"]


def test_a_logo_that_is_not_an_image_or_too_large_is_refused(admin_client, organization, settings):
    response = upload_logo(admin_client, organization, b"<svg onload=alert(1)>", name="logo.png")
    assert response.status_code == 200 and "is-invalid" in response.content.decode()
    settings.ORGANIZATION_LOGO_MAX_BYTES = 100
    assert upload_logo(admin_client, organization, png()).status_code == 200
    assert not Organization.objects.get(pk=organization.pk).logo


def test_the_export_holds_every_plan_file_and_every_report_pdf(admin_client, organization, example_plan):
    report = Report.objects.create(plan=example_plan, number=1, status=Report.Status.DONE)
    report.file.save("bericht.pdf", ContentFile(b"%PDF-1.4 bericht"))
    response = admin_client.get(reverse("teams:export", args=[organization.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    plan_files = [n for n in names if n.startswith("plans/")]
    assert len(plan_files) == 1
    assert parse_document(archive.read(plan_files[0]))  # a plan file that imports again
    assert [archive.read(n) for n in names if n.startswith("reports/")] == [b"%PDF-1.4 bericht"]


def test_only_admins_export_and_delete(client, organization, lead, executive, stranger):
    for user, status in ((lead, 403), (executive, 403), (stranger, 404)):
        client.force_login(user)
        assert client.get(reverse("teams:export", args=[organization.pk])).status_code == status
        assert (
            client.post(reverse("teams:delete", args=[organization.pk]), {"name": organization.name}).status_code
            == status
        )
    assert Organization.objects.filter(pk=organization.pk).exists()


def test_deletion_needs_the_name_and_removes_the_report_files_too(
    admin_client, organization, example_plan, django_capture_on_commit_callbacks
):
    report = Report.objects.create(plan=example_plan, number=1, status=Report.Status.DONE)
    report.file.save("bericht.pdf", ContentFile(b"%PDF-1.4"))
    organization.logo.save("logo.png", ContentFile(png()), save=True)
    files = [report.file.name, organization.logo.name]
    assert all(default_storage.exists(name) for name in files)

    response = admin_client.post(reverse("teams:delete", args=[organization.pk]), {"name": "falsch"})
    assert response.status_code == 400 and Organization.objects.filter(pk=organization.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("teams:delete", args=[organization.pk]), {"name": organization.name})
    assert response.status_code == 302
    assert not Organization.objects.filter(pk=organization.pk).exists()
    assert not Plan.objects.filter(pk=example_plan.pk).exists() and not Report.objects.exists()
    assert not any(default_storage.exists(name) for name in files)
