"""A small browser over :mod:`http.client` and the app served in-process on a loopback port."""

from __future__ import annotations

import http.client
import threading
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

from .options import DemoError


@dataclass
class Reply:
    """An HTTP answer: status, ``Location`` header (redirects) and body text."""

    status: int
    location: str | None
    body: str


class Browser:
    """One participant's browser: cookies, redirects, nothing else (a new one = a closed browser)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.requests = 0

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> Reply:
        """One request on a fresh connection (a posted ``form`` is URL-encoded); no redirects."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"User-Agent": "craftwave-demo"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            payload = resp.read().decode("utf-8", "replace")
            for raw in resp.headers.get_all("Set-Cookie") or []:
                name, _, rest = raw.partition("=")
                value = rest.split(";", 1)[0]
                if value and "max-age=0" not in raw.lower():
                    self.cookies[name.strip()] = value
                else:
                    self.cookies.pop(name.strip(), None)
            self.requests += 1
            return Reply(resp.status, resp.headers.get("Location"), payload)
        finally:
            conn.close()

    def get(self, path: str) -> tuple[str, Reply]:
        """GET ``path`` and follow local redirects; the final path (or external URL) and reply."""
        for _ in range(10):
            reply = self.request("GET", path)
            if reply.status not in (301, 302, 303) or not reply.location:
                return path, reply
            target = urlsplit(reply.location)
            if target.netloc and target.netloc != f"127.0.0.1:{self.port}":
                return reply.location, reply
            path = target.path + (f"?{target.query}" if target.query else "")
        raise DemoError(f"too many redirects from {path}")


class FormParser(HTMLParser):
    """The inputs of a page: hidden values, radio groups and number fields, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden: dict[str, str] = {}
        self.radios: dict[str, list[str]] = {}
        self.numbers: dict[str, tuple[float, float]] = {}
        self.buttons: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "button" and a.get("name"):
            self.buttons.setdefault(a["name"], []).append(a.get("value", ""))
        if tag != "input":
            return
        name, kind = a.get("name", ""), a.get("type", "text")
        if kind == "hidden":
            self.hidden[name] = a.get("value", "")
        elif kind == "radio":
            self.radios.setdefault(name, []).append(a.get("value", ""))
        elif kind == "number":
            self.numbers[name] = (float(a.get("min") or 0), float(a.get("max") or 0))

    @classmethod
    def of(cls, html: str) -> FormParser:
        parser = cls()
        parser.feed(html)
        return parser



class LoopbackServer:
    """The app served by werkzeug on 127.0.0.1 (a free port) in a background thread."""

    def __init__(self, app) -> None:
        from werkzeug.serving import WSGIRequestHandler, make_server

        class _Quiet(WSGIRequestHandler):
            def log_request(self, *args, **kwargs) -> None:  # one line per request is noise here
                pass

        self._server = make_server("127.0.0.1", 0, app, request_handler=_Quiet)
        self.port = self._server.server_port
        self._thread = threading.Thread(target=self._server.serve_forever, name="demo-http",
                                        daemon=True)

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._thread.join()
        self._server.server_close()

