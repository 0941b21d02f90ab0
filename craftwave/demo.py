"""The end-to-end demo: a three-wave study taken over HTTP by simulated gig workers, then analysed.

:func:`run_demo` builds a fresh database with the demo study (``data/demo/study.yaml``),
starts the survey app in-process on a loopback port (werkzeug in a background thread, the
app's ``CLOCK`` a :class:`~survey_app.clock.FakeClock`), and lets simulated participants take
the study through its real HTTP interface with a standard-library HTTP client: the Prolific
link, consent (a few decline), screening (a few are screened out), every page with its CSRF
token, browsers closed mid-wave and resumed from the same link, participants who abandon a
wave, attrition between waves, careless responders (straight-liners, random responders,
speeders) and failed attention checks. The clock moves between pages (realistic seconds per
item, about one for speeders) and between waves (the study's ``after_days``).

Answers come from :func:`analysis.simulate.simulate` (the focal population: individual
crafting predicts later resilience, collaborative crafting compensates when individual
crafting is low, resilience predicts career commitment). Participants go one after another,
so the shared clock and every random draw are deterministic for a seed.

Every page submission the app acknowledges (a 303 after the POST) is kept in a ledger; after
the fieldwork the database is reconciled against it. Then the study is exported
(:func:`survey_app.export.write_export`) and both reports are built
(:func:`reports.build_report`). A step whose package is missing is skipped and says why.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import numpy as np
import pandas as pd

from craftwave import __version__
from instruments.errors import CraftwaveError

REPO_ROOT = Path(__file__).resolve().parents[1]
DEMO_STUDY_FILE = REPO_ROOT / "data" / "demo" / "study.yaml"
DEFAULT_OUT = REPO_ROOT / "demo_out"
DB_NAME = "demo.sqlite"
STATE_FILE = "demo.json"
FOCAL = ("icraft", "ccraft", "resil", "ccommit")


class DemoError(CraftwaveError):
    """The demo could not run, or the app answered it in an unexpected way."""


@dataclass(frozen=True)
class DemoOptions:
    """Settings of one demo run.

    Parameters
    ----------
    participants : int
        People who open the study link (a few decline or are screened out).
    seed : int
        Seed of every random draw of the demo.
    out : Path
        Output directory: database, export, reports, ``demo.json``.
    db_url : str, optional
        SQLAlchemy URL of an empty database to use instead of ``out/demo.sqlite``.
    reports : bool
        Build the researcher and platform reports.
    report_formats : tuple of str
        Report formats (``"html"``, ``"pdf"``).
    bootstrap : int
        Bootstrap resamples of the reports' moderated mediation.
    careless : float
        Share of the panel who answer carelessly (split among straight-liners, random
        responders and speeders, as :func:`analysis.simulate.simulate` does).
    study_file : Path
        The study definition.
    """

    participants: int = 400
    seed: int = 1
    out: Path = DEFAULT_OUT
    db_url: str | None = None
    reports: bool = True
    report_formats: tuple[str, ...] = ("html",)
    bootstrap: int = 500
    careless: float = 0.09
    study_file: Path = DEMO_STUDY_FILE

    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{Path(self.out).resolve() / DB_NAME}"


@dataclass
class Step:
    """One step of the demo: ``status`` is ``done`` or ``skipped``; ``detail`` says what or why."""

    name: str
    status: str
    detail: str
    seconds: float = 0.0


@dataclass
class DemoResult:
    """What :func:`run_demo` did.

    Attributes
    ----------
    steps : list of Step
    ledger : DataFrame
        Every answer the app acknowledged: ``external_id``, ``token``, ``wave``, ``page``,
        ``instrument_id``, ``item_id``, ``value``.
    people : DataFrame
        One row per simulated person: ``external_id``, ``token``, ``role`` (``decline``,
        ``screened_out``, ``panel``), ``arm`` (predicted from the study's seeded assignment),
        ``careless`` (simulated type or ``""``), ``planned_last_wave``, ``abandoned_wave``,
        ``resumed_waves``, ``completed_w{k}``.
    summary : dict
        Counts, timings and file locations (also written to ``demo.json``).
    """

    options: DemoOptions
    steps: list[Step]
    ledger: pd.DataFrame
    people: pd.DataFrame
    summary: dict = field(default_factory=dict)

    def step(self, name: str) -> Step:
        return next(s for s in self.steps if s.name == name)


# -- a small browser over http.client ----------------------------------------------------------
@dataclass
class Reply:
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


# -- the in-process server ---------------------------------------------------------------------
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


# -- the simulated people ----------------------------------------------------------------------
@dataclass
class Person:
    external_id: str
    role: str  # decline, screened_out, panel
    arm: str | None = None
    row: int | None = None  # row of the simulated panel
    careless: str = ""
    last_wave: int = 0  # planned last wave (from the simulation)
    abandon: tuple[int, int] | None = None  # (wave, pages submitted before leaving for good)
    breaks: dict[int, int] = field(default_factory=dict)  # wave -> pages before closing the browser
    token: str | None = None
    completed: dict[int, datetime] = field(default_factory=dict)


def plan_people(opts: DemoOptions, study, rng: np.random.Generator):
    """Who enters, who declines or is screened out, who drops out, resumes, abandons; and the
    simulated answers of the panel (returned as ``(people, focal_panel, meaning_panel)``)."""
    from analysis.simulate import RICLPMPopulation, simulate
    from survey_app.progress import assign_arm

    n = opts.participants
    roles = np.where(rng.random(n) < 0.03, "decline",
                     np.where(rng.random(n) < 0.05, "screened_out", "panel"))
    arms = [a.name for a in study.intervention.arms] if study.intervention else []
    n_panel = int((roles == "panel").sum())
    pool = n_panel + int(4 * np.sqrt(n_panel)) + 10  # room for the arms' imbalance
    waves = len(study.waves)
    focal = simulate(pool, waves, model="focal", attrition=[0.15] * (waves - 1), attrition_mar=0.3,
                     careless=opts.careless, arms=arms or None, arm_effect=0.3 if arms else 0.0,
                     intervention_after=study.intervention.after_wave if arms else 1, seed=rng)
    meaning = simulate(pool, waves, model="riclpm",
                       population=RICLPMPopulation(constructs=("meaning", "resil")), seed=rng)
    queues: dict[str | None, list[int]] = {}
    sim_arm = focal.wide["arm"] if "arm" in focal.wide else pd.Series([None] * pool)
    for i, a in enumerate(sim_arm):
        queues.setdefault(a, []).append(i)
    people, consented = [], 0
    for i, role in enumerate(roles):
        p = Person(f"demo{i + 1:05d}", str(role))
        if role != "decline":
            p.arm = assign_arm(study, consented) if arms else None
            consented += 1
        if role == "panel":
            queue = queues.get(p.arm) or max(queues.values(), key=len)
            p.row = queue.pop(0)
            p.careless = str(focal.wide.at[p.row, "sim_careless"])
            p.last_wave = int(focal.wide.at[p.row, "last_wave"])
            for w in range(1, p.last_wave + 1):
                n_pages = len(study.waves[w - 1].pages)
                if rng.random() < 0.03:  # leaves mid-wave and never comes back
                    p.abandon = (w, int(rng.integers(1, n_pages)))
                    break
                if rng.random() < 0.10:  # closes the browser, resumes from the same link
                    p.breaks[w] = int(rng.integers(1, n_pages))
        people.append(p)
    return people, focal.wide, meaning.wide


class Fieldwork:
    """Drives the simulated people through the app, one after another, moving the clock."""

    def __init__(self, opts: DemoOptions, study, library, clock, port: int, focal: pd.DataFrame,
                 meaning: pd.DataFrame, rng: np.random.Generator, log: Callable[[str], None]) -> None:
        self.opts, self.study, self.library, self.clock, self.port = opts, study, library, clock, port
        self.focal, self.meaning, self.rng, self.log = focal, meaning, rng, log
        self.ledger: list[tuple] = []
        self._straight: dict[tuple[str, int], str] = {}
        self.requests = 0
        self.link = f"/study/{study.id}"
        self.checks = {(a.id): a.expected for a in library["attn"].attention_checks} \
            if "attn" in library else {}

    # clock
    def _tick(self, seconds: float) -> None:
        self.clock.advance(seconds=float(seconds))

    def _until(self, when: datetime) -> None:
        if when > self.clock():
            self.clock.current = when

    # one person
    def enter(self, p: Person) -> tuple[Browser, str, Reply]:
        b = Browser(self.port)
        query = urlencode({"PROLIFIC_PID": p.external_id, "STUDY_ID": "demo-w1",
                           "SESSION_ID": secrets.token_hex(6)})
        path, reply = b.get(f"{self.link}?{query}")
        self.requests += b.requests
        b.requests = 0
        if reply.status != 200:
            raise DemoError(f"{p.external_id}: the study link answered {reply.status}")
        return b, path, reply

    def first_visit(self, p: Person) -> None:
        b, path, reply = self.enter(p)
        form = FormParser.of(reply.body)
        if sorted(form.buttons.get("decision", [])) != ["agree", "decline"]:
            raise DemoError(f"{p.external_id}: no consent form at {path}")
        self._tick(self.rng.uniform(20, 90))
        decision = "decline" if p.role == "decline" else "agree"
        r = self._post(b, f"{self.link}/consent", form, {"decision": decision})
        if decision == "decline":
            if r.status != 200:
                raise DemoError(f"{p.external_id}: declining answered {r.status}")
            return
        path, reply = self._follow(b, r, "consent")
        if not path.endswith("/screening"):
            raise DemoError(f"{p.external_id}: consent led to {path}, not the screening")
        p.token = path.split("/")[2]
        form = FormParser.of(reply.body)
        self._tick(self.rng.uniform(5, 20))
        eligible = p.role == "panel"
        answers = {q: ("1" if eligible or q != "gig_work" else "0") for q in form.radios}
        r = self._post(b, path, form, answers)
        path, reply = self._follow(b, r, "screening")
        if not eligible:
            if "/w/" in path:
                raise DemoError(f"{p.external_id}: a screened-out person was shown {path}")
            return
        self.take_wave(p, 1, b, path, reply)

    def later_visit(self, p: Person, wave: int) -> None:
        b, path, reply = self.enter(p)
        self.take_wave(p, wave, b, path, reply)

    def take_wave(self, p: Person, wave: int, b: Browser, path: str, reply: Reply) -> None:
        pages_done = 0
        stop = p.abandon[1] if p.abandon and p.abandon[0] == wave else None
        pause = p.breaks.get(wave)
        while True:
            if not path.startswith(f"/s/{p.token}/w/{wave}/") or reply.status != 200:
                raise DemoError(f"{p.external_id}: expected a page of wave {wave}, got {path} "
                                f"({reply.status})")
            if stop is not None and pages_done >= stop:
                return  # closes the browser and never returns
            if pause is not None and pages_done >= pause:
                pause = None
                self._tick(self.rng.uniform(600, 4 * 3600))
                b, path, reply = self.enter(p)  # a fresh browser, the same link
                continue
            page_no = int(path.rsplit("/", 1)[1])
            page = self.study.waves[wave - 1].pages[page_no - 1]
            form = FormParser.of(reply.body)
            answers = self.answers(p, wave, form)
            self._tick(self._seconds(p, wave, len(form.radios) + len(form.numbers)))
            r = self._post(b, path, form, answers)
            if r.status != 303:
                raise DemoError(f"{p.external_id}: wave {wave} page {page_no} was not accepted "
                                f"({r.status})")
            for name, value in answers.items():
                if value != "":
                    inst, item = name.split("__", 1)
                    self.ledger.append((p.external_id, p.token, wave, page.id, inst, item,
                                        float(value)))
            pages_done += 1
            target = urlsplit(r.location or "")
            if target.netloc or target.path.endswith("/done"):
                p.completed[wave] = self.clock()
                return
            self._tick(self.rng.uniform(0.5, 2.0))
            path, reply = self._follow(b, r, f"wave {wave} page {page_no}")

    def _post(self, b: Browser, path: str, form: FormParser, answers: dict[str, str]) -> Reply:
        payload = {k: v for k, v in form.hidden.items() if k in ("csrf_token", "shown")}
        payload.update(answers)
        reply = b.request("POST", path, payload)
        self.requests += b.requests
        b.requests = 0
        return reply

    def _follow(self, b: Browser, r: Reply, what: str) -> tuple[str, Reply]:
        if r.status != 303 or not r.location:
            raise DemoError(f"{what} was not accepted ({r.status})")
        target = urlsplit(r.location)
        path, reply = b.get(target.path + (f"?{target.query}" if target.query else ""))
        self.requests += b.requests
        b.requests = 0
        return path, reply

    # answers and timing
    def _seconds(self, p: Person, wave: int, n_items: int) -> float:
        row = self.focal.loc[p.row]
        cols = [f"pagetime_{c}_w{wave}" for c in FOCAL]
        items = sum(len(self.library[c].scored_items) for c in FOCAL)
        per_item = float(np.nansum([row[c] for c in cols])) / items
        return max(1.0, n_items * per_item * float(self.rng.lognormal(0.0, 0.15)))

    def answers(self, p: Person, wave: int, form: FormParser) -> dict[str, str]:
        """The person's answer to every question of a page (field name -> posted text)."""
        out: dict[str, str] = {}
        names = sorted(form.radios) + sorted(form.numbers)
        for name in names:
            inst_id, item = name.split("__", 1)
            inst = self.library.get(inst_id)
            choices = form.radios.get(name)
            col = f"{inst.prefix}_{item}_w{wave}" if inst is not None else ""
            if inst_id in FOCAL and col in self.focal.columns:
                value = self.focal.at[p.row, col]
                if pd.isna(value):
                    raise DemoError(f"{p.external_id}: no simulated answer for {col}")
                out[name] = _text(value)
            elif inst_id == "meaning" and col in self.meaning.columns:
                out[name] = self._careless(p, choices, _text(self.meaning.at[p.row, col]))
            elif choices is None:  # a number field
                lo, hi = form.numbers[name]
                skip = self.rng.random() < 0.08
                out[name] = "" if skip else str(int(np.clip(
                    round(self.rng.lognormal(np.log(18), 0.6)), lo, hi)))
            else:
                out[name] = self._other(p, inst_id, item, choices)
            if choices is not None and out[name] not in choices:
                raise DemoError(f"{name}: the answer {out[name]} is not among {choices}")
        if p.careless == "straightliner":  # one column of answers for the whole wave
            key = (p.external_id, wave)
            if key not in self._straight:
                self._straight[key] = str(int(self.rng.integers(1, 6)))
            for name, choices in form.radios.items():
                if self._straight[key] in choices and not name.startswith("profile__"):
                    out[name] = self._straight[key]
        return out

    def _careless(self, p: Person, choices: list[str], value: str) -> str:
        if p.careless in ("random", "speeder"):
            return choices[int(self.rng.integers(len(choices)))]
        return value

    def _other(self, p: Person, inst_id: str, item: str, choices: list[str]) -> str:
        if inst_id == "attn" and item in self.checks:
            expected = _text(self.checks[item])
            if p.careless in ("random", "speeder") or self.rng.random() < 0.02:
                return choices[int(self.rng.integers(len(choices)))]
            return expected
        if choices == ["1", "0"] or sorted(choices) == ["0", "1"]:
            return "1" if self.rng.random() < 0.35 else "0"
        substantive = [c for c in choices if c != "99"]
        if "99" in choices and self.rng.random() < 0.04:
            return "99"
        return substantive[int(self.rng.integers(len(substantive)))]

    # the waves
    def run(self, people: list[Person]) -> None:
        waves = self.study.waves
        start = time.perf_counter()
        span = timedelta(days=3)
        gap = span.total_seconds() / max(len(people), 1)
        for p in people:
            self._tick(self.rng.exponential(gap))
            self.first_visit(p)
        self.log(f"wave 1: {sum(1 in p.completed for p in people)} completed "
                 f"({time.perf_counter() - start:.1f} s)")
        for wave in waves[1:]:
            due = [p for p in people if wave.number - 1 in p.completed and p.last_wave >= wave.number]
            if not due:
                continue
            opens = max(p.completed[wave.number - 1] for p in due)
            self._until(opens + timedelta(days=wave.after_days, hours=1))
            order = self.rng.permutation(len(due))
            window = timedelta(days=min(5.0, (wave.window_days or 10) / 3)).total_seconds()
            t0 = time.perf_counter()
            for i in order:
                self._tick(self.rng.exponential(window / len(due)))
                self.later_visit(due[i], wave.number)
            self.log(f"wave {wave.number}: {sum(wave.number in p.completed for p in people)} "
                     f"completed ({time.perf_counter() - t0:.1f} s)")
        last = waves[-1]
        self._tick(timedelta(days=(last.window_days or 0) + 1).total_seconds())


def _text(value) -> str:
    v = float(value)
    return str(int(v)) if v.is_integer() else repr(v)


# -- orchestration -----------------------------------------------------------------------------
def demo_app(db_url: str, clock=None):
    """The survey app on ``db_url`` for the demo: its own clock, no rate limits, a throw-away key."""
    from survey_app import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": db_url, "CLOCK": clock,
                       "SECRET_KEY": secrets.token_hex(32), "RATELIMIT_ENABLED": False})


def prepare_database(app, study_file: Path, fresh: bool) -> str:
    """Run the migrations and load the study (inside no app context); returns the study id.

    With ``fresh``, the study must not have participants yet (a demo run needs an empty panel).
    """
    from flask_migrate import upgrade

    from survey_app import MIGRATIONS_DIR
    from survey_app.extensions import db
    from survey_app.models import Participant
    from survey_app.studies import load_study_file

    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        study, _ = load_study_file(study_file)
        if fresh:
            n = db.session.execute(db.select(db.func.count()).select_from(Participant)
                                   .where(Participant.study_id == study.id)).scalar_one()
            if n:
                raise DemoError(f"the database already holds {n} participants of '{study.id}'; "
                                "the demo needs an empty one (leave out --db to use a new SQLite file)")
        db.session.remove()
    return study.id


def reconcile(app, ledger: pd.DataFrame, study_id: str) -> dict[str, int]:
    """Compare the acknowledged answers with the database: lost, changed and unexpected answers."""
    from survey_app.extensions import db
    from survey_app.models import Answer, Participant
    from survey_app.progress import SCREENING_INSTRUMENT

    with app.app_context():
        rows = db.session.execute(
            db.select(Participant.token, Answer.wave, Answer.instrument_id, Answer.item_id,
                      Answer.value)
            .join(Participant, Participant.id == Answer.participant_id)
            .where(Participant.study_id == study_id,
                   Answer.instrument_id != SCREENING_INSTRUMENT)).all()
        db.session.remove()
    stored = {(t, int(w), i, it): float(v) for t, w, i, it, v in rows}
    acked = {(r.token, int(r.wave), r.instrument_id, r.item_id): float(r.value)
             for r in ledger.itertuples(index=False)}
    return {"acknowledged": len(acked), "stored": len(stored),
            "lost": sum(k not in stored for k in acked),
            "changed": sum(k in stored and stored[k] != v for k, v in acked.items()),
            "unexpected": sum(k not in acked for k in stored)}


def fingerprint(opts: DemoOptions) -> str:
    """What the demo's output depends on: code, study, instruments, migrations and options."""
    from instruments import load_library

    h = hashlib.sha256()
    parts = [__version__, str(opts.participants), str(opts.seed), str(opts.reports), str(opts.careless),
             ",".join(opts.report_formats), str(opts.bootstrap), str(_reports_available())]
    parts += [f"{i}:{inst.content_hash}" for i, inst in sorted(load_library().items())]
    for path in [Path(opts.study_file), Path(__file__), REPO_ROOT / "analysis" / "simulate.py",
                 *sorted((REPO_ROOT / "survey_app" / "migrations" / "versions").glob("*.py"))]:
        parts.append(hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else path.name)
    h.update("\n".join(parts).encode())
    return h.hexdigest()


def _reports_available() -> bool:
    try:
        import reports  # noqa: F401
    except ImportError:
        return False
    return True


def read_state(out: Path) -> dict | None:
    path = Path(out) / STATE_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def is_current(opts: DemoOptions) -> tuple[bool, str]:
    """Whether ``opts.out`` holds a complete demo made from the current code and options."""
    state = read_state(opts.out)
    if state is None:
        return False, "no demo has been prepared yet"
    if state.get("fingerprint") != fingerprint(opts):
        return False, "the code, study, instruments or options changed since the last demo"
    files = [state.get("database_file"), state.get("export_dir"),
             *state.get("reports", {}).values()]
    missing = [f for f in files if f and not Path(f).exists()]
    if missing:
        return False, f"{missing[0]} is missing"
    return True, "the demo is up to date"


def run_demo(opts: DemoOptions, log: Callable[[str], None] = print) -> DemoResult:
    """Run the whole demo: fresh database, fieldwork over HTTP, reconciliation, export, reports.

    Parameters
    ----------
    opts : DemoOptions
    log : callable
        Receives one line per step.

    Returns
    -------
    DemoResult

    Raises
    ------
    DemoError
        If the app refuses an answer, the reconciliation finds a lost or unexpected answer,
        or ``opts.db_url`` is not empty.
    """
    from instruments import load_library, load_study
    from survey_app.clock import FakeClock

    t_all = time.perf_counter()
    out = Path(opts.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    (out / STATE_FILE).unlink(missing_ok=True)
    if opts.db_url is None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            (out / f"{DB_NAME}{suffix}").unlink(missing_ok=True)
    steps: list[Step] = []
    library = load_library()
    study = load_study(opts.study_file, library=library)
    rng = np.random.default_rng(opts.seed)
    today = datetime.now(UTC).replace(tzinfo=None, hour=8, minute=0, second=0, microsecond=0)
    clock = FakeClock(today - timedelta(days=240))
    app = demo_app(opts.database_url, clock)

    t = time.perf_counter()
    study_id = prepare_database(app, opts.study_file, fresh=True)
    steps.append(Step("database", "done", f"migrated and loaded '{study_id}' into "
                      f"{_safe_url(opts.database_url)}", time.perf_counter() - t))
    log(f"database: {steps[-1].detail}")

    t = time.perf_counter()
    people, focal, meaning = plan_people(opts, study, rng)
    steps.append(Step("simulate", "done", f"{len(people)} people, focal population (seed {opts.seed})",
                      time.perf_counter() - t))

    t = time.perf_counter()
    with LoopbackServer(app) as server:
        log(f"fieldwork: {len(people)} people take the study at http://127.0.0.1:{server.port}")
        work = Fieldwork(opts, study, library, clock, server.port, focal, meaning, rng, log)
        work.run(people)
    seconds = time.perf_counter() - t
    ledger = pd.DataFrame(work.ledger, columns=["external_id", "token", "wave", "page",
                                                "instrument_id", "item_id", "value"])
    steps.append(Step("fieldwork", "done", f"{work.requests} HTTP requests, {len(ledger)} answers "
                      f"acknowledged in {seconds:.1f} s", seconds))
    log(f"fieldwork: {steps[-1].detail}")

    check = reconcile(app, ledger, study_id)
    if check["lost"] or check["changed"] or check["unexpected"]:
        raise DemoError(f"the database does not hold exactly the acknowledged answers: {check}")
    steps.append(Step("reconcile", "done", f"{check['stored']} stored answers = the "
                      f"{check['acknowledged']} acknowledged (none lost, changed or unexpected)"))
    log(f"reconcile: {steps[-1].detail}")

    export_dir = out / "export"
    steps.append(_export(app, study_id, export_dir))
    log(f"export: {steps[-1].detail}")
    report_files: dict[str, str] = {}
    if steps[-1].status == "done":
        for kind in ("researcher", "platform"):
            step, files = _report(kind, opts, export_dir, out / "reports")
            steps.append(step)
            report_files.update(files)
            log(f"{step.name}: {step.status}: {step.detail}")
    else:
        steps.append(Step("reports", "skipped", "no export to build them from"))
    with app.app_context():
        from survey_app.extensions import db

        db.engine.dispose()

    frame = _people_frame(people, len(study.waves))
    sim_dir = out / "simulation"
    sim_dir.mkdir(exist_ok=True)
    ledger.to_csv(sim_dir / "acknowledged.csv", index=False, lineterminator="\n")
    frame.to_csv(sim_dir / "people.csv", index=False, lineterminator="\n")
    summary = {
        "fingerprint": fingerprint(opts),
        "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "participants": opts.participants, "seed": opts.seed,
        "study_id": study_id,
        "database_url": _safe_url(opts.database_url),
        "database_file": str(out / DB_NAME) if opts.db_url is None else None,
        "export_dir": str(export_dir) if export_dir.is_dir() else None,
        "reports": report_files,
        "counts": _counts(frame, len(study.waves)),
        "reconciliation": check,
        "steps": [vars(s) for s in steps],
        "seconds": round(time.perf_counter() - t_all, 1),
    }
    (out / STATE_FILE).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return DemoResult(opts, steps, ledger, frame, summary)


def _export(app, study_id: str, export_dir: Path) -> Step:
    try:
        from survey_app.export import write_export
    except ImportError as exc:
        return Step("export", "skipped", f"the export is not available yet ({exc})")
    import shutil

    shutil.rmtree(export_dir, ignore_errors=True)
    t = time.perf_counter()
    with app.app_context():
        result = write_export(study_id, export_dir, actor="cli:demo")
        from survey_app.extensions import db

        db.session.remove()
    rows = result.manifest["rows"]
    return Step("export", "done", f"{export_dir}: {rows['participants.csv']} participants, "
                f"{rows['answers_long.csv']} answers", time.perf_counter() - t)


def _report(kind: str, opts: DemoOptions, export_dir: Path, out: Path) -> tuple[Step, dict]:
    name = f"{kind} report"
    if not opts.reports:
        return Step(name, "skipped", "--no-reports was given"), {}
    try:
        from reports import build_report
    except ImportError as exc:
        return Step(name, "skipped", f"the reports package is not available yet ({exc})"), {}
    t = time.perf_counter()
    res = build_report(kind, export_dir, out, opts.report_formats, study=opts.study_file,
                       bootstrap=opts.bootstrap, seed=opts.seed)
    missing = [s.title for s in res.sections if not s.available]
    files = {f"{kind}_{fmt}": str(path) for fmt, path in res.files.items()}
    detail = ", ".join(files.values())
    if missing:
        detail += f" (sections not available: {', '.join(missing)})"
    return Step(name, "done", detail, time.perf_counter() - t), files


def _people_frame(people: list[Person], waves: int) -> pd.DataFrame:
    rows = []
    for p in people:
        row = {"external_id": p.external_id, "token": p.token, "role": p.role, "arm": p.arm,
               "careless": p.careless, "planned_last_wave": p.last_wave,
               "abandoned_wave": p.abandon[0] if p.abandon else None,
               "resumed_waves": ",".join(str(w) for w in sorted(p.breaks))}
        for w in range(1, waves + 1):
            row[f"completed_w{w}"] = w in p.completed
        rows.append(row)
    return pd.DataFrame(rows)


def _counts(frame: pd.DataFrame, waves: int) -> dict:
    panel = frame[frame["role"] == "panel"]
    return {
        "entered": len(frame),
        "declined": int((frame["role"] == "decline").sum()),
        "screened_out": int((frame["role"] == "screened_out").sum()),
        "panel": len(panel),
        "completed": {f"w{w}": int(frame[f"completed_w{w}"].sum()) for w in range(1, waves + 1)},
        "abandoned_mid_wave": int(panel["abandoned_wave"].notna().sum()),
        "resumed_after_closing_browser": int((panel["resumed_waves"] != "").sum()),
        "careless": {k: int((panel["careless"] == k).sum())
                     for k in sorted(set(panel["careless"]) - {""})},
    }


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
