"""The simulated people and the fieldwork: who does what, and driving them through the app."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlencode, urlsplit

import numpy as np
import pandas as pd

from craftwave.instruments.names import item_var, with_wave

from .browser import Browser, FormParser, Reply
from .options import (
    ARM_EFFECT,
    ARM_FORUMS_EFFECT,
    ATTRITION,
    ATTRITION_MAR,
    DEMO_A2,
    DEMO_A3,
    DemoError,
    DemoOptions,
)


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
    withdraw: tuple[int, str] | None = None  # (after completing wave, "stop_contact" or "delete")
    token: str | None = None
    completed: dict[int, datetime] = field(default_factory=dict)


def demo_population():
    """The focal population of the demo: the package defaults with a stronger compensation
    (``a2``, ``a3``), so that 400 people with attrition show the interaction clearly."""
    from craftwave.analysis.simulate import FocalPopulation

    return FocalPopulation(a2=DEMO_A2, a3=DEMO_A3)


def simulate_panel(opts: DemoOptions, study, pool: int, rng: np.random.Generator):
    """The one simulation every answer of the demo comes from.

    The focal model (:func:`demo_population`) answers the focal instruments; every other
    instrument the study asks is one of :func:`craftwave.analysis.simulate.simulate`'s ``extra``
    instruments, drawn from the same people (meaningful work and community participation
    from their focal constructs, forum use feeding later resilience). The intervention arms
    are the study's; the arm after the first raises forum use by :data:`ARM_FORUMS_EFFECT`
    (and individual crafting by :data:`ARM_EFFECT`) after the study's ``after_wave``.
    """
    from craftwave.analysis.simulate import simulate
    from craftwave.analysis.simulate_extra import EXTRA_INSTRUMENTS

    asked = set(study.instrument_ids)
    focal = set(demo_population().constructs)
    extra = [name for name in EXTRA_INSTRUMENTS if name in asked]
    unknown = asked - focal - set(extra)
    if unknown:
        raise DemoError(f"the simulation cannot answer the instrument(s) {sorted(unknown)} "
                        f"the study asks; it answers {sorted(focal | set(EXTRA_INSTRUMENTS))}")
    arms = [a.name for a in study.intervention.arms] if study.intervention else []
    waves = len(study.waves)
    forums = ARM_FORUMS_EFFECT if arms and "community" in extra else 0.0
    return simulate(pool, waves, model="focal", population=demo_population(),
                    attrition=[ATTRITION] * (waves - 1), attrition_mar=ATTRITION_MAR,
                    careless=opts.careless, arms=arms or None,
                    arm_effect=ARM_EFFECT if arms else 0.0, arm_forums_effect=forums,
                    intervention_after=study.intervention.after_wave if arms else 1,
                    extra=extra, seed=rng)


def plan_people(opts: DemoOptions, study, rng: np.random.Generator):
    """Who enters, who declines or is screened out; and the simulated answers of the panel.

    The arms are not known here: the app assigns them, concealed, to those who pass screening;
    :meth:`Fieldwork.bind` then gives each randomised person a simulated row of their arm and
    plans their path (dropout, breaks, abandoning, withdrawal).

    Returns
    -------
    tuple
        ``(people, panel, truth)``: the people, the simulated panel (one row per simulated
        person, every answer of every instrument the study asks; see :func:`simulate_panel`)
        and the population values.
    """
    n = opts.participants
    roles = np.where(rng.random(n) < 0.03, "decline",
                     np.where(rng.random(n) < 0.05, "screened_out", "panel"))
    n_panel = int((roles == "panel").sum())
    pool = n_panel + int(4 * np.sqrt(n_panel)) + 10  # room for the arms' imbalance
    sim = simulate_panel(opts, study, pool, rng)
    people = [Person(f"de30{i + 1:020x}", str(role))  # Prolific's format: 24 hex digits
              for i, role in enumerate(roles)]
    return people, sim.wide, sim.truth


def plan_path(p: Person, panel: pd.DataFrame, study, rng: np.random.Generator) -> None:
    """A randomised person's simulated row is bound: plan their way through the waves."""
    waves = len(study.waves)
    p.careless = str(panel.at[p.row, "sim_careless"])
    p.last_wave = int(panel.at[p.row, "last_wave"])
    for w in range(1, p.last_wave + 1):
        n_pages = len(study.waves[w - 1].pages)
        if rng.random() < 0.03:  # leaves mid-wave and never comes back
            p.abandon = (w, int(rng.integers(1, n_pages)))
            break
        if rng.random() < 0.10:  # closes the browser, resumes from the same link
            p.breaks[w] = int(rng.integers(1, n_pages))
    if p.abandon is None and p.last_wave < waves and rng.random() < 0.15:
        # a dropout who says so: withdraws through the link after their last wave
        p.withdraw = (p.last_wave, "delete" if rng.random() < 0.5 else "stop_contact")


class Fieldwork:
    """Drives the simulated people through the app, one after another, moving the clock."""

    def __init__(self, opts: DemoOptions, study, library, clock, port: int, panel: pd.DataFrame,
                 rng: np.random.Generator, log: Callable[[str], None],
                 arm_of: Callable[[str], str | None] = lambda external_id: None) -> None:
        self.opts, self.study, self.library, self.clock, self.port = opts, study, library, clock, port
        self.panel, self.rng, self.log = panel, rng, log
        self.arm_of = arm_of
        self.queues: dict[str | None, list[int]] = {}
        sim_arm = panel["arm"] if "arm" in panel else pd.Series([None] * len(panel))
        for i, a in enumerate(sim_arm):
            self.queues.setdefault(None if pd.isna(a) else str(a), []).append(i)
        self.ledger: list[tuple] = []
        self.requests = 0
        self.link = f"/study/{study.id}"

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
            if self.arm_of(p.external_id) is not None:
                raise DemoError(f"{p.external_id}: a screened-out person holds an arm")
            return
        self.bind(p)
        self.take_wave(p, 1, b, path, reply)

    def bind(self, p: Person) -> None:
        """Give a randomised person the next simulated row of the arm the app assigned."""
        p.arm = self.arm_of(p.external_id)
        queue = self.queues.get(p.arm)
        if not queue:
            raise DemoError(f"the simulated pool has no one left in arm {p.arm!r}")
        p.row = queue.pop(0)
        plan_path(p, self.panel, self.study, self.rng)

    def later_visit(self, p: Person, wave: int) -> None:
        b, path, reply = self.enter(p)
        self.take_wave(p, wave, b, path, reply)

    def take_wave(self, p: Person, wave: int, b: Browser, path: str, reply: Reply) -> None:
        pages_done = 0
        stop = p.abandon[1] if p.abandon and p.abandon[0] == wave else None
        pause = p.breaks.get(wave)
        # The Prolific link with the person's id (a later wave, or back after a break) opens an
        # id-only session (/study/<id>/continue/...): the first unanswered page, nothing shown back.
        pages = (f"/s/{p.token}/w/{wave}/", f"{self.link}/continue/w/{wave}/")
        while True:
            if not path.startswith(pages) or reply.status != 200:
                raise DemoError(f"{p.external_id}: expected a page of wave {wave}, got {path} "
                                f"({reply.status})")
            if stop is not None and pages_done >= stop:
                return  # closes the browser and never returns
            if pause is not None and pages_done >= pause:
                pause = None
                self._tick(self.rng.uniform(300, 2700))  # back after 5 to 45 minutes
                b, path, reply = self.enter(p)  # a fresh browser, the same link
                continue
            page_no = int(path.rsplit("/", 1)[1])
            page = self.study.waves[wave - 1].pages[page_no - 1]
            form = FormParser.of(reply.body)
            answers = self.answers(p, wave, form)
            self._tick(self._seconds(p, wave, page, len(form.radios) + len(form.numbers)))
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
                if p.withdraw and p.withdraw[0] == wave:
                    self._withdraw(p, b)
                return
            self._tick(self.rng.uniform(0.5, 2.0))
            path, reply = self._follow(b, r, f"wave {wave} page {page_no}")

    def _withdraw(self, p: Person, b: Browser) -> None:
        self._tick(self.rng.uniform(10, 60))
        path, reply = b.get(f"/s/{p.token}/withdraw")
        form = FormParser.of(reply.body)
        if sorted(form.radios.get("kind", [])) != ["delete", "stop_contact"]:
            raise DemoError(f"{p.external_id}: no withdrawal form at {path}")
        r = self._post(b, path, form, {"kind": p.withdraw[1]})
        if r.status != 200 or "withdrawn" not in r.body:
            raise DemoError(f"{p.external_id}: the withdrawal answered {r.status}")

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
    def _seconds(self, p: Person, wave: int, page, n_items: int) -> float:
        """Seconds on a page: the simulated seconds per item of the page's instruments (which
        make speeders and straight-liners fast), times the items shown, with a little jitter."""
        row = self.panel.loc[p.row]
        seconds, items = 0.0, 0
        for block in page.blocks:
            col = with_wave(f"pagetime_{block.instrument}", wave)
            if col not in row.index or pd.isna(row[col]):
                continue
            inst = self.library[block.instrument]
            seconds += float(row[col])
            items += sum(item_var(inst.prefix, it.id, wave) in row.index for it in inst.items)
        if not items:
            raise DemoError(f"{p.external_id}: no simulated page time for page {page.id!r} "
                            f"of wave {wave}")
        return max(1.0, n_items * seconds / items * float(self.rng.lognormal(0.0, 0.15)))

    def answers(self, p: Person, wave: int, form: FormParser) -> dict[str, str]:
        """The person's simulated answer to every question of a page (field name -> posted
        text; an empty text for a number the simulation left unanswered)."""
        out: dict[str, str] = {}
        for name in sorted(form.radios) + sorted(form.numbers):
            inst_id, item = name.split("__", 1)
            inst = self.library.get(inst_id)
            col = item_var(inst.prefix, item, wave) if inst is not None else None
            if col is None or col not in self.panel.columns:
                raise DemoError(f"{p.external_id}: the simulation has no answer to {name} at "
                                f"wave {wave}")
            value = self.panel.at[p.row, col]
            choices = form.radios.get(name)
            if pd.isna(value) and choices is not None:
                raise DemoError(f"{p.external_id}: no simulated answer for {col}")
            out[name] = "" if pd.isna(value) else _text(value)
            if choices is not None and out[name] not in choices:
                raise DemoError(f"{name}: the answer {out[name]} is not among {choices}")
            if choices is None and out[name]:
                lo, hi = form.numbers[name]
                if not lo <= float(value) <= hi:
                    raise DemoError(f"{name}: the answer {out[name]} is outside {lo}-{hi}")
        straight = self._straight_value(p, wave)
        if straight is not None:
            for name, choices in form.radios.items():
                if straight in choices and not name.startswith("profile__"):
                    out[name] = straight
        return out

    def _straight_value(self, p: Person, wave: int) -> str | None:
        """A straight-liner's one answer for the whole wave: the answer the simulation gave
        them on the individual-crafting page, which it also gives to the attention checks of
        the wave. The simulation straight-lines page by page; the demo's straight-liners keep
        that answer across every page of the wave, so that the export's long-string index
        (computed over a wave's items) sees them."""
        if p.careless != "straightliner" or "icraft" not in self.library:
            return None
        inst = self.library["icraft"]
        col = item_var(inst.prefix, inst.scored_items[0].id, wave)
        if col not in self.panel.columns or pd.isna(self.panel.at[p.row, col]):
            return None
        return _text(self.panel.at[p.row, col])

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

