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

from instruments.names import item_var, with_wave

from .browser import Browser, FormParser, Reply
from .options import DemoError, DemoOptions

FOCAL = ("icraft", "ccraft", "resil", "ccommit")


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
    from analysis.simulate import FocalPopulation

    return FocalPopulation(a2=0.20, a3=-0.25)


def plan_people(opts: DemoOptions, study, rng: np.random.Generator):
    """Who enters, who declines or is screened out, who drops out, resumes, abandons; and the
    simulated answers of the panel.

    Returns
    -------
    tuple
        ``(people, focal_wide, meaning_wide, truth)``: the people, the simulated focal panel
        and meaningful-work answers (one row per simulated person), and the population values.
    """
    from analysis.simulate import RICLPMPopulation, simulate
    from survey_app.progress import assign_arm

    n = opts.participants
    roles = np.where(rng.random(n) < 0.03, "decline",
                     np.where(rng.random(n) < 0.05, "screened_out", "panel"))
    arms = [a.name for a in study.intervention.arms] if study.intervention else []
    n_panel = int((roles == "panel").sum())
    pool = n_panel + int(4 * np.sqrt(n_panel)) + 10  # room for the arms' imbalance
    waves = len(study.waves)
    focal = simulate(pool, waves, model="focal", population=demo_population(), attrition=[0.15] * (waves - 1), attrition_mar=0.3,
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
            if p.abandon is None and p.last_wave < waves and rng.random() < 0.15:
                # a dropout who says so: withdraws through the link after their last wave
                p.withdraw = (p.last_wave, "delete" if rng.random() < 0.5 else "stop_contact")
        people.append(p)
    return people, focal.wide, meaning.wide, focal.truth


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
                self._tick(self.rng.uniform(300, 2700))  # back after 5 to 45 minutes
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
    def _seconds(self, p: Person, wave: int, n_items: int) -> float:
        row = self.focal.loc[p.row]
        cols = [with_wave(f"pagetime_{c}", wave) for c in FOCAL]
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
            col = item_var(inst.prefix, item, wave) if inst is not None else ""
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

