"""Fixtures of the planner's tests: the channel catalogue and a complete plan."""

import pytest
from django.db import connection

from checklists import content
from checklists.models import Channel
from checklists.services import content_load
from planner.plan_file import parse_document, plan_import
from planner.templates_catalog import TEMPLATE_DIR

CHANNEL_SLUGS = [seed.slug for seed in content.CHANNELS]
EXAMPLE = TEMPLATE_DIR / "kontaktlinsen-versand.json"


@pytest.fixture
def channels(db):
    """The curated content as `load_content` seeds it: the channel catalogue, the checklists,
    guideline templates and KPI benchmarks."""
    content_load()
    assert set(Channel.objects.values_list("slug", flat=True)) == set(CHANNEL_SLUGS)
    return {c.slug: c for c in Channel.objects.all()}


@pytest.fixture
def example_plan(channels, organization, lead):
    """The example plan (a contact lens mail-order shop), imported into the lead's organization."""
    return plan_import(document=parse_document(EXAMPLE.read_bytes()), organization=organization, user=lead)


@pytest.fixture
def served_app(transactional_db):
    """Like pytest-django's live_server, but static files come through WhiteNoise from the collected
    manifest, as in production (live_server's static handler looks for unhashed files and 404s)."""
    from django.test.testcases import LiveServerThread

    thread = LiveServerThread("localhost", static_handler=lambda app: app)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    thread.url = f"http://localhost:{thread.port}"
    yield thread
    thread.terminate()
    thread.join()
    # A request thread may still hold a database session; end it so the test database can be dropped.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
