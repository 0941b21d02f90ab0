"""MTurk as it really works: the HIT shown in a frame of another site, posting back its assignment.

A local stand-in for MTurk's worker site runs on ``localhost`` while the app runs on
``127.0.0.1`` (two different sites to the browser, so the app's cookies are not sent inside the
frame). The stand-in's page frames the app's MTurk entry and serves ``/mturk/externalSubmit``,
recording each posted ``assignmentId``. A worker completes wave 1 inside the frame, then wave 2
through a second HIT, which submits its own assignment. The run is made over plain HTTP and
over HTTPS, with certificates for both loopback sites from a test CA made by ``trustme``
(Chromium is told to accept them), as MTurk's worker site serves HTTPS.
"""

from __future__ import annotations

import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote

import pytest
import yaml

from craftwave.survey_app.clock import FakeClock
from craftwave.survey_app.pgtemp import free_port
from tests.survey_app.app_helpers import DEMO_FILE, DEMO_STUDY
from tests.survey_app.browser_helpers import chromium_page, serve_copy
from tests.survey_app.conftest import START

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class StandIn:
    """MTurk's worker site, reduced to a framing page and ``/mturk/externalSubmit``."""

    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        self.port = free_port()
        scheme = "https" if ssl_context is not None else "http"
        self.origin = f"{scheme}://localhost:{self.port}"
        self.submitted: list[dict] = []
        self.frame_src = ""
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _send(self, html: str) -> None:
                body = html.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                self._send(f'<!doctype html><title>HIT</title><h1>Stand-in worker site</h1>'
                           f'<iframe name="hit" id="hit" width="900" height="1400" '
                           f'src="{outer.frame_src}"></iframe>')

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                outer.submitted.append({"path": self.path, **form})
                self._send("<!doctype html><title>Submitted</title><p>HIT submitted</p>")

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        if ssl_context is not None:
            self.server.socket = ssl_context.wrap_socket(self.server.socket, server_side=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.thread.join(timeout=10)
        self.server.server_close()


def _study_file(tmp_path, origin: str):
    raw = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
    raw["recruitment"]["mturk"].update(
        {"frame_ancestors": [origin], "allowed_submit_hosts": [origin]})
    path = tmp_path / "framed.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def _take_pages(frame, wave: int, n_pages: int) -> None:
    for page_no in range(1, n_pages + 1):
        frame.wait_for_url(f"**/w/{wave}/{page_no}*")
        for group in frame.locator("fieldset").all():
            group.locator("input[type=radio]").first.check()
        frame.get_by_role("button", name="Finish" if page_no == n_pages else "Next").click()
    frame.wait_for_url(f"**/w/{wave}/done*")


def _entry(app_url: str, standin: StandIn, assignment: str, hit: str) -> str:
    return (f"{app_url}/study/{DEMO_STUDY}?assignmentId={assignment}&hitId={hit}"
            f"&workerId=A0FRAMED0001&turkSubmitTo={quote(standin.origin, safe='')}")


def _tls() -> ssl.SSLContext:
    """A server context with a certificate for localhost and 127.0.0.1 from a fresh test CA."""
    import trustme

    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost", "127.0.0.1").configure_cert(context)
    return context


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_framed_hit_completes_two_waves_each_submitting_its_own_assignment(
        sqlite_template, tmp_path, scheme):
    clock = FakeClock(START)
    tls = _tls() if scheme == "https" else None
    with StandIn(tls) as standin:
        study_path = _study_file(tmp_path, standin.origin)

        def seed(app):
            from craftwave.survey_app.studies import load_study_file

            with app.app_context():
                load_study_file(study_path)

        with serve_copy(sqlite_template, tmp_path, seed=seed, ssl_context=tls,
                        CLOCK=clock) as app_url, \
                chromium_page(ignore_https_errors=tls is not None) as page:
            # wave 1: the first HIT
            standin.frame_src = _entry(app_url, standin, "ASSIGN1", "HIT1")
            page.goto(standin.origin + "/hit1")
            frame = page.frame(name="hit")
            frame.get_by_role("button", name="I agree and want to take part").click()
            frame.wait_for_url("**/screening")
            for group in frame.locator("fieldset").all():
                group.locator("input[type=radio]").first.check()
            frame.get_by_role("button", name="Next").click()
            _take_pages(frame, 1, 3)
            frame.get_by_role("button", name="Submit the HIT to MTurk").click()
            frame.wait_for_url(f"{standin.origin}/mturk/externalSubmit")
            assert [(s["path"], s["assignmentId"]) for s in standin.submitted] == [
                ("/mturk/externalSubmit", "ASSIGN1")]
            first_code = standin.submitted[0]["completion_code"]
            assert len(first_code) >= 6
            # nothing rode on cookies: the browser kept none of the framed app's
            assert [c for c in page.context.cookies() if c["domain"] == "127.0.0.1"] == []
            assert app_url.startswith(f"{scheme}://") and standin.origin.startswith(f"{scheme}://")

            # wave 2 opens 90 days later; the worker accepts the second HIT
            clock.advance(days=91)
            standin.frame_src = _entry(app_url, standin, "ASSIGN2", "HIT2")
            page.goto(standin.origin + "/hit2")
            frame = page.frame(name="hit")
            frame.wait_for_url("**/continue/w/2/1?r=*")
            _take_pages(frame, 2, 2)
            frame.get_by_role("button", name="Submit the HIT to MTurk").click()
            frame.wait_for_url(f"{standin.origin}/mturk/externalSubmit")
            assert [s["assignmentId"] for s in standin.submitted] == ["ASSIGN1", "ASSIGN2"]
            assert standin.submitted[1]["completion_code"] != first_code


def test_pages_outside_mturk_refuse_framing(sqlite_template, tmp_path):
    with StandIn() as standin:
        study_path = _study_file(tmp_path, standin.origin)

        def seed(app):
            from craftwave.survey_app.studies import load_study_file

            with app.app_context():
                load_study_file(study_path)

        with serve_copy(sqlite_template, tmp_path, seed=seed) as app_url, \
                chromium_page() as page:
            blocked: list[str] = []
            page.on("console", lambda m: blocked.append(m.text) if "frame" in m.text else None)
            standin.frame_src = f"{app_url}/study/{DEMO_STUDY}"  # the public link, no MTurk
            page.goto(standin.origin + "/public")
            page.wait_for_timeout(500)
            frame = page.frame(name="hit")
            # the framed document was refused: no consent button rendered inside the frame
            assert frame.get_by_role("button", name="I agree and want to take part").count() == 0
            assert any("frame-ancestors" in m or "X-Frame-Options" in m for m in blocked)
