"""Gunicorn settings for the web container.

Used as `gunicorn --config platform/gunicorn.conf.py config.wsgi:application` (the web image's
default command). Read from the environment:

    PORT                 port to listen on, all interfaces (default 8000)
    WEB_CONCURRENCY      worker processes (default 2 x CPUs + 1, at most 8)
    FORWARDED_ALLOW_IPS  proxies trusted for X-Forwarded-* headers (default "*": the container
                         is only reachable through the reverse proxy; see docs/deployment.md)
    LOG_LEVEL            gunicorn's log level, shared with Django's (default INFO)
"""

from __future__ import annotations

import os

MAX_DEFAULT_WORKERS = 8


def _int_from_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SystemExit(f"{name}={raw!r} is not a whole number") from None
    if value < 1:
        raise SystemExit(f"{name}={raw!r} must be at least 1")
    return value


def _cpus() -> int:
    # The CPUs this process may run on (a cpuset limits them), not every CPU of the host.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# Inside a container, listening on every interface is how the published port reaches us.
bind = f"0.0.0.0:{_int_from_env('PORT', 8000)}"
workers = _int_from_env("WEB_CONCURRENCY", min(2 * _cpus() + 1, MAX_DEFAULT_WORKERS))
worker_class = "sync"

# A request that takes longer than this is killed (the sandbox runs happen in the worker
# service, never in a web request). Keep-alive sits behind the proxy's own idle timeout.
timeout = 30
graceful_timeout = 30
keepalive = 5

# Recycle workers now and then so a slow leak can't grow without bound.
max_requests = 1000
max_requests_jitter = 100

# The heartbeat files live on tmpfs: the image's root filesystem may be read-only.
worker_tmp_dir = "/dev/shm"  # noqa: S108 (a tmpfs in every container)
# No runtime control socket: nothing uses it and $HOME is not writable in the image.
control_socket_disable = True

# Behind a TLS-terminating reverse proxy: trust its X-Forwarded-Proto/-For headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")

# Logs go to the container's stdout/stderr.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").strip().lower() or "info"
access_log_format = (
    '%(h)s %({x-forwarded-for}i)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
)
