"""Monte Carlo power for the focal model and the RI-CLPM.

For each sample size ``n`` (participants at wave 1) the population model is simulated
``reps`` times, participants drop out between waves at the given rates (missing completely at
random), the model is fitted, and per parameter the table reports the mean estimate, bias,
the empirical SD against the mean standard error, power (share of replications with
``p < alpha``) and the coverage of the Wald confidence interval.

Fast by design: the data are drawn with batched NumPy (:mod:`craftwave.analysis.simulate`); the model is
compiled once per worker by the SEM engine and each replication is fitted from its sample
moments (complete data) or missing-data patterns (FIML), warm-started from the estimate of a
large pilot sample; standard errors come from the expected information (complete data) or the
observed information (FIML), as lavaan's defaults do. Replications are spread over processes
with joblib, or over a Dask cluster. Every replication has its own seed
(``SeedSequence(seed, spawn_key=(n, rep))``), so the results do not depend on the number of
workers or on how the replications are split between them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.simulate import (
    FocalPopulation,
    RICLPMPopulation,
    dropout_waves,
    focal_latent,
    riclpm_latent,
    simulate,
)
from craftwave.instruments.errors import ConvergenceWarning, DataError, ModelError

PILOT_N = 20_000


@dataclass(frozen=True)
class PowerSettings:
    """Everything a worker needs to run replications (plain data, so it pickles)."""

    model: Literal["focal", "riclpm"]
    population: tuple[tuple[str, Any], ...]
    waves: int
    attrition: tuple[float, ...]
    alpha: float
    stationary: bool
    measurement: Literal["latent", "items"] = "latent"
    attrition_mar: float = 0.0

    def pop(self) -> FocalPopulation | RICLPMPopulation:
        """The population dataclass."""
        cls = FocalPopulation if self.model == "focal" else RICLPMPopulation
        return cls(**dict(self.population))


def _frozen(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    return value


@dataclass(frozen=True)
class PowerResult:
    """Monte Carlo power: a tidy table and a plot.

    Attributes
    ----------
    table : DataFrame
        One row per sample size and parameter: ``n, parameter, true, mean_est, bias,
        rel_bias, sd_est, mean_se, power, coverage, n_converged, reps``.
    settings : dict
        Model, population values, waves, attrition, alpha, seed, missing-data method.
    """

    table: pd.DataFrame
    settings: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {"settings": self.settings, "power": self.table.to_dict(orient="records")}

    def plot(self, path: str | None = None, parameters: Sequence[str] | None = None):
        """Power curve over ``n``, one line per parameter; saved to ``path`` when given.

        Returns the matplotlib Figure.
        """
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(6.5, 4.2))
        keep = parameters or list(dict.fromkeys(self.table["parameter"]))
        for name in keep:
            part = self.table[self.table["parameter"] == name].sort_values("n")
            ax.plot(part["n"], part["power"], marker="o", label=name)
        ax.axhline(0.8, color="grey", linestyle="--", linewidth=0.8)
        ax.set_ylim(0, 1.02)
        ax.set_xlabel("participants at wave 1")
        ax.set_ylabel(f"power (alpha = {self.settings.get('alpha', 0.05)})")
        ax.set_title(f"Monte Carlo power: {self.settings.get('model')} "
                     f"({self.settings.get('reps')} replications)")
        ax.legend(fontsize=8, frameon=False)
        fig.tight_layout()
        if path is not None:
            fig.savefig(path, dpi=120)
            plt.close(fig)
        return fig


# -- the models and their true values --------------------------------------------------------

def _spec(settings: PowerSettings):
    from craftwave.analysis.panel import focal, riclpm

    if settings.model == "focal":
        return focal(waves=(1, 2, 3))
    pop = settings.pop()
    return riclpm(list(pop.constructs), list(range(1, settings.waves + 1)),
                  stationary=settings.stationary)


def true_values(settings: PowerSettings) -> dict[tuple[str, str, str], float]:
    """The population value of every parameter the power table reports, keyed (lhs, op, rhs)."""
    if settings.model == "focal":
        p = settings.pop()
        x, w, prod, m2, y3 = "icraft_w1", "ccraft_w1", "icraft_w1_x_ccraft_w1", "resil_w2", "ccommit_w3"
        return {(m2, "~", x): p.a1, (m2, "~", w): p.a2, (m2, "~", prod): p.a3,
                (y3, "~", m2): p.b, (y3, "~", x): 0.0, (y3, "~", w): 0.0, (y3, "~", prod): 0.0,
                ("imm", ":=", "a3*b"): p.a3 * p.b}
    p = settings.pop()
    out = {}
    cs = list(p.constructs)
    last = 2 if settings.stationary else settings.waves  # stationary: one parameter per label
    for t in range(2, last + 1):
        for i, c in enumerate(cs):
            for j, o in enumerate(cs):
                out[(f"W_{c}_w{t}", "~", f"W_{o}_w{t - 1}")] = p.lagged[i][j]
    return out


def _draw(settings: PowerSettings, n: int, rng: np.random.Generator,
          ov_names: list[str]) -> np.ndarray:
    """One simulated data matrix (columns in the compiled model's order), with attrition."""
    waves = settings.waves
    if settings.measurement == "items":
        return _draw_items(settings, n, rng, ov_names)
    if settings.model == "focal":
        pop = settings.pop()
        eta = focal_latent(pop, n, waves, rng)
        cols = {f"{c}_w{t + 1}": eta[:, j, t] for j, c in enumerate(pop.constructs)
                for t in range(waves)}
        driver = eta[:, 2, :]
    else:
        pop = settings.pop()
        eta = riclpm_latent(pop, n, waves, rng)
        cols = {f"{c}_w{t + 1}": eta[:, j, t] for j, c in enumerate(pop.constructs)
                for t in range(waves)}
        driver = eta[:, 1, :]
    if any(settings.attrition):
        last = dropout_waves(n, waves, settings.attrition, rng, driver=driver,
                             mar=settings.attrition_mar)
        for name in cols:
            t = int(name.rsplit("_w", 1)[1])
            cols[name] = np.where(last >= t, cols[name], np.nan)
    if settings.model == "focal":
        for v in ("icraft_w1", "ccraft_w1"):
            cols[v] = cols[v] - cols[v].mean()
        cols["icraft_w1_x_ccraft_w1"] = cols["icraft_w1"] * cols["ccraft_w1"]
    return np.column_stack([cols[v] for v in ov_names])


def _draw_items(settings: PowerSettings, n: int, rng: np.random.Generator,
                ov_names: list[str]) -> np.ndarray:
    """Scale scores of simulated item answers (:func:`craftwave.analysis.simulate.simulate`), each
    standardized over the participants present, with the settings' (MAR) attrition."""
    sim = simulate(n, settings.waves, model=settings.model, population=settings.pop(),
                   attrition=list(settings.attrition), attrition_mar=settings.attrition_mar,
                   seed=rng)
    cols = {}
    for v in ov_names:
        if v == "icraft_w1_x_ccraft_w1":
            continue
        x = sim.wide[v].to_numpy(float)
        cols[v] = (x - np.nanmean(x)) / np.nanstd(x, ddof=1)
    if settings.model == "focal":
        cols["icraft_w1_x_ccraft_w1"] = cols["icraft_w1"] * cols["ccraft_w1"]
    return np.column_stack([cols[v] for v in ov_names])


@lru_cache(maxsize=8)
def _compiled(settings: PowerSettings):
    from craftwave.analysis.sem.specification import compile_model

    spec = _spec(settings)
    model = compile_model(spec.syntax, meanstructure=True, fixed_x=False)
    truth = true_values(settings)
    index = {}
    for key in truth:
        if key[1] == ":=":
            continue
        rows = [r for r in model.rows if (r.lhs, r.op, r.rhs) == key and r.free >= 0]
        if not rows:
            raise ModelError(f"power: the model has no free parameter {' '.join(key)}")
        index[key] = rows[0].free
    names = {key: (key[0] if key[1] == ":=" else
                   next((r.label for r in model.rows if (r.lhs, r.op, r.rhs) == key and r.label),
                        " ".join(key)))
             for key in truth}
    return model, truth, index, names


def _fit_one(model, Y: np.ndarray, theta0: np.ndarray | None):
    """Fit one data matrix; returns (theta, vcov) or None when the fit fails."""
    import warnings

    from craftwave.analysis.sem import fit_moments
    from craftwave.analysis.sem.estimation import Evaluator, moments_from_data, patterns_from_data

    fiml = bool(np.isnan(Y).any())
    group = patterns_from_data(Y) if fiml else moments_from_data(Y, keep_raw=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # counted, not shown, per replication
        try:
            state = fit_moments(model, [group], start=theta0, warn=False)
        except (ModelError, np.linalg.LinAlgError):
            return None
    ev = Evaluator(model, [group])
    if not state.converged:
        return None
    try:
        info = ev.hessian(state.theta) if fiml else ev.expected_information(state.theta)
        vcov = np.linalg.inv(info) / ev.N
    except (ModelError, np.linalg.LinAlgError):
        return None
    if not np.all(np.isfinite(np.diag(vcov))) or np.any(np.diag(vcov) <= 0):
        return None
    return state.theta, vcov


def _pilot(settings: PowerSettings, seed: int) -> np.ndarray:
    """Warm start for every replication: the estimate on a large complete pilot sample."""
    model = _compiled(settings)[0]
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(0,)))
    complete = replace(settings, attrition=tuple(0.0 for _ in settings.attrition))
    res = _fit_one(model, _draw(complete, PILOT_N, rng, model.ov_names), None)
    if res is None:
        raise ModelError("power: the model does not converge on a large sample of its own "
                         "population; check the population values")
    return res[0]


def run_replications(settings: PowerSettings, n: int, reps: Sequence[int], seed: int,
                     theta0: np.ndarray) -> np.ndarray:
    """Run replications ``reps`` at sample size ``n``.

    Returns an array ``(len(reps), n_params, 2)`` of estimates and standard errors in the order
    of :func:`true_values` (NaN where a replication failed).
    """
    model, truth, index = _compiled(settings)[:3]
    keys = list(truth)
    out = np.full((len(reps), len(keys), 2), np.nan)
    for i, r in enumerate(reps):
        rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(n, r)))
        res = _fit_one(model, _draw(settings, n, rng, model.ov_names), theta0)
        if res is None:
            continue
        theta, vcov = res
        for k, key in enumerate(keys):
            if key[1] == ":=":  # the index of moderated mediation a3 * b, delta method
                ia, ib = index[keys[2]], index[keys[3]]
                grad = np.array([theta[ib], theta[ia]])
                sub = vcov[np.ix_([ia, ib], [ia, ib])]
                out[i, k] = theta[ia] * theta[ib], np.sqrt(grad @ sub @ grad)
            else:
                j = index[key]
                out[i, k] = theta[j], np.sqrt(vcov[j, j])
    return out


def _summarise(settings: PowerSettings, n: int, res: np.ndarray) -> pd.DataFrame:
    _, truth, _, names = _compiled(settings)
    crit = stats.norm.ppf(1 - settings.alpha / 2)
    rows = []
    for k, key in enumerate(truth):
        est, se = res[:, k, 0], res[:, k, 1]
        ok = np.isfinite(est) & np.isfinite(se)
        est, se = est[ok], se[ok]
        true = truth[key]
        name = names[key]
        mean = est.mean() if est.size else np.nan
        rows.append({
            "n": n, "parameter": name, "true": true, "mean_est": mean, "bias": mean - true,
            "rel_bias": (mean - true) / true if true != 0 else np.nan,
            "sd_est": est.std(ddof=1) if est.size > 1 else np.nan,
            "mean_se": se.mean() if se.size else np.nan,
            "power": float(np.mean(np.abs(est / se) > crit)) if est.size else np.nan,
            "coverage": float(np.mean(np.abs(est - true) <= crit * se)) if est.size else np.nan,
            "n_converged": int(ok.sum()), "reps": int(res.shape[0]),
        })
    return pd.DataFrame(rows)


def power(
    model: Literal["focal", "riclpm"] = "riclpm",
    n: Sequence[int] | int = (200, 300, 400),
    *,
    reps: int = 500,
    attrition: float | Sequence[float] = 0.0,
    waves: int | None = None,
    population: FocalPopulation | RICLPMPopulation | None = None,
    stationary: bool = True,
    alpha: float = 0.05,
    seed: int = 0,
    n_jobs: int = 1,
    scheduler: Any = None,
    chunk_size: int = 25,
    progress: bool = False,
    measurement: Literal["latent", "items"] = "latent",
    attrition_mar: float = 0.0,
) -> PowerResult:
    """Monte Carlo power, bias and coverage of the focal model or the RI-CLPM.

    Parameters
    ----------
    model : {"focal", "riclpm"}
        ``"focal"``: the study model of :func:`craftwave.analysis.focal` (three waves), parameters
        ``a1, a2, a3`` (paths to resilience), ``b`` and the direct paths (to commitment) and
        the index of moderated mediation ``imm = a3 * b`` (delta-method SE).
        ``"riclpm"``: :func:`craftwave.analysis.riclpm` for two constructs; with ``stationary=True`` the
        lagged effects are constrained equal over waves (the table lists them at the last wave).
    n : int or sequence of int
        Participants at wave 1.
    reps : int
        Replications per sample size.
    attrition : float or sequence of float
        Share dropping out before each later wave (missing completely at random unless
        ``attrition_mar``); with attrition the model is fitted by FIML.
    waves : int, optional
        Waves (default 3 for the focal model, 4 for the RI-CLPM).
    population : FocalPopulation or RICLPMPopulation, optional
        Population values (default: the classes' defaults).
    stationary : bool, default True
        RI-CLPM only: fit the stationary model.
    alpha : float
        Two-sided significance level and 1 - confidence level of the intervals.
    seed : int
        Master seed; results are identical for any ``n_jobs`` or scheduler.
    n_jobs : int
        Local worker processes (joblib); ignored with ``scheduler``.
    scheduler : str or dask.distributed.Client, optional
        A Dask scheduler address (``"tcp://host:8786"``) or client: run the replications there.
    chunk_size : int
        Replications per task.
    progress : bool
        Show a tqdm progress bar (on standard error).
    measurement : {"latent", "items"}
        ``"latent"`` (default): the model is fitted to the latent scores themselves, without
        measurement error. ``"items"``: each replication simulates item answers on the bundled
        instruments (:func:`craftwave.analysis.simulate.simulate`, loadings 0.65 to 0.85, 5-point
        answers) and fits the model to the standardized scale scores, as a study would; the
        column ``true`` stays the latent population value, so ``bias`` and ``coverage`` then
        show the attenuation that measurement error causes (slower: about 0.1 s per
        replication).
    attrition_mar : float
        Missing at random instead of completely at random: the log-odds of dropping out fall
        by this much per unit of latent resilience (the RI-CLPM: the second construct) at the
        last completed wave (see :func:`craftwave.analysis.simulate.dropout_waves`). FIML stays unbiased
        under MAR.

    Returns
    -------
    PowerResult
    """
    ns = [int(n)] if np.isscalar(n) else [int(v) for v in n]
    if not ns or min(ns) < 10:
        raise DataError(f"sample sizes must be at least 10; got {ns}")
    if reps < 2:
        raise DataError(f"reps must be at least 2; got {reps}")
    if model not in ("focal", "riclpm"):
        raise DataError(f"model must be 'focal' or 'riclpm'; got {model!r}")
    waves = waves or (3 if model == "focal" else 4)
    if model == "focal" and waves != 3:
        raise DataError("the focal model has three waves")
    pop = population or (FocalPopulation() if model == "focal" else RICLPMPopulation())
    expected = FocalPopulation if model == "focal" else RICLPMPopulation
    if not isinstance(pop, expected):
        raise DataError(f"population for {model} must be a {expected.__name__}")
    rates = tuple(float(a) for a in np.broadcast_to(np.asarray(attrition, float), (waves - 1,)))
    if measurement not in ("latent", "items"):
        raise DataError(f"measurement must be 'latent' or 'items'; got {measurement!r}")
    settings = PowerSettings(model, tuple((k, _frozen(v)) for k, v in asdict(pop).items()), waves, rates, float(alpha),
                             bool(stationary) if model == "riclpm" else False,
                             measurement, float(attrition_mar))
    theta0 = _pilot(settings, seed)
    tasks = [(nv, list(range(s, min(s + chunk_size, reps))))
             for nv in ns for s in range(0, reps, chunk_size)]
    results = _execute(settings, tasks, seed, theta0, n_jobs, scheduler, progress)
    tables = []
    for nv in ns:
        parts = [res for (tn, _), res in zip(tasks, results, strict=True) if tn == nv]
        tables.append(_summarise(settings, nv, np.concatenate(parts)))
    meta = {"model": model, "waves": waves, "reps": reps, "n": ns, "attrition": list(rates),
            "alpha": alpha, "seed": seed, "stationary": settings.stationary,
            "missing": "fiml" if any(rates) else "complete data (ML)",
            "measurement": measurement, "attrition_mar": float(attrition_mar),
            "population": asdict(pop)}
    return PowerResult(pd.concat(tables, ignore_index=True), meta)


def _execute(settings, tasks, seed, theta0, n_jobs, scheduler, progress) -> list[np.ndarray]:
    from tqdm.auto import tqdm

    bar = tqdm(total=sum(len(r) for _, r in tasks), desc="power", unit="rep",
               disable=not progress)
    results: list[np.ndarray | None] = [None] * len(tasks)
    try:
        if scheduler is not None:
            from dask.distributed import Client, as_completed

            client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
            try:
                futures = [client.submit(run_replications, settings, nv, reps, seed, theta0,
                                         pure=False) for nv, reps in tasks]
                where = {f.key: i for i, f in enumerate(futures)}
                for fut in as_completed(futures):
                    i = where[fut.key]
                    results[i] = fut.result()
                    bar.update(len(tasks[i][1]))
            finally:
                if client is not scheduler:
                    client.close()
        elif n_jobs == 1:
            for i, (nv, reps) in enumerate(tasks):
                results[i] = run_replications(settings, nv, reps, seed, theta0)
                bar.update(len(reps))
        else:
            from joblib import Parallel, delayed

            gen = Parallel(n_jobs=n_jobs, return_as="generator")(
                delayed(run_replications)(settings, nv, reps, seed, theta0) for nv, reps in tasks)
            for i, res in enumerate(gen):
                results[i] = res
                bar.update(len(tasks[i][1]))
    finally:
        bar.close()
    return results  # type: ignore[return-value]
