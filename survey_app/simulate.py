"""Simulated participants who take a wave over HTTP, for the crash test and the load benchmark.

Standard library only (asyncio sockets, HTTP/1.1 with ``Connection: close``), so a load
generator on the same machine as the server costs as little CPU as possible. Every page
submission the server acknowledges (a 303 after the POST) is recorded with its answers, so a
run can be reconciled against the database: nothing acknowledged may be lost or duplicated.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import time
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urlencode, urlsplit

import numpy as np

_HIDDEN = re.compile(r'<input[^>]*name="(csrf_token|shown)"[^>]*value="([^"]*)"')
_RADIO = re.compile(r'<input type="radio" name="([a-z0-9_]+__[a-z0-9_]+)" value="([^"]+)"')
_SCREEN = re.compile(r'<input type="radio" name="([a-z0-9_]+)" value="([^"]+)"')
_NUMBER = re.compile(r'<input type="number"[^>]* name="([a-z0-9_]+__[a-z0-9_]+)"[^>]* min="([-0-9.]+)"')
_PAGE = re.compile(r"^/s/([A-Za-z0-9_-]+)/w/(\d+)/(\d+)$")


class ServerGone(Exception):
    """The connection failed or was cut (e.g. the server was killed)."""


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str


async def request(host: str, port: int, method: str, path: str, body: dict | None = None,
                  cookie: str | None = None, timeout: float = 30.0) -> Response:
    """One HTTP/1.1 request on a fresh connection."""
    data = urlencode(body).encode() if body is not None else b""
    head = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: close",
            "User-Agent: craftwave-sim"]
    if cookie:
        head.append(f"Cookie: {cookie}")
    if body is not None:
        head += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(data)}"]
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
        try:
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
            raw = await asyncio.wait_for(reader.read(), timeout)
        finally:
            writer.close()
    except (TimeoutError, OSError, asyncio.IncompleteReadError) as exc:
        raise ServerGone(str(exc)) from exc
    header_blob, _, payload = raw.partition(b"\r\n\r\n")
    lines = header_blob.decode("latin-1").split("\r\n")
    if not lines or not lines[0].startswith("HTTP/"):
        raise ServerGone("no HTTP response")
    status = int(lines[0].split()[1])
    headers: dict[str, str] = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        key = k.strip().lower()
        if key == "set-cookie":
            headers["set-cookie"] = v.strip()
        else:
            headers[key] = v.strip()
    if "chunked" in headers.get("transfer-encoding", ""):
        raise ServerGone("chunked responses are not expected")
    return Response(status, headers, payload.decode("utf-8", "replace"))


@dataclass
class Submission:
    """One acknowledged page submission."""

    token: str
    wave: int
    page_no: int
    answers: dict[str, str]
    sent_at: float
    latency: float


@dataclass
class Tally:
    submissions: list[Submission] = field(default_factory=list)
    get_latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    completed: int = 0
    unacknowledged: int = 0


class Participant:
    """One simulated participant entering through a Prolific-style public link."""

    def __init__(self, host: str, port: int, study_id: str, external_id: str,
                 rng: np.random.Generator, tally: Tally, think: float = 0.0) -> None:
        self.host, self.port = host, port
        self.study_id, self.external_id = study_id, external_id
        self.rng, self.tally, self.think = rng, tally, think
        self.cookie: str | None = None
        self.token: str | None = None

    async def _do(self, method: str, path: str, body: dict | None = None) -> Response:
        resp = await request(self.host, self.port, method, path, body, self.cookie)
        sc = resp.headers.get("set-cookie")
        if sc:
            self.cookie = sc.split(";", 1)[0]
        return resp

    async def _get(self, path: str) -> tuple[str, Response]:
        """GET and follow local redirects; returns the final path and response."""
        for _ in range(10):
            t0 = time.perf_counter()
            resp = await self._do("GET", path)
            self.tally.get_latencies.append(time.perf_counter() - t0)
            if resp.status in (301, 302, 303):
                loc = urlsplit(resp.headers["location"])
                if loc.netloc and loc.netloc != f"{self.host}:{self.port}":
                    return resp.headers["location"], resp
                path = loc.path + (f"?{loc.query}" if loc.query else "")
                continue
            return path, resp
        raise RuntimeError("too many redirects")

    async def take_wave(self, max_pages: int | None = None) -> None:
        """Enter, consent, pass screening and submit every page of the open wave."""
        query = urlencode({"PROLIFIC_PID": self.external_id, "STUDY_ID": "bench", "SESSION_ID": "s"})
        path, resp = await self._get(f"/study/{self.study_id}?{query}")
        if "Before you start" in resp.body:
            hidden = dict(_HIDDEN.findall(resp.body))
            r = await self._do("POST", f"/study/{self.study_id}/consent",
                               {"csrf_token": unescape(hidden["csrf_token"]), "decision": "agree"})
            if r.status != 303:
                raise RuntimeError(f"consent answered {r.status}")
            path, resp = await self._get(urlsplit(r.headers["location"]).path)
        await self.resume(path, resp, max_pages)

    async def resume(self, path: str, resp: Response, max_pages: int | None = None) -> None:
        pages = 0
        while True:
            if path.endswith("/screening"):
                self.token = path.split("/")[2]
                answers = {name: "1" for name, _ in _SCREEN.findall(resp.body)}
                body = {"csrf_token": unescape(dict(_HIDDEN.findall(resp.body))["csrf_token"]), **answers}
                r = await self._do("POST", path, body)
                if r.status != 303:
                    raise RuntimeError(f"screening answered {r.status}")
                path, resp = await self._get(urlsplit(r.headers["location"]).path)
                continue
            m = _PAGE.match(path)
            if m is None or resp.status != 200:
                if "/done" in path or "prolific" in path:
                    self.tally.completed += 1
                return
            self.token = m.group(1)
            if max_pages is not None and pages >= max_pages:
                return
            if self.think:
                await asyncio.sleep(self.rng.exponential(self.think))
            body = {k: unescape(v) for k, v in _HIDDEN.findall(resp.body)}
            options: dict[str, list[str]] = {}
            for name, value in _RADIO.findall(resp.body):
                options.setdefault(name, []).append(value)
            answers = {n: vals[int(self.rng.integers(len(vals)))] for n, vals in options.items()}
            answers.update({n: str(int(float(lo))) for n, lo in _NUMBER.findall(resp.body)})
            body.update(answers)
            t0 = time.perf_counter()
            try:
                r = await self._do("POST", path, body)
            except ServerGone:
                self.tally.unacknowledged += 1
                raise
            latency = time.perf_counter() - t0
            if r.status != 303:
                self.tally.errors.append(f"POST {path}: {r.status}")
                return
            self.tally.submissions.append(Submission(self.token, int(m.group(2)), int(m.group(3)),
                                                     answers, t0, latency))
            pages += 1
            loc = urlsplit(r.headers["location"])
            if loc.netloc and loc.netloc != f"{self.host}:{self.port}":
                self.tally.completed += 1
                return
            path, resp = await self._get(loc.path)


async def open_loop(host: str, port: int, study_id: str, participants_per_s: float,
                    duration: float, rng: np.random.Generator, tally: Tally,
                    prefix: str = "sim", think: float = 0.0) -> None:
    """Participants arrive as a Poisson process for ``duration`` seconds, whatever the replies."""
    tasks = []
    start = time.perf_counter()
    next_at = 0.0
    i = 0
    while next_at < duration:
        delay = start + next_at - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        pid = hashlib.sha256(f"{prefix}{i:07d}".encode()).hexdigest()[:24]  # Prolific's format
        p = Participant(host, port, study_id, pid, np.random.default_rng(rng.integers(2**63)),
                        tally, think)
        tasks.append(asyncio.ensure_future(_guarded(p, tally)))
        i += 1
        next_at += rng.exponential(1.0 / participants_per_s)
    await asyncio.gather(*tasks)


async def _guarded(p: Participant, tally: Tally) -> None:
    try:
        await p.take_wave()
    except (ServerGone, RuntimeError, KeyError) as exc:
        tally.errors.append(f"{p.external_id}: {type(exc).__name__}: {exc}")
    if p.token:
        tally.tokens.append(p.token)


@dataclass
class Reconciliation:
    acknowledged: int  # acknowledged page submissions
    expected_answers: int
    lost: int  # acknowledged answers absent from the database
    mismatched: int  # stored with another value than the one acknowledged
    duplicated: int  # answer keys stored more than once, or a page stored twice

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.mismatched == 0 and self.duplicated == 0


def reconcile(submissions: list[Submission]) -> Reconciliation:
    """Compare acknowledged submissions with the database (inside an app context).

    Each simulated participant submits each page once, so a page stored with more than one
    submission, or an answer key stored twice, counts as a duplicate.
    """
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models import Answer, PageVisit, Participant

    expected: dict[tuple[str, int, str, str], float] = {}
    for s in sorted(submissions, key=lambda s: s.sent_at):
        for name, value in s.answers.items():
            inst, item = name.split("__", 1)
            expected[(s.token, s.wave, inst, item)] = float(value)
    from craftwave.survey_app.links import token_hash

    # the database keeps only keyed hashes of the tokens
    by_hash = {token_hash(t): t for t in {s.token for s in submissions}}
    hashes = sorted(by_hash)
    stored: dict[tuple[str, int, str, str], list[float]] = {}
    visits_twice = 0
    for chunk in (hashes[i:i + 500] for i in range(0, len(hashes), 500)):
        rows = db.session.execute(
            db.select(Participant.token_hash, Answer.wave, Answer.instrument_id, Answer.item_id, Answer.value)
            .join(Participant, Participant.id == Answer.participant_id)
            .where(Participant.token_hash.in_(chunk), Answer.instrument_id != "screening")).all()
        for hashed, wave, inst, item, value in rows:
            stored.setdefault((by_hash[hashed], wave, inst, item), []).append(value)
        visits_twice += db.session.execute(
            db.select(db.func.count()).select_from(PageVisit)
            .join(Participant, Participant.id == PageVisit.participant_id)
            .where(Participant.token_hash.in_(chunk), PageVisit.n_submissions > 1)).scalar_one()
    lost = sum(1 for k in expected if k not in stored)
    mismatched = sum(1 for k, v in expected.items() if k in stored and stored[k][-1] != v)
    duplicated = sum(1 for v in stored.values() if len(v) > 1) + visits_twice
    return Reconciliation(len(submissions), len(expected), lost, mismatched, duplicated)


async def slow_connection(port: int, drip: float, stop: asyncio.Event) -> None:
    """A slow client: send a request's headers one byte every ``drip`` seconds until ``stop``."""
    head = (b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n"
            + b"X-Padding: " + b"a" * 4000 + b"\r\n\r\n")
    try:
        _reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return
    try:
        for byte in head:
            if stop.is_set():
                break
            writer.write(bytes([byte]))
            await writer.drain()
            await asyncio.sleep(drip)
    except OSError:
        pass
    finally:
        writer.close()
