"""Shared fixtures: a marketing lead, an executive and a stranger from another organization,
and a real Celery worker on the test database and Redis."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.core.cache import cache
from django.db import connection

from checklists import content
from checklists.models import Channel
from checklists.services import content_load
from planner.models import Membership
from planner.plan_file import parse_document, plan_import
from tests.factories import EXAMPLE, PASSWORD, MembershipFactory, OrganizationFactory, PlanFactory

ROOT = Path(__file__).resolve().parent
CHANNEL_SLUGS = [seed.slug for seed in content.CHANNELS]


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts, and leaves, with an empty cache: allauth counts sign-in and sign-up attempts
    there, so a test that signs in often (a fuzz run of the login) would otherwise throttle later ones."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def organization():
    return OrganizationFactory(name="Kontaktlinsen Versand Leipzig GmbH", slug="klv")


@pytest.fixture
def lead(organization):
    return MembershipFactory(organization=organization, role=Membership.Role.LEAD, user__username="lena").user


@pytest.fixture
def executive(organization):
    return MembershipFactory(organization=organization, role=Membership.Role.EXECUTIVE, user__username="erik").user


@pytest.fixture
def stranger():
    return MembershipFactory(role=Membership.Role.LEAD, user__username="sam").user


@pytest.fixture
def plan(organization, lead):
    return PlanFactory(organization=organization, created_by=lead)


@pytest.fixture
def lead_client(client, lead):
    assert client.login(username=lead.username, password=PASSWORD)
    return client


@pytest.fixture
def stranger_client(client, stranger):
    assert client.login(username=stranger.username, password=PASSWORD)
    return client


def database_url_for_tests() -> str:
    """The URL of the test database pytest-django created, for processes we start."""
    s = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.fail("The end-to-end tests need PostgreSQL: run them with bin/test.")
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CeleryProcess:
    """A real `celery` process (worker or beat) on the test database, with the environment's
    settings and `env` on top (REPORT_* time limits, REDIS_URL, ...)."""

    command: list[str] = []
    ready: bytes = b""

    def __init__(self, queue: str, log: Path, media_root: Path, env: dict[str, str] | None = None):
        self.queue, self.log, self.media_root, self.env, self.process = queue, log, media_root, env or {}, None

    def start(self, timeout: float = 30) -> None:
        env = {
            **os.environ,
            "DATABASE_URL": database_url_for_tests(),
            "CELERY_QUEUE": self.queue,
            "MEDIA_ROOT": str(self.media_root),
            "PYTHONUNBUFFERED": "1",
            **self.env,
        }
        env.pop("TEST_DATABASE_NAME", None)
        self.log.parent.mkdir(parents=True, exist_ok=True)
        offset = self.log.stat().st_size if self.log.exists() else 0
        handle = self.log.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", *self.command],
            cwd=ROOT,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kill() takes the pool with it
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.ready in self.log.read_bytes()[offset:]:
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError(f"{self.command[0]} did not start; its log:\n{self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL the process and all its children at once, as when the machine is lost."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


class Worker(CeleryProcess):
    """A real `celery worker` process on the test database and the configured Redis."""

    ready = b" ready."

    @property
    def command(self) -> list[str]:
        return [
            "worker",
            "-l",
            "info",
            "--concurrency",
            "1",
            "-Q",
            self.queue,
            "-n",
            f"{self.queue}@%h",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
        ]

    def pool_pids(self) -> list[int]:
        """The prefork pool's child processes: the ones that run the tasks."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def kill_pool_child(self) -> int:
        """SIGKILL the process running the task, as the kernel's OOM killer would; returns its pid."""
        pid = self.pool_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid


class Beat(CeleryProcess):
    """A real `celery beat` process: it sends the sweep (config/settings.py) to the test's queue."""

    ready = b"beat: Starting"

    @property
    def command(self) -> list[str]:
        return ["beat", "-l", "info", "-s", str(self.log.with_suffix(".schedule"))]


class RedisServer:
    """A private redis-server on a free port, without persistence: a restart loses every message."""

    def __init__(self, directory: Path):
        self.directory, self.port, self.process = directory, free_port(), None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server is not installed: run the tests with bin/test.")
        self.directory.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            + ["--dir", str(self.directory), "--logfile", str(self.directory / "redis.log")],
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                redis.Redis.from_url(self.url, socket_connect_timeout=0.5).ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def celery_queue(settings):
    """A queue of our own, so parallel runs never take each other's messages."""
    queue = f"test-{uuid.uuid4().hex[:10]}"
    settings.CELERY_TASK_DEFAULT_QUEUE = queue
    return queue


@pytest.fixture
def start_celery(transactional_db, celery_queue, tmp_path, settings):
    """Starts worker and beat processes that share the test's database, queue and media folder,
    each with `env` on top of the environment; all are stopped after the test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    started: list[CeleryProcess] = []

    def start(kind: type[CeleryProcess] = Worker, env: dict[str, str] | None = None) -> CeleryProcess:
        process = kind(celery_queue, tmp_path / f"{kind.__name__.lower()}-{len(started)}.log", settings.MEDIA_ROOT, env)
        started.append(process)
        process.start()
        return process

    yield start
    for process in reversed(started):
        process.stop()


@pytest.fixture
def celery_worker(start_celery):
    """A worker process that shares the test's database, queue and media folder."""
    return start_celery(Worker)


@pytest.fixture
def private_redis(tmp_path):
    """A redis-server of the test's own, which the test may stop and start again; this process
    sends its messages there too."""
    from config.celery import app

    server = RedisServer(tmp_path / "redis")
    server.start()
    previous = app.conf.broker_url
    use_broker(app, server.url)
    yield server
    use_broker(app, previous)
    server.stop()


def use_broker(app, url: str) -> None:
    app.conf.broker_url = url
    # Celery keeps the pools it publishes through; without them the next message connects to `url`.
    app.amqp._producer_pool = None
    app._pool = None


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


@pytest.fixture
def browser(monkeypatch):
    """Debian's Chromium through Playwright (never a downloaded browser).

    While Playwright's event loop runs in this thread, Django keeps a second database connection for
    it (asgiref keys thread-critical locals by context when a loop runs), and that connection outlives
    the test. The live server's teardown ends every other session, so a connection left open here
    would be a dead one in the next browser test: start and end with it closed."""
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop runs in this thread
    with sync_playwright() as p:
        connection.close()
        chromium = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield chromium
        finally:
            chromium.close()
            connection.close()
