"""Shared fixtures: a marketing lead, an executive and a stranger from another organization,
and a real Celery worker on the test database and Redis."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from planner.models import Membership
from tests.factories import PASSWORD, MembershipFactory, OrganizationFactory, PlanFactory

ROOT = Path(__file__).resolve().parent


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


class Worker:
    """A real `celery worker` process on the test database and the configured Redis."""

    def __init__(self, queue: str, log: Path, media_root: Path):
        self.queue, self.log, self.media_root, self.process = queue, log, media_root, None

    def start(self, timeout: float = 30) -> None:
        env = {
            **os.environ,
            "DATABASE_URL": database_url_for_tests(),
            "CELERY_QUEUE": self.queue,
            "MEDIA_ROOT": str(self.media_root),
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("TEST_DATABASE_NAME", None)
        self.log.parent.mkdir(parents=True, exist_ok=True)
        handle = self.log.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
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
            ],
            cwd=ROOT,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if b" ready." in self.log.read_bytes():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError(f"the Celery worker did not start; its log:\n{self.log.read_text()[-3000:]}")

    def pool_pids(self) -> list[int]:
        """The prefork pool's child processes: the ones that run the tasks."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def kill_pool_child(self) -> int:
        """SIGKILL the process running the task, as the kernel's OOM killer would; returns its pid."""
        pid = self.pool_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def celery_queue(settings):
    """A queue of our own, so parallel runs never take each other's messages."""
    queue = f"test-{uuid.uuid4().hex[:10]}"
    settings.CELERY_TASK_DEFAULT_QUEUE = queue
    return queue


@pytest.fixture
def celery_worker(transactional_db, celery_queue, tmp_path, settings):
    """A worker process that shares the test's database, queue and media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    worker = Worker(celery_queue, tmp_path / "worker.log", settings.MEDIA_ROOT)
    worker.start()
    yield worker
    worker.stop()
