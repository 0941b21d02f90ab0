"""Simulated multi-wave panels: item-level answers from a population model.

:func:`simulate` draws latent construct scores wave by wave from one of two population
models, turns them into answers on the bundled instruments' response scales (one factor per
construct, item loadings and thresholds, reverse keys honoured), scores them with the
instruments' own scoring rules, and then lets participants drop out between waves and some
answer carelessly. Everything comes from one seeded :class:`numpy.random.Generator`, so the
same arguments and seed give the same panel, row for row.

Population models
-----------------
``"focal"`` (:class:`FocalPopulation`): individual crafting (``icraft``), collaborative
crafting (``ccraft``), resilience (``resil``) and career commitment (``ccommit``). At each wave
after the first::

    resil_t   = ar_resil * resil_{t-1} + a1 * icraft_{t-1} + a2 * ccraft_{t-1}
                + a3 * icraft_{t-1} * ccraft_{t-1} + e
    ccommit_t = ar_ccommit * ccommit_{t-1} + b * resil_{t-1} + e
    icraft_t  = ar_icraft * icraft_{t-1} + e,   ccraft_t = ar_ccraft * ccraft_{t-1} + e

with a negative ``a3``: collaborative crafting matters most when individual crafting is low.
Innovations have variance ``1 - ar**2`` (wave-1 scores are standard normal), so the regression
of the focal model on the latent scores has exactly the population values as its coefficients.

``"riclpm"`` (:class:`RICLPMPopulation`): two constructs, each a stable random intercept plus
within-person deviations that follow a cross-lagged VAR(1) (Hamaker et al., 2015).

Other instruments
-----------------
``extra=[...]`` (or ``"all"``) also answers meaningful work, community participation and
platform support, work design, sustainable-work conditions, the gig-work profile and the
attention checks, so that every question of the demo study has an answer; an intervention arm
can raise forum use and, through it, later resilience (``arm_forums_effect``). Their population
values and how they are drawn are documented in :mod:`craftwave.analysis.simulate_extra`; asking for
them changes none of the other columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.simulate_extra import (
    EXTRA_INSTRUMENTS,
    LATENT_EXTRAS,
    ExtraPopulation,
    attention_answers,
    extra_latent,
    profile_answers,
)
from craftwave.instruments.errors import DataError
from craftwave.instruments.names import item_var, with_wave

CARELESS_TYPES = ("straightliner", "random", "speeder")


@dataclass(frozen=True)
class FocalPopulation:
    """Population values of the focal model (latent scores on a standard-normal scale)."""

    a1: float = 0.30
    a2: float = 0.15
    a3: float = -0.15
    b: float = 0.35
    ar_resil: float = 0.50
    ar_ccommit: float = 0.50
    ar_icraft: float = 0.60
    ar_ccraft: float = 0.60
    r_crafting: float = 0.30
    r_other: float = 0.20

    constructs: tuple[str, ...] = ("icraft", "ccraft", "resil", "ccommit")


@dataclass(frozen=True)
class RICLPMPopulation:
    """Population values of a two-construct RI-CLPM.

    ``lagged[i][j]`` is the effect of construct ``j`` at wave ``t - 1`` on construct ``i`` at
    wave ``t`` among the within-person components.
    """

    constructs: tuple[str, str] = ("icraft", "resil")
    ri_var: tuple[float, float] = (0.50, 0.40)
    ri_cov: float = 0.20
    w1_var: tuple[float, float] = (0.60, 0.50)
    w1_cov: float = 0.18
    lagged: tuple[tuple[float, float], tuple[float, float]] = ((0.45, 0.10), (0.20, 0.35))
    innov_var: tuple[float, float] = (0.45, 0.38)
    innov_cov: float = 0.10


@dataclass(frozen=True)
class SimulatedPanel:
    """What :func:`simulate` returns.

    Attributes
    ----------
    wide : DataFrame
        One row per participant: ``participant_id``, ``arm`` (if arms), ``last_wave``,
        ``sim_careless`` (the simulated truth: ``""`` or a careless type), item answers
        ``{prefix}_{item}_w{t}``, scores ``{prefix}_{subscale}_w{t}`` and ``{prefix}_w{t}``,
        page times ``pagetime_{prefix}_w{t}`` (seconds). Dropouts are missing from their
        first missed wave on.
    long : DataFrame
        One row per participant and completed wave: ``participant_id``, ``wave``, ``arm``,
        the scale scores without the wave suffix, and the page times.
    latent : DataFrame
        ``participant_id`` and the true construct scores ``{construct}_w{t}``, with the same
        missingness as the answers (with ``extra``: also ``meaning``, ``community``,
        ``community_forums`` (forum use), ``workdesign``, ``sustain``).
    truth : dict
        The population model, its values and the simulation settings.
    """

    wide: pd.DataFrame
    long: pd.DataFrame
    latent: pd.DataFrame
    truth: dict[str, Any] = field(default_factory=dict)

    def answers_long(self) -> pd.DataFrame:
        """Item answers one per row, the shape the survey app stores and exports.

        Columns ``participant_id, wave, instrument_id, item_id, value``, only for waves a
        participant took part in; use it to drive simulated participants through the app.
        """
        lib = _library()
        rows = []
        for col in self.wide.columns:
            parts = col.rsplit("_w", 1)
            prefix = col.split("_", 1)[0]
            if len(parts) != 2 or prefix not in lib or not parts[1].isdigit():
                continue
            item_id = parts[0][len(prefix) + 1:]
            if item_id not in lib[prefix].items_by_id and item_id not in {
                    c.id for c in lib[prefix].attention_checks}:
                continue
            vals = self.wide[col]
            ok = vals.notna().to_numpy()
            rows.append(pd.DataFrame({
                "participant_id": self.wide["participant_id"].to_numpy()[ok],
                "wave": int(parts[1]), "instrument_id": lib[prefix].id, "item_id": item_id,
                "value": vals.to_numpy()[ok].astype(int)}))
        if not rows:
            return pd.DataFrame(columns=["participant_id", "wave", "instrument_id", "item_id",
                                         "value"])
        return pd.concat(rows, ignore_index=True).sort_values(
            ["participant_id", "wave", "instrument_id"], kind="stable", ignore_index=True)


def _rng(seed: int | np.random.Generator | None) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(seed)


def _mvn(rng: np.random.Generator, cov: np.ndarray, size: tuple[int, ...]) -> np.ndarray:
    chol = np.linalg.cholesky(np.asarray(cov, float))
    return rng.standard_normal((*size, chol.shape[0])) @ chol.T


def focal_latent(pop: FocalPopulation, n: int, waves: int, rng: np.random.Generator,
                 shape: tuple[int, ...] = (), icraft_shift: np.ndarray | None = None) -> np.ndarray:
    """Latent scores of the focal model, array ``(*shape, n, 4, waves)`` (construct order of
    ``pop.constructs``). ``icraft_shift`` (broadcastable to ``(*shape, n, waves)``) is added to
    individual crafting at each wave (an intervention effect)."""
    k = 4
    corr = np.full((k, k), pop.r_other)
    corr[0, 1] = corr[1, 0] = pop.r_crafting
    np.fill_diagonal(corr, 1.0)
    eta = np.empty((*shape, n, k, waves))
    eta[..., 0] = _mvn(rng, corr, (*shape, n))
    ars = np.array([pop.ar_icraft, pop.ar_ccraft, pop.ar_resil, pop.ar_ccommit])
    sd = np.sqrt(1.0 - ars**2)
    for t in range(1, waves):
        prev = eta[..., t - 1]
        if icraft_shift is not None:
            prev = prev.copy()
        e = rng.standard_normal((*shape, n, k)) * sd
        ic, cc, rs, cm = (prev[..., j] for j in range(k))
        eta[..., 0, t] = pop.ar_icraft * ic + e[..., 0]
        eta[..., 1, t] = pop.ar_ccraft * cc + e[..., 1]
        eta[..., 2, t] = (pop.ar_resil * rs + pop.a1 * ic + pop.a2 * cc + pop.a3 * ic * cc
                          + e[..., 2])
        eta[..., 3, t] = pop.ar_ccommit * cm + pop.b * rs + e[..., 3]
        if icraft_shift is not None:
            eta[..., 0, t] += np.broadcast_to(icraft_shift, (*shape, n, waves))[..., t]
    return eta


def riclpm_latent(pop: RICLPMPopulation, n: int, waves: int, rng: np.random.Generator,
                  shape: tuple[int, ...] = ()) -> np.ndarray:
    """Scores of the RI-CLPM population, array ``(*shape, n, 2, waves)`` (mean zero)."""
    ri_cov = np.array([[pop.ri_var[0], pop.ri_cov], [pop.ri_cov, pop.ri_var[1]]])
    # no stable differences at all (ri_var = 0): a plain cross-lagged panel population (CLPM)
    ri = _mvn(rng, ri_cov, (*shape, n)) if ri_cov.any() else np.zeros((*shape, n, 2))
    innov = [[pop.innov_var[0], pop.innov_cov], [pop.innov_cov, pop.innov_var[1]]]
    B = np.asarray(pop.lagged, float)
    w = np.empty((*shape, n, 2, waves))
    w[..., 0] = _mvn(rng, [[pop.w1_var[0], pop.w1_cov], [pop.w1_cov, pop.w1_var[1]]], (*shape, n))
    for t in range(1, waves):
        w[..., t] = w[..., t - 1] @ B.T + _mvn(rng, innov, (*shape, n))
    return w + ri[..., None]


def dropout_waves(n: int, waves: int, attrition: float | Sequence[float], rng: np.random.Generator,
                  driver: np.ndarray | None = None, mar: float = 0.0) -> np.ndarray:
    """Last wave each participant completes (monotone attrition).

    ``attrition[k]`` is the share of those still in the panel at wave ``k + 1`` who miss wave
    ``k + 2`` and every later one. With ``mar != 0`` the log-odds of dropping out fall by ``mar``
    per unit of ``driver[:, k]`` (a score at the last completed wave): missing at random.
    """
    rates = np.broadcast_to(np.asarray(attrition, float), (waves - 1,))
    if np.any((rates < 0) | (rates >= 1)):
        raise DataError(f"attrition rates must lie in [0, 1); got {list(rates)}")
    last = np.full(n, waves)
    for k, p in enumerate(rates):
        if p == 0:
            continue
        logit = np.log(p / (1 - p))
        if mar and driver is not None:
            logit = logit - mar * driver[:, k]
        prob = 1.0 / (1.0 + np.exp(-logit))
        drop = (last == waves) & (rng.random(n) < prob)
        last[drop] = k + 1
    return last


@lru_cache(maxsize=1)
def _library() -> dict[str, Any]:
    from craftwave.instruments.loader import load_library

    return {inst.prefix: inst for inst in load_library().values()}


def _item_answers(prefix: str, eta: np.ndarray, wave: int, rng: np.random.Generator,
                  item_params: dict[str, tuple[float, float]],
                  eta_of: dict[str, np.ndarray] | None = None) -> tuple[pd.DataFrame, Any]:
    """Answers of every participant to one instrument at one wave (continuous factor model,
    cut at thresholds; reverse-keyed items load negatively). ``eta_of`` maps a subscale to
    the scores its items measure instead of ``eta``."""
    inst = _library().get(prefix)
    if inst is None or inst.scoring is None:
        raise DataError(f"simulate: no bundled instrument with prefix {prefix!r} to draw items from")
    n = eta.shape[0]
    cols = {}
    for item in inst.scored_items:
        scale = inst.scale_of(item)
        values = np.asarray(scale.substantive_values, float)
        lam, delta = item_params[item.id]
        sign = -1.0 if inst.is_reversed(item.id) else 1.0
        if eta_of and item.subscale in eta_of:
            z_eta = eta_of[item.subscale]
        else:
            z_eta = eta
        z = sign * lam * z_eta + np.sqrt(1 - lam**2) * rng.standard_normal(n)
        cuts = stats.norm.ppf(np.arange(1, len(values)) / len(values)) + delta
        cols[item_var(prefix, item.id, wave)] = values[np.searchsorted(cuts, z)]
    return pd.DataFrame(cols), inst


def simulate(
    n: int = 500,
    waves: int = 3,
    *,
    model: Literal["focal", "riclpm"] = "focal",
    population: FocalPopulation | RICLPMPopulation | None = None,
    attrition: float | Sequence[float] = 0.0,
    attrition_mar: float = 0.0,
    careless: float = 0.0,
    careless_types: Sequence[str] = CARELESS_TYPES,
    arms: Sequence[str] | None = None,
    arm_effect: float = 0.0,
    intervention_after: int = 1,
    items: bool = True,
    loadings: tuple[float, float] = (0.65, 0.85),
    seed: int | np.random.Generator | None = 0,
    extra: Sequence[str] | Literal["all"] = (),
    extra_population: ExtraPopulation | None = None,
    arm_forums_effect: float = 0.0,
) -> SimulatedPanel:
    """Simulate a multi-wave panel of item-level survey answers.

    Parameters
    ----------
    n : int
        Participants at wave 1.
    waves : int
        Number of waves (at least 2; the focal model needs 3).
    model : {"focal", "riclpm"}
        The population model (see the module notes).
    population : FocalPopulation or RICLPMPopulation, optional
        Population values; defaults to the class defaults of ``model``.
    attrition : float or sequence of float
        Share dropping out before each later wave (one value for all, or one per transition).
    attrition_mar : float
        Log-odds decrease of dropping out per unit of latent resilience at the last completed
        wave (0: missing completely at random).
    careless : float
        Share of participants who answer carelessly at every wave, split evenly among
        ``careless_types``: ``"straightliner"`` (one answer for a whole page, fast),
        ``"random"`` (uniform answers, normal speed), ``"speeder"`` (uniform answers, about a
        second per item).
    arms : sequence of str, optional
        Intervention arms (first = control), assigned with equal probability.
    arm_effect : float
        Added to latent individual crafting from wave ``intervention_after + 1`` on in every
        arm but the first (focal model only).
    items : bool, default True
        Draw item answers and score them. With ``False`` the scale scores are the latent scores
        themselves (fast; used by :mod:`craftwave.analysis.power`).
    loadings : (float, float)
        Item loadings are drawn uniformly from this range (once per item, shared by waves).
    seed : int or Generator
        Seed of the one random generator used for everything.
    extra : sequence of str or "all"
        Further bundled instruments to answer (focal model only for the first four):
        ``"meaning"``, ``"community"``, ``"workdesign"``, ``"sustain"``, ``"profile"`` (wave 1)
        and ``"attn"`` (every attention check at every wave); ``"all"`` for all of them
        (with ``model="riclpm"``: the profile and the attention checks). Their
        population model is in :mod:`craftwave.analysis.simulate_extra`; they are drawn from a child
        generator, so every other column is the same as without them.
    extra_population : ExtraPopulation, optional
        Population values of the extras (default :class:`ExtraPopulation`).
    arm_forums_effect : float
        Added to latent forum use (``community``'s forum items) from wave
        ``intervention_after + 1`` on in every arm but the first; through forum use it raises
        resilience one wave later by ``extra_population.forums_to_resil`` times as much (and
        career commitment after that). Needs ``arms`` and ``"community"`` in ``extra``.

    Returns
    -------
    SimulatedPanel

    Examples
    --------
    >>> sim = simulate(n=50, waves=3, attrition=0.2, careless=0.1, seed=1)
    >>> sim.wide.filter(regex="^icraft_w").columns.tolist()
    ['icraft_w1', 'icraft_w2', 'icraft_w3']
    """
    rng = _rng(seed)
    if not isinstance(n, (int, np.integer)) or n < 2:
        raise DataError(f"n must be an integer of at least 2; got {n!r}")
    if model not in ("focal", "riclpm"):
        raise DataError(f"model must be 'focal' or 'riclpm'; got {model!r}")
    if waves < (3 if model == "focal" else 2):
        raise DataError(f"the {model} model needs more waves; got {waves}")
    if not 0 <= careless < 1:
        raise DataError(f"careless must be a share in [0, 1); got {careless}")
    unknown = set(careless_types) - set(CARELESS_TYPES)
    if unknown:
        raise DataError(f"unknown careless types {sorted(unknown)}; known: {CARELESS_TYPES}")

    extra = _check_extra(extra, model, arms, arm_forums_effect)
    xpop = extra_population or ExtraPopulation()
    # the extras' draws: a child generator (spawning leaves the parent's stream untouched)
    xrng = _child(rng) if extra else None
    xlat: dict[str, Any] = {}

    ids = [f"sim{i + 1:05d}" for i in range(n)]
    arm = None
    if arms:
        arm = np.asarray(arms, dtype=object)[rng.integers(0, len(arms), n)]
    if model == "focal":
        pop = population or FocalPopulation()
        shift = None
        if arm is not None and arm_effect:
            treated = (arm != arms[0]).astype(float)[:, None]
            shift = treated * arm_effect * (np.arange(1, waves + 1) > intervention_after)[None, :]
        eta = focal_latent(pop, n, waves, rng, icraft_shift=shift)
        if set(extra) & set(LATENT_EXTRAS):
            treated = None if arm is None else (arm != arms[0]).astype(float)
            xlat = extra_latent(xpop, pop, eta, extra, xrng, treated, arm_forums_effect,
                                intervention_after)
        driver = eta[:, pop.constructs.index("resil"), :]
    else:
        pop = population or RICLPMPopulation()
        eta = riclpm_latent(pop, n, waves, rng)
        driver = eta[:, list(pop.constructs).index("resil"), :] if "resil" in pop.constructs \
            else eta[:, 1, :]
    constructs = list(pop.constructs)
    last = dropout_waves(n, waves, attrition, rng, driver=driver, mar=attrition_mar)

    kind = np.full(n, "", dtype=object)
    if careless > 0 and careless_types:
        chosen = rng.random(n) < careless
        kind[chosen] = np.asarray(careless_types, dtype=object)[
            rng.integers(0, len(careless_types), int(chosen.sum()))]

    head = {"participant_id": ids}
    if arm is not None:
        head["arm"] = arm
    head["last_wave"] = last
    head["sim_careless"] = kind
    blocks = [pd.DataFrame(head)]
    latent = pd.DataFrame({"participant_id": ids})
    item_params: dict[str, dict[str, tuple[float, float]]] = {}
    for t in range(1, waves + 1):
        present = last >= t
        for j, c in enumerate(constructs):
            latent[with_wave(c, t)] = np.where(present, eta[:, j, t - 1], np.nan)
            if not items:
                blocks.append(pd.DataFrame({with_wave(c, t): latent[with_wave(c, t)]}))
                continue
            if c not in item_params:
                inst = _library().get(c)
                if inst is None:
                    raise DataError(f"simulate: no bundled instrument with prefix {c!r}")
                item_params[c] = {it.id: (float(rng.uniform(*loadings)), float(rng.normal(0, 0.3)))
                                  for it in inst.scored_items}
            answers, inst = _item_answers(c, eta[:, j, t - 1], t, rng, item_params[c])
            _careless_answers(answers, inst, kind, rng)
            answers = answers.where(np.repeat(present[:, None], answers.shape[1], axis=1))
            from craftwave.instruments.scoring import score

            blocks += [answers, score(answers, inst, wave=t)]
            blocks.append(pd.DataFrame({f"pagetime_{c}_w{t}": np.where(
                present, _page_times(answers.shape[1], kind, rng), np.nan)}))
    wide = pd.concat(blocks, axis=1)
    extra_scores: list[str] = []
    if extra:
        xblocks, extra_scores = _extra_blocks(extra, xlat, wide, latent, kind, last, waves,
                                              items, loadings, xpop, xrng, item_params)
        wide = pd.concat([wide, *xblocks], axis=1)
    long = _long_form(wide, constructs, waves, items, extra_scores)
    truth = {"model": model, "population": asdict(pop), "n": n, "waves": waves,
             "attrition": list(np.broadcast_to(np.asarray(attrition, float), (waves - 1,))),
             "attrition_mar": attrition_mar, "careless": careless, "arms": list(arms or []),
             "arm_effect": arm_effect, "intervention_after": intervention_after,
             "item_parameters": {c: {k: {"loading": v[0], "threshold_shift": v[1]}
                                     for k, v in p.items()} for c, p in item_params.items()}}
    if extra:
        truth.update({"extra": list(extra), "extra_population": asdict(xpop),
                      "arm_forums_effect": arm_forums_effect})
    return SimulatedPanel(wide, long, latent, truth)


def _careless_answers(answers: pd.DataFrame, inst: Any, kind: np.ndarray,
                      rng: np.random.Generator) -> None:
    """Overwrite the answers of careless participants in place."""
    cols = list(answers.columns)
    values = np.asarray(inst.scale_of(inst.scored_items[0]).substantive_values, float)
    straight = np.flatnonzero(kind == "straightliner")
    if straight.size:
        pick = values[rng.integers(0, len(values), straight.size)]
        answers.iloc[straight, :] = np.repeat(pick[:, None], len(cols), axis=1)
    noisy = np.flatnonzero((kind == "random") | (kind == "speeder"))
    if noisy.size:
        answers.iloc[noisy, :] = values[rng.integers(0, len(values), (noisy.size, len(cols)))]


def _page_times(n_items: int, kind: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Seconds spent on a page: about 4 s per item, 2 s for straight-liners, 1 s for speeders."""
    per_item = np.where(kind == "speeder", 1.0, np.where(kind == "straightliner", 2.0, 4.0))
    return np.round(n_items * per_item * rng.lognormal(0.0, 0.3, kind.size), 1)


def _long_form(wide: pd.DataFrame, constructs: list[str], waves: int, items: bool,
               extra_scores: Sequence[str] = ()) -> pd.DataFrame:
    rows = []
    keep = ["participant_id"] + (["arm"] if "arm" in wide.columns else [])
    for t in range(1, waves + 1):
        part = wide[keep].copy()
        part.insert(1, "wave", t)
        for c in constructs:
            part[c] = wide[with_wave(c, t)]
            if items:
                part[f"pagetime_{c}"] = wide[f"pagetime_{c}_w{t}"]
        for c in extra_scores:
            part[c] = wide[with_wave(c, t)] if with_wave(c, t) in wide.columns else np.nan
        rows.append(part[wide["last_wave"] >= t])
    return pd.concat(rows, ignore_index=True).sort_values(
        ["participant_id", "wave"], kind="stable").reset_index(drop=True)


def _child(rng: np.random.Generator) -> np.random.Generator:
    """A generator independent of ``rng`` that does not advance ``rng``'s stream."""
    try:
        return rng.spawn(1)[0]
    except (TypeError, ValueError):  # a generator built without a seed sequence: its state
        import hashlib

        digest = hashlib.sha256(repr(rng.bit_generator.state).encode()).digest()
        return np.random.default_rng(int.from_bytes(digest[:16], "little"))


def _check_extra(extra: Sequence[str] | str, model: str, arms: Sequence[str] | None,
                 arm_forums_effect: float) -> tuple[str, ...]:
    if isinstance(extra, str):
        if extra != "all":
            raise DataError(f"extra must be a list of instruments or 'all'; got {extra!r}")
        extra = EXTRA_INSTRUMENTS if model == "focal" else ("profile", "attn")
    unknown = set(extra) - set(EXTRA_INSTRUMENTS)
    if unknown:
        raise DataError(f"simulate: no extra instrument(s) {sorted(unknown)}; known: "
                        f"{list(EXTRA_INSTRUMENTS)}")
    latent = set(extra) & set(LATENT_EXTRAS)
    if latent and model != "focal":
        raise DataError(f"simulate: {sorted(latent)} are drawn from the focal model's "
                        "constructs; use model='focal'")
    if arm_forums_effect and not (arms and "community" in extra):
        raise DataError("arm_forums_effect acts through forum use: it needs arms and "
                        "'community' in extra")
    return tuple(e for e in EXTRA_INSTRUMENTS if e in extra)


def _extra_blocks(extra: tuple[str, ...], xlat: dict[str, Any], wide: pd.DataFrame,
                  latent: pd.DataFrame, kind: np.ndarray, last: np.ndarray, waves: int,
                  items: bool, loadings: tuple[float, float], xpop: ExtraPopulation,
                  rng: np.random.Generator, item_params: dict[str, dict[str, tuple[float, float]]],
                  ) -> tuple[list[pd.DataFrame], list[str]]:
    """Answers, scores and page times of the extra instruments (and their latent scores,
    added to ``latent`` in place); returns the blocks and the score names for the long form."""
    from craftwave.instruments.scoring import score, score_columns

    lib = _library()
    n = len(wide)
    blocks: list[pd.DataFrame] = []
    score_names: list[str] = []
    for name in extra:
        inst = lib[name]
        if name == "profile":
            blocks.append(profile_answers(n, rng))
            blocks.append(pd.DataFrame({"pagetime_profile_w1": _page_times(
                len(inst.items), kind, rng)}))
            continue
        if name == "attn":
            first = lib["icraft"].scored_items[0].id
            for t in range(1, waves + 1):
                col = item_var("icraft", first, t)
                straight = wide[col].to_numpy(float) if col in wide else np.full(n, np.nan)
                ans = attention_answers(inst, t, kind, straight, xpop.attn_slip, rng)
                blocks.append(ans.where(np.repeat((last >= t)[:, None], ans.shape[1], axis=1)))
            continue
        keys = [name, "community_forums"] if name == "community" else [name]
        for t in range(1, waves + 1):
            present = last >= t
            for key in keys:
                latent[with_wave(key, t)] = np.where(present, xlat[key][:, t - 1], np.nan)
        if not items:
            for t in range(1, waves + 1):
                blocks.append(pd.DataFrame({with_wave(name, t): latent[with_wave(name, t)]}))
            score_names.append(name)
            continue
        shift = xpop.frequency_shift if name == "community" else 0.0
        item_params[name] = {it.id: (float(rng.uniform(*loadings)),
                                     float(rng.normal(shift, 0.3))) for it in inst.scored_items}
        offered = None
        if name == "community":
            offered = {it.id: rng.random(n) >= xpop.not_offered for it in inst.scored_items
                       if inst.scale_of(it).missing_values}
        score_names += [c for c, _ in score_columns(inst, None)]
        for t in range(1, waves + 1):
            present = last >= t
            z = xlat[name][:, t - 1] / xlat[f"{name}_sd"]
            eta_of = None
            if name == "community":
                eta_of = {"forums": xlat["community_forums"][:, t - 1]
                          / xlat["community_forums_sd"]}
            answers, _ = _item_answers(name, z, t, rng, item_params[name], eta_of)
            _careless_answers(answers, inst, kind, rng)
            for item_id, ok in (offered or {}).items():
                col = item_var(name, item_id, t)
                code = float(inst.scale_of(inst.items_by_id[item_id]).missing_values[0])
                answers[col] = np.where(ok, answers[col].to_numpy(float), code)
            answers = answers.where(np.repeat(present[:, None], answers.shape[1], axis=1))
            blocks += [answers, score(answers, inst, wave=t)]
            blocks.append(pd.DataFrame({f"pagetime_{name}_w{t}": np.where(
                present, _page_times(answers.shape[1], kind, rng), np.nan)}))
    return blocks, score_names
