"""The production WSGI servers behind ``craftwave serve``: waitress (default) or gunicorn gthread.

A slow client (a phone on a weak signal, or someone sending headers one byte a second) must not
be able to hold the app. waitress reads each whole request (headers and body, up to its buffer
limits) in one asynchronous I/O thread before a worker thread sees it, so a slow connection
costs a socket, not a worker. gunicorn's ``gthread`` worker hands each new connection to a
thread that then reads the request itself, so each slow connection holds one thread until
gunicorn's ``timeout``: it resists slow clients only while the threads far outnumber them.
``bench/slow_clients.py`` measures both; ``docs/deployment.md`` gives the figures and puts a
buffering proxy (nginx) in front, which is the real defence on the open internet.
"""

from __future__ import annotations

import sys

from gunicorn.app.base import BaseApplication

SERVERS = ("waitress", "gunicorn")
WAITRESS_THREADS = 8
"""Worker threads of waitress: requests the app runs at once (the I/O thread is separate)."""
WAITRESS_CONNECTION_LIMIT = 1000
"""Open connections waitress accepts at once (slow ones included) before it stops accepting."""
GUNICORN_THREADS = 64
"""Threads per gunicorn gthread worker: each slow connection holds one of them."""


def build_app():
    """``create_app()`` with the import-time objects moved out of the collector's way."""
    import gc

    from craftwave.survey_app import create_app

    app = create_app()
    # Move the objects of the imports and the app into the permanent generation: the
    # collector then stops re-scanning them (numpy, pandas, SQLAlchemy, Jinja) on every
    # full collection, which costs a request-serving process measurable CPU.
    gc.collect()
    gc.freeze()
    return app


class _Server(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        # Each worker builds its own app (and database connections) after the fork.
        return build_app()


def run_gunicorn(host: str = "127.0.0.1", port: int = 8000, workers: int = 2,
                 threads: int = GUNICORN_THREADS) -> None:
    """Serve ``create_app()`` with gunicorn: ``workers`` processes, gthread unless ``threads`` is 1."""
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        "worker_connections": max(1000, threads * 4),
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "timeout": 30,
        "graceful_timeout": 10,
        "keepalive": 5,
        "preload_app": False,
    }
    _Server(options).run()


def run_waitress(host: str = "127.0.0.1", port: int = 8000, threads: int = WAITRESS_THREADS,
                 connection_limit: int = WAITRESS_CONNECTION_LIMIT) -> None:
    """Serve ``create_app()`` with waitress in this process (one process, ``threads`` threads).

    ``trusted_proxy`` is left unset: the app itself reads ``X-Forwarded-*`` through Werkzeug's
    ProxyFix, for the number of hops ``CRAFTWAVE_PROXY_HOPS`` names.
    """
    from waitress import serve

    print(f"craftwave: waitress on http://{host}:{port} ({threads} threads)", file=sys.stderr, flush=True)
    serve(build_app(), host=host, port=port, threads=threads, connection_limit=connection_limit,
          channel_timeout=60, cleanup_interval=10, max_request_body_size=16 * 1024 * 1024,
          ident="craftwave", clear_untrusted_proxy_headers=False, _quiet=True)
