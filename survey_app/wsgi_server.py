"""Run the app under gunicorn (the production server) from Python, for ``craftwave serve``."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        # Each worker builds its own app (and database connections) after the fork.
        import gc

        from craftwave.survey_app import create_app

        app = create_app()
        # Move the objects of the imports and the app into the permanent generation: the
        # collector then stops re-scanning them (numpy, pandas, SQLAlchemy, Jinja) on every
        # full collection, which costs a request-serving process measurable CPU.
        gc.collect()
        gc.freeze()
        return app


def run_gunicorn(host: str = "127.0.0.1", port: int = 8000, workers: int = 2, threads: int = 1) -> None:
    """Serve ``create_app()`` with gunicorn: ``workers`` processes, sync or threaded workers."""
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "timeout": 30,
        "graceful_timeout": 10,
        "keepalive": 5,
        "preload_app": False,
    }
    _Server(options).run()
