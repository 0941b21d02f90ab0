"""Panel builders fitted through the SEM engine: lavaan fixtures and parameter recovery.

Fixtures (tests/reference/panel_*.json) come from tests/reference/r/panel.R, which writes the
CLPM, RI-CLPM and latent change score syntax by hand (independently of the builders) and fits it
with lavaan 0.6.

Parameter recovery: each builder is fitted to a large sample (N = 20,000) drawn from its own
population model. With a fixed seed the check is deterministic; the tolerance is four standard
errors of the fit itself (a correct estimator misses it with probability about 6e-5 per
parameter), plus the estimate must be within 0.05 in absolute terms so that a large SE cannot
hide a wrong model.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.panel import clpm, focal, lcs, riclpm
from craftwave.analysis.simulate import FocalPopulation, RICLPMPopulation, riclpm_latent, simulate

REF = Path(__file__).resolve().parents[1] / "reference"
TOL = 1e-3
N_BIG = 20_000


def _reference(name):
    return json.loads((REF / f"{name}.json").read_text())


def _data(file):
    return pd.read_csv(REF / "data" / file)


CASES = [
    ("panel_clpm_ml", lambda: clpm(["icraft", "resil"], [1, 2, 3, 4]), "listwise"),
    ("panel_clpm_fiml", lambda: clpm(["icraft", "resil"], [1, 2, 3, 4]), "fiml"),
    ("panel_riclpm_ml", lambda: riclpm(["icraft", "resil"], [1, 2, 3, 4]), "listwise"),
    ("panel_riclpm_fiml", lambda: riclpm(["icraft", "resil"], [1, 2, 3, 4]), "fiml"),
    ("panel_riclpm_stationary_fiml",
     lambda: riclpm(["icraft", "resil"], [1, 2, 3, 4], stationary=True), "fiml"),
    ("panel_lcs_ml", lambda: lcs(["x", "y"], [1, 2, 3, 4]), "listwise"),
]


@pytest.mark.parametrize("name,build,missing", CASES, ids=[c[0] for c in CASES])
def test_matches_lavaan(name, build, missing):
    ref = _reference(name)
    res = build().fit(_data(ref["data"]), missing=missing)
    assert res.converged and res.missing == missing
    ours = {_key(r.lhs, r.op, r.rhs): r for r in res.params.itertuples()}
    for p in ref["parameters"]:
        key = _key(p["lhs"], p["op"], p["rhs"])
        assert key in ours, key
        assert ours[key].est == pytest.approx(p["est"], abs=TOL), key
        assert ours[key].se == pytest.approx(p["se"], abs=TOL), key
    assert len(ours) == len(ref["parameters"])
    fm = res.fit_measures
    assert fm["loglik"] == pytest.approx(ref["fit"]["logl"], abs=TOL)
    assert fm["chisq"] == pytest.approx(ref["fit"]["chisq"], abs=TOL)
    assert fm["df"] == ref["fit"]["df"]


def _key(lhs, op, rhs):
    """Covariances are symmetric: lavaan may list ``a ~~ b`` as ``b ~~ a``."""
    return (op, *sorted((lhs, rhs))) if op == "~~" else (op, lhs, rhs)


def _close(res, key, true):
    row = res.params.set_index(["lhs", "op", "rhs"]).loc[key]
    row = row.iloc[0] if isinstance(row, pd.DataFrame) else row
    assert abs(row.est - true) < min(4 * row.se, 0.05) + 1e-12, (key, row.est, true, row.se)


def test_riclpm_recovers_lagged_effects_with_attrition():
    pop = RICLPMPopulation()
    sim = simulate(n=N_BIG, waves=4, model="riclpm", items=False, attrition=0.15, seed=21)
    res = riclpm(["icraft", "resil"], [1, 2, 3, 4], stationary=True).fit(sim.latent)
    assert res.converged and res.missing == "fiml"
    B = pop.lagged
    _close(res, ("W_icraft_w3", "~", "W_icraft_w2"), B[0][0])
    _close(res, ("W_icraft_w3", "~", "W_resil_w2"), B[0][1])
    _close(res, ("W_resil_w3", "~", "W_icraft_w2"), B[1][0])
    _close(res, ("W_resil_w3", "~", "W_resil_w2"), B[1][1])
    _close(res, ("RI_icraft", "~~", "RI_icraft"), pop.ri_var[0])
    _close(res, ("RI_icraft", "~~", "RI_resil"), pop.ri_cov)


def test_clpm_recovers_a_clpm_population():
    pop = RICLPMPopulation(ri_var=(0.0, 0.0), ri_cov=0.0)  # no stable part: a CLPM population
    sim = simulate(n=N_BIG, waves=3, model="riclpm", population=pop, items=False, seed=22)
    res = clpm(["icraft", "resil"], [1, 2, 3]).fit(sim.latent)
    _close(res, ("icraft_w2", "~", "icraft_w1"), pop.lagged[0][0])
    _close(res, ("icraft_w3", "~", "resil_w2"), pop.lagged[0][1])
    _close(res, ("resil_w2", "~", "icraft_w1"), pop.lagged[1][0])
    _close(res, ("resil_w3", "~", "resil_w2"), pop.lagged[1][1])


def test_clpm_is_biased_where_the_riclpm_is_not():
    # the reason the RI-CLPM exists: stable differences inflate CLPM autoregressions
    sim = simulate(n=N_BIG, waves=3, model="riclpm", items=False, seed=23)
    res = clpm(["icraft", "resil"], [1, 2, 3]).fit(sim.latent)
    est = res.params.set_index(["lhs", "op", "rhs"]).loc[("icraft_w3", "~", "icraft_w2"), "est"]
    assert float(np.ravel(est)[0]) > RICLPMPopulation().lagged[0][0] + 0.15


def test_riclpm_multiple_indicators_recovers_lagged_effects():
    rng = np.random.default_rng(24)
    pop = RICLPMPopulation()
    eta = riclpm_latent(pop, N_BIG, 3, rng)  # construct-level scores: RI + within
    items = {"icraft": ["task_1", "task_2", "task_3"], "resil": ["bounce_1", "bounce_2", "adapt_1"]}
    loadings = [1.0, 0.8, 0.7]
    cols = {}
    for j, c in enumerate(("icraft", "resil")):
        for k, it in enumerate(items[c]):
            stable = 0.3 * rng.standard_normal(N_BIG)  # item-specific stable part
            for t in range(3):
                cols[f"{c}_{it}_w{t + 1}"] = (3 + stable + loadings[k] * eta[:, j, t]
                                              + 0.5 * rng.standard_normal(N_BIG))
    spec = riclpm(["icraft", "resil"], [1, 2, 3], stationary=True, indicators=items)
    res = spec.fit(pd.DataFrame(cols))
    assert res.converged
    B = pop.lagged
    _close(res, ("W_icraft_w2", "~", "W_icraft_w1"), B[0][0])
    _close(res, ("W_resil_w2", "~", "W_icraft_w1"), B[1][0])
    _close(res, ("W_icraft_w2", "~", "W_resil_w1"), B[0][1])
    _close(res, ("W_icraft_w1", "=~", "icraft_task_2_w1"), loadings[1])


def test_lcs_recovers_coupling():
    rng = np.random.default_rng(25)
    beta, gamma_xy, gamma_yx, mu_d = (-0.3, -0.2), 0.25, 0.1, (0.5, 0.3)
    n, waves = N_BIG, 4
    L = np.empty((n, 2, waves))
    L[:, :, 0] = rng.multivariate_normal([3, 2.5], [[1, 0.3], [0.3, 0.8]], size=n)
    for t in range(1, waves):
        prev = L[:, :, t - 1]
        dx = mu_d[0] + beta[0] * prev[:, 0] + gamma_yx * prev[:, 1] + 0.3 * rng.standard_normal(n)
        dy = mu_d[1] + beta[1] * prev[:, 1] + gamma_xy * prev[:, 0] + 0.3 * rng.standard_normal(n)
        L[:, :, t] = prev + np.column_stack([dx, dy])
    err = 0.4
    data = pd.DataFrame({f"{c}_w{t + 1}": L[:, j, t] + err * rng.standard_normal(n)
                         for j, c in enumerate(("x", "y")) for t in range(waves)})
    res = lcs(["x", "y"], [1, 2, 3, 4]).fit(data)
    assert res.converged
    by_label = res.params[res.params["label"] != ""].groupby("label")["est"].first()
    assert by_label["beta_x"] == pytest.approx(beta[0], abs=0.03)
    assert by_label["beta_y"] == pytest.approx(beta[1], abs=0.03)
    assert by_label["gamma_x_y"] == pytest.approx(gamma_xy, abs=0.03)
    assert by_label["gamma_y_x"] == pytest.approx(gamma_yx, abs=0.03)
    assert by_label["err_x"] == pytest.approx(err**2, abs=0.02)


def test_focal_recovers_the_moderated_a_path():
    pop = FocalPopulation()
    sim = simulate(n=N_BIG, waves=3, items=False, attrition=[0.2, 0.15], seed=26)
    spec = focal(sim.latent)
    res = spec.fit(sim.latent)
    assert res.converged and res.missing == "fiml"
    labels = res.params[res.params["label"] != ""].set_index("label")
    for name, true in {"a1": pop.a1, "a2": pop.a2, "a3": pop.a3, "b": pop.b,
                       "c1": 0.0, "c2": 0.0, "c3": 0.0}.items():
        row = labels.loc[name]
        assert abs(row.est - true) < min(4 * row.se, 0.05), (name, row.est, true)
    imm = res.defined.set_index("name").loc["imm"]
    assert imm.est == pytest.approx(pop.a3 * pop.b, abs=0.02)
    low, high = (res.defined.set_index("name").loc[k, "est"] for k in ("ind_low", "ind_high"))
    assert low > high  # compensation: individual crafting matters more when collaboration is low
