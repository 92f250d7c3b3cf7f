"""gunicorn's settings for a web process (docs/deploy.md, "Web processes"), from the environment:

    gunicorn config.wsgi -c config/gunicorn.py

The defaults are measured on a machine with 2 CPUs (docs/benchmarks.md, "Load"; docs/deploy.md, "Web processes"):
one sync worker process per CPU. The pages spend little time waiting for PostgreSQL and Redis, so threads (gthread,
4 per process) served fewer requests at saturation and answered slower under load than processes alone.
"""

import gc
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("WEB_BIND", "0.0.0.0:8000")
workers = _int("WEB_WORKERS", os.cpu_count() or 2)
worker_class = os.environ.get("WEB_WORKER_CLASS", "sync")
threads = _int("WEB_THREADS", 1)
timeout = _int("WEB_TIMEOUT", 30)
# No keep-alive (sync workers never keep a connection; with gthread): nginx (docs/deploy.md) opens a connection per
# request anyway, and a client that reuses a connection the worker is just closing gets a reset, not an answer.
keepalive = _int("WEB_KEEPALIVE", 0)
# A worker is replaced after this many requests (spread out), so memory a request left behind is given back.
max_requests = _int("WEB_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("WEB_ACCESS_LOG") or None
control_socket_disable = True


GC_FREEZE = os.environ.get("WEB_GC_FREEZE", "true").strip().lower() not in ("false", "0", "no", "off")


def post_worker_init(worker) -> None:
    """Once the application is loaded: everything loaded so far lives as long as the process, so the garbage
    collector stops scanning it (a full collection otherwise walks all of Django's objects, adding tens of
    milliseconds to the request it happens in)."""
    if GC_FREEZE:
        gc.collect()
        gc.freeze()
