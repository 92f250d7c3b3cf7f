"""The data export of an organization: one ZIP archive of every plan file and every report PDF."""

from __future__ import annotations

import tempfile
import zipfile

from django.core.files.storage import default_storage
from django.utils.text import slugify

from planner.models import Organization
from planner.plan_file import document_dumps, plan_to_document
from reports.models import Report


def organization_archive(organization: Organization) -> tempfile.SpooledTemporaryFile:
    """The archive, rewound: ``plans/<id>-<title>.json`` (plan files that import again) and
    ``reports/<plan id>-<title>/<number>-<file>.pdf``. Large archives spill to a temporary file."""
    archive = tempfile.SpooledTemporaryFile(max_size=20 * 1024 * 1024)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for plan in organization.plans.order_by("pk"):
            name = f"{plan.pk}-{slugify(plan.title)[:60] or 'plan'}"
            zipped.writestr(f"plans/{name}.json", document_dumps(plan_to_document(plan)))
        reports = Report.objects.filter(plan__organization=organization).exclude(file="").select_related("plan")
        for report in reports.order_by("plan_id", "number"):
            folder = f"{report.plan_id}-{slugify(report.plan.title)[:60] or 'plan'}"
            with default_storage.open(report.file.name, "rb") as source:
                zipped.writestr(
                    f"reports/{folder}/{report.number}-{report.file.name.rsplit('/', 1)[-1]}", source.read()
                )
    archive.seek(0)
    return archive
