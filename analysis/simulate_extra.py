"""The instruments :func:`craftwave.analysis.simulate.simulate` draws beyond its population model.

``simulate(..., extra=[...])`` adds, on top of the focal constructs, answers to the other
bundled instruments a study asks: meaningful work (``meaning``), community participation and
platform support (``community``), work design (``workdesign``), sustainable-work conditions
(``sustain``), the gig-work profile (``profile``) and the attention checks (``attn``). Their
draws come from a child generator of the simulation's generator (``Generator.spawn``), after
the focal answers, so asking for extras leaves every focal column, and the parent generator's
stream, exactly as without them.

Population values (:class:`ExtraPopulation`, latent scores on the focal model's scale)
-------------------------------------------------------------------------------------------
Meaningful work, work design and sustainable-work conditions are *concurrent* constructs: at
each wave ``x_t = sum_k w_k * focal_k,t + p + u_t`` with a stable person part ``p`` and an
occasion part ``u_t`` (independent normals). They relate to the focal constructs but do not
feed back into them. Defaults (each total variance about 1 at wave 1):

* ``meaning``: 0.30 resilience + 0.30 career commitment + 0.15 individual crafting, stable
  variance 0.35, occasion variance 0.30 (correlation about .40 with resilience and with
  commitment, in the range meta-analyses report for meaningful work and commitment).
* ``workdesign``: 0.35 individual + 0.15 collaborative crafting, 0.50 stable, 0.35 occasion
  (autonomy and variety go with crafting).
* ``sustain``: 0.25 commitment + 0.15 resilience, 0.50 stable, 0.40 occasion.

Community participation ``c_t = 0.45 * ccraft_t + p + u_t`` (stable variance 0.45, occasion
variance 0.35): more collaborative crafting goes with more community participation
(correlation about .45). Forum use is ``f_t = c_t + v_t (+ the forum arm's shift)`` with a
forum-specific occasion part ``v_t`` (variance 0.25). The occasion parts of forum use,
``h_t = u_t + v_t``, raise resilience at the next wave: the focal model's resilience innovation
is ``e_{t+1} = g * h_t + e*_{t+1}`` with ``g = forums_to_resil = 0.25``. Because ``h_t`` is drawn
*given* the innovation the focal model already drew (the exact conditional normal of that
decomposition), the focal scores keep their distribution and their seeded values, and the
joint distribution is the one of the model in which forum use causes later resilience. An
intervention arm that raises forum use by ``delta`` (``arm_forums_effect``) from the wave
after ``intervention_after`` on therefore raises resilience one wave later by ``g * delta``
(carried on by resilience's stability, and to career commitment through ``b``).

Item answers follow the focal items' model (one factor per instrument, standardized by the
population SD, loadings ``loadings``, normal thresholds shifted per item); community items
use forum use for the forum items and ``c_t`` for the others, with thresholds shifted up by
``frequency_shift`` = 0.6 (most gig workers use communities rarely). Each participant's
platforms do not offer each platform-support item with probability ``not_offered`` = 0.15
(answer 98, stable over waves). Careless participants answer these pages as they answer the
focal ones.

Profile (wave 1 only): platform types yes with probabilities delivery .30, rides .15, home .10,
microtasks .40, freelance .45, other .10 (at least one yes); weekly hours lognormal with median
18 (1 to 100; 8 % leave it empty); tenure bands .15/.15/.30/.25/.15; income share
.35/.25/.15/.14/.06; countries weighted towards the large online-labour countries; age bands
.20/.38/.22/.12/.06/.02; gender woman .42, man .52, non-binary .03, self-described .03; "prefer
not to say" (99) on income, country, age and gender with probability .04, .02, .03, .05.

Attention checks (every check at every wave): attentive participants give the expected answer
except for a slip with probability ``attn_slip`` = 0.02 (then a uniform answer); random
responders and speeders answer uniformly; straight-liners give the answer they straight-lined
on the individual-crafting page of the wave.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from craftwave.instruments.errors import DataError
from craftwave.instruments.names import item_var

EXTRA_INSTRUMENTS = ("meaning", "community", "workdesign", "sustain", "profile", "attn")
LATENT_EXTRAS = ("meaning", "community", "workdesign", "sustain")


@dataclass(frozen=True)
class Concurrent:
    """A construct drawn at each wave from the focal constructs of the same wave."""

    on: tuple[tuple[str, float], ...]
    stable_var: float
    occasion_var: float


@dataclass(frozen=True)
class ExtraPopulation:
    """Population values of the instruments drawn beyond the focal model (see module notes)."""

    meaning: Concurrent = Concurrent((("resil", 0.30), ("ccommit", 0.30), ("icraft", 0.15)),
                                     0.35, 0.30)
    workdesign: Concurrent = Concurrent((("icraft", 0.35), ("ccraft", 0.15)), 0.50, 0.35)
    sustain: Concurrent = Concurrent((("ccommit", 0.25), ("resil", 0.15)), 0.50, 0.40)
    community_on_ccraft: float = 0.45
    community_stable_var: float = 0.45
    community_occasion_var: float = 0.35
    forums_specific_var: float = 0.25
    forums_to_resil: float = 0.25
    frequency_shift: float = 0.6
    not_offered: float = 0.15
    attn_slip: float = 0.02


def _wave1_var(weights: dict[str, float], constructs: list[str], corr: np.ndarray) -> float:
    b = np.array([weights.get(c, 0.0) for c in constructs])
    return float(b @ corr @ b)


def extra_latent(pop: ExtraPopulation, focal: Any, eta: np.ndarray, wanted: Sequence[str],
                 rng: np.random.Generator, treated: np.ndarray | None = None,
                 forums_effect: float = 0.0, after: int = 1) -> dict[str, np.ndarray]:
    """Latent scores of the extra constructs, ``{name: (n, waves)}``, and the forum arm's
    effect on later resilience and commitment, applied to ``eta`` in place.

    ``eta`` is the focal model's ``(n, 4, waves)`` array (``focal`` its FocalPopulation).
    Returns, besides each wanted construct, its population SD at wave 1 under ``"{name}_sd"``
    and, with community, forum use ``"community_forums"`` (and its SD).
    """
    n, k, waves = eta.shape
    cons = list(focal.constructs)
    corr = np.full((k, k), focal.r_other)
    corr[0, 1] = corr[1, 0] = focal.r_crafting
    np.fill_diagonal(corr, 1.0)
    out: dict[str, np.ndarray] = {}
    if "community" in wanted:
        ic, cc, rs, cm = (eta[:, j, :] for j in range(4))
        s2 = 1.0 - focal.ar_resil**2
        g = pop.forums_to_resil
        su, sv = pop.community_occasion_var, pop.forums_specific_var
        sh = su + sv
        if g**2 * sh >= s2:
            raise DataError(f"forums_to_resil = {g} explains more than resilience's innovation "
                            f"variance {s2:.3f}; lower it")
        h = np.empty((n, waves))
        for t in range(waves - 1):  # h_t given the innovation of resilience at t + 1
            e = rs[:, t + 1] - (focal.ar_resil * rs[:, t] + focal.a1 * ic[:, t]
                                + focal.a2 * cc[:, t] + focal.a3 * ic[:, t] * cc[:, t])
            h[:, t] = g * sh / s2 * e + np.sqrt(sh - g**2 * sh**2 / s2) * rng.standard_normal(n)
        h[:, -1] = np.sqrt(sh) * rng.standard_normal(n)
        u = su / sh * h + np.sqrt(su * sv / sh) * rng.standard_normal((n, waves))
        v = h - u
        p = np.sqrt(pop.community_stable_var) * rng.standard_normal(n)
        comm = pop.community_on_ccraft * cc + p[:, None] + u
        shift = np.zeros((n, waves))
        if treated is not None and forums_effect:
            shift = forums_effect * treated[:, None] * (np.arange(1, waves + 1) > after)[None, :]
        out["community"] = comm
        out["community_forums"] = comm + v + shift
        var_c = pop.community_on_ccraft**2 + pop.community_stable_var + su
        out["community_sd"] = np.sqrt(var_c)
        out["community_forums_sd"] = np.sqrt(var_c + sv)
        if shift.any():  # forum use raised by the arm raises resilience one wave later
            d_rs = np.zeros(n)
            d_cm = np.zeros(n)
            for t in range(1, waves):
                d_rs, d_cm = (focal.ar_resil * d_rs + g * shift[:, t - 1],
                              focal.ar_ccommit * d_cm + focal.b * d_rs)
                eta[:, cons.index("resil"), t] += d_rs
                eta[:, cons.index("ccommit"), t] += d_cm
    for name in ("meaning", "workdesign", "sustain"):
        if name not in wanted:
            continue
        spec: Concurrent = getattr(pop, name)
        weights = dict(spec.on)
        unknown = set(weights) - set(cons)
        if unknown:
            raise DataError(f"{name}: no focal construct(s) {sorted(unknown)}")
        mean = sum(w * eta[:, cons.index(c), :] for c, w in weights.items())
        p = np.sqrt(spec.stable_var) * rng.standard_normal(n)
        u = np.sqrt(spec.occasion_var) * rng.standard_normal((n, waves))
        out[name] = mean + p[:, None] + u
        out[f"{name}_sd"] = np.sqrt(_wave1_var(weights, cons, corr) + spec.stable_var
                                    + spec.occasion_var)
    return out


def profile_answers(n: int, rng: np.random.Generator) -> pd.DataFrame:
    """Wave-1 answers to the profile questions (see the module notes for the probabilities)."""
    cols: dict[str, np.ndarray] = {}
    yes = {"delivery": 0.30, "rides": 0.15, "home": 0.10, "micro": 0.40, "freelance": 0.45,
           "other": 0.10}
    draws = rng.random((n, len(yes))) < np.array(list(yes.values()))
    none = ~draws.any(axis=1)
    draws[np.flatnonzero(none), rng.integers(0, len(yes), int(none.sum()))] = True
    for j, key in enumerate(yes):
        cols[item_var("profile", f"platform_{key}", 1)] = draws[:, j].astype(float)
    hours = np.clip(np.rint(rng.lognormal(np.log(18.0), 0.6, n)), 1, 100)
    cols[item_var("profile", "hours", 1)] = np.where(rng.random(n) < 0.08, np.nan, hours)

    def pick(values: list[int], probs: list[float], refuse: float = 0.0) -> np.ndarray:
        x = np.asarray(values, float)[rng.choice(len(values), n, p=np.asarray(probs) / sum(probs))]
        return np.where(rng.random(n) < refuse, 99.0, x)

    cols[item_var("profile", "tenure", 1)] = pick([1, 2, 3, 4, 5], [.15, .15, .30, .25, .15])
    cols[item_var("profile", "income_share", 1)] = pick([1, 2, 3, 4, 5],
                                                        [.35, .25, .15, .14, .06], 0.04)
    countries = list(range(1, 17)) + [90]
    weights = [6, 4, 3, 3, 14, 4, 5, 3, 5, 7, 9, 2, 3, 2, 9, 14, 7]
    cols[item_var("profile", "country", 1)] = pick(countries, weights, 0.02)
    cols[item_var("profile", "age", 1)] = pick([1, 2, 3, 4, 5, 6],
                                               [.20, .38, .22, .12, .06, .02], 0.03)
    cols[item_var("profile", "gender", 1)] = pick([1, 2, 3, 4], [.42, .52, .03, .03], 0.05)
    return pd.DataFrame(cols)


def attention_answers(inst: Any, wave: int, kind: np.ndarray, straight: np.ndarray,
                      slip: float, rng: np.random.Generator) -> pd.DataFrame:
    """Answers to every attention check of ``inst`` at one wave.

    ``straight`` holds each straight-liner's answer on the individual-crafting page of the
    wave (NaN where unknown: then a uniform answer).
    """
    n = kind.size
    cols = {}
    for check in inst.attention_checks:
        values = np.asarray(inst.scale_of(check).substantive_values, float)
        uniform = values[rng.integers(0, len(values), n)]
        noisy = (kind == "random") | (kind == "speeder") | (rng.random(n) < slip)
        x = np.where(noisy, uniform, float(check.expected))
        is_straight = kind == "straightliner"
        x = np.where(is_straight, np.where(np.isnan(straight), uniform, straight), x)
        cols[item_var(inst.prefix, check.id, wave)] = x
    return pd.DataFrame(cols)
