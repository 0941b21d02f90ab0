"""Bootstrap of ordered-indicator fits against lavaan 0.6-14's se = "bootstrap" (fixtures from
tests/reference/r/ordinal_boot.R, which stores lavaan's own resample rows).

Fed lavaan's resamples, craftwave's draws, bootstrap SEs and percentile intervals agree within
1e-4 (the refits stop at a 1e-8 step; lavaan's at its optimiser's tolerance).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from craftwave.analysis.bootstrap.intervals import norm_inter_interval
from craftwave.analysis.errors import DataError, ModelError
from craftwave.analysis.sem.categorical import fit_ordinal
from craftwave.analysis.sem.categorical.bootstrap import bootstrap_ordinal
from craftwave.analysis.sem.categorical.polychoric import ordinal_stats
from craftwave.analysis.sem.categorical.resample import CodedItems, resampled_stats
from craftwave.cli import main

REF = Path(__file__).resolve().parents[1] / "reference"
FIXTURE = json.loads((REF / "ordinal_boot.json").read_text())
CASES = {"cfa3": ("ordinal_items.csv", None), "groups": ("ordinal_groups.csv", "grp")}
TOL = 1e-4


def _lavaan_weights(case: str, data: pd.DataFrame, labels: list[str]) -> np.ndarray:
    """lavaan's resamples as counts over the data's rows (its indices are within groups)."""
    c = FIXTURE[case]
    group = CASES[case][1]
    gcol = data[group].astype(str).to_numpy() if group else np.full(len(data), "1")
    W = np.zeros((c["R"], len(data)), dtype=int)
    for g, lab in enumerate(labels):
        rows = np.flatnonzero(gcol == lab)
        for b, idx in enumerate(c["indices"][g]):
            W[b] += np.bincount(rows[np.asarray(idx) - 1], minlength=len(data))
    return W


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request):
    name = request.param
    path, group = CASES[name]
    data = pd.read_csv(REF / "data" / path)
    fit = fit_ordinal(FIXTURE[name]["model"], data, estimator="dwls", group=group,
                      function="cfa")
    boot = bootstrap_ordinal(fit, data, group=group,
                             weights=_lavaan_weights(name, data, fit.group_labels),
                             progress=False)
    return name, fit, boot


def test_bootstrap_agrees_with_lavaan(case):
    name, _, boot = case
    ref = pd.DataFrame(FIXTURE[name]["parameters"])
    got = boot.params.merge(ref, on=["group", "lhs", "op", "rhs"], suffixes=("", "_r"))
    assert len(got) == len(ref) == len(boot.params)
    assert np.allclose(got["est"], got["est_r"], atol=TOL)
    assert np.allclose(got["boot_se"], got["se_r"], atol=TOL)
    assert np.allclose(got["ci_lower"], got["ci.lower"], atol=TOL)
    assert np.allclose(got["ci_upper"], got["ci.upper"], atol=TOL)
    assert boot.n_failed == FIXTURE[name]["failed"] and boot.path == "ordinal"


def test_draws_are_lavaans_draws(case):
    name, _, boot = case
    ref = pd.DataFrame(FIXTURE[name]["parameters"])
    free = ref[ref["se"] > 0]
    cols = (boot.params.set_index(["group", "lhs", "op", "rhs"])
            .loc[list(zip(free["group"], free["lhs"], free["op"], free["rhs"], strict=True)),
                 "free"].to_numpy())
    assert np.all(cols >= 0)
    draws = np.asarray(FIXTURE[name]["draws"], dtype=float)
    assert np.abs(boot.draws[:, cols] - draws).max() < TOL


def test_fixed_parameters_keep_their_estimate(case):
    _, fit, boot = case
    fixed = boot.params[boot.params["free"] < 0]
    assert len(fixed) and (fixed["boot_se"] == 0).all()
    assert np.allclose(fixed["ci_lower"], fixed["est"]) and np.allclose(fixed["ci_upper"],
                                                                        fixed["est"])


@pytest.mark.parametrize("missing", ["listwise", "pairwise"])
def test_vectorised_first_stage_equals_the_fit_of_the_resampled_rows(missing):
    """One resample's thresholds, polychorics and NACOV = ordinal_stats of its drawn rows."""
    data = pd.read_csv(REF / "data" / "ordinal_items_missing.csv")
    data = data.dropna() if missing == "listwise" else data[data.notna().any(axis=1)]
    data = data.reset_index(drop=True)
    stats = ordinal_stats(data, missing=missing)
    codes = np.column_stack([
        np.where(data[c].isna(), -1, np.searchsorted(stats.levels[j], data[c].fillna(0)))
        for j, c in enumerate(stats.names)])
    rng = np.random.default_rng(7)
    counts = np.stack([np.bincount(rng.integers(0, len(data), len(data)),
                                   minlength=len(data)) for _ in range(3)])
    got = resampled_stats(CodedItems(codes, stats), counts)
    for b in range(3):
        rows = np.repeat(np.arange(len(data)), counts[b])
        direct = ordinal_stats(data.iloc[rows].reset_index(drop=True), missing=missing)
        assert np.allclose(got[b].wls_obs, direct.wls_obs, atol=1e-8)
        assert np.allclose(np.diag(got[b].nacov), np.diag(direct.nacov), rtol=1e-6)


def test_seeded_draws_are_reproducible():
    data = pd.read_csv(REF / "data" / "ordinal_items.csv")
    fit = fit_ordinal("f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6", data)
    a = bootstrap_ordinal(fit, data, n=12, seed=5, progress=False)
    b = bootstrap_ordinal(fit, data, n=12, seed=5, progress=False)
    c = bootstrap_ordinal(fit, data, n=12, seed=6, progress=False)
    assert np.array_equal(a.draws, b.draws) and not np.array_equal(a.draws, c.draws)
    assert (a.params.loc[a.params["free"] >= 0, "boot_se"] > 0).all()


def test_norm_inter_is_lavaans_percentile():
    x = np.arange(1.0, 101.0)[:, None]           # (R + 1) alpha = 2.525: between 2nd and 3rd
    lo, hi = norm_inter_interval(x, 0.95)
    assert 2.0 < lo[0] < 3.0 and 98.0 < hi[0] < 99.0
    assert lo[0] != pytest.approx(np.quantile(x, 0.025))


def test_bad_inputs_are_named():
    data = pd.read_csv(REF / "data" / "ordinal_groups.csv")
    fit = fit_ordinal("f1 =~ y1 + y2 + y3", data, group="grp")
    with pytest.raises(ModelError, match="group="):
        bootstrap_ordinal(fit, data, n=5, progress=False)
    with pytest.raises(DataError, match="one column per row"):
        bootstrap_ordinal(fit, data, group="grp", weights=np.ones((3, 10), dtype=int),
                          progress=False)
    with pytest.raises(DataError, match="group's size"):
        bootstrap_ordinal(fit, data, group="grp", weights=np.ones((2, len(data)), dtype=int) * 0
                          + np.eye(1, len(data), 0, dtype=int) * len(data), progress=False)


def test_cli_fit_ordered_bootstrap(tmp_path):
    model = tmp_path / "m.lav"
    model.write_text("f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6\n", encoding="utf-8")
    args = ["fit", str(model), str(REF / "data" / "ordinal_items.csv"), "--ordered", "all",
            "--bootstrap", "10", "--seed", "2", "--json"]
    out = CliRunner().invoke(main, args)
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert d["bootstrap"]["bootstrap"]["n"] == 10 and d["bootstrap"]["bootstrap"]["path"] == \
        "ordinal"
    loading = next(p for p in d["bootstrap"]["parameters"]
                   if p["lhs"] == "f1" and p["rhs"] == "x2")
    assert loading["ci_lower"] < loading["est"] < loading["ci_upper"]
    again = json.loads(CliRunner().invoke(main, args).output)
    assert again["bootstrap"] == d["bootstrap"]
    bad = CliRunner().invoke(main, args[:-1] + ["--ci", "bca"])
    assert bad.exit_code != 0 and "BCa" in bad.output
