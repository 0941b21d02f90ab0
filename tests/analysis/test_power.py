"""Monte Carlo power: reproducibility across workers and schedulers, and honest numbers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.power import power
from craftwave.analysis.simulate import RICLPMPopulation
from craftwave.instruments.errors import DataError


@pytest.fixture(scope="module")
def complete_run():
    return power("riclpm", n=[100, 400], reps=60, seed=3, chunk_size=20)


def test_table_shape_and_truth(complete_run):
    t = complete_run.table
    assert list(t.columns) == ["n", "parameter", "true", "mean_est", "bias", "rel_bias", "sd_est",
                               "mean_se", "power", "coverage", "n_converged", "reps"]
    assert set(t.parameter) == {"ar_icraft", "ar_resil", "cl_icraft_resil", "cl_resil_icraft"}
    truth = t.set_index(["n", "parameter"])["true"]
    lagged = RICLPMPopulation().lagged
    assert truth[(400, "cl_icraft_resil")] == lagged[1][0]
    assert truth[(400, "cl_resil_icraft")] == lagged[0][1]
    assert (t.n_converged >= 55).all()


def test_power_grows_with_n_and_estimates_are_honest(complete_run):
    t = complete_run.table.set_index(["n", "parameter"])
    assert t.loc[(400, "cl_icraft_resil"), "power"] > t.loc[(100, "cl_icraft_resil"), "power"]
    big = t.xs(400, level="n")
    # ML is consistent: bias small against the Monte Carlo error sd / sqrt(reps) (4 such errors)
    assert (big.bias.abs() < 4 * big.sd_est / np.sqrt(big.n_converged)).all()
    # standard errors describe the spread, and 95% intervals cover about 95% of the time
    assert np.allclose(big.mean_se, big.sd_est, rtol=0.3)
    assert (big.coverage > 0.85).all()


def test_same_results_for_any_number_of_workers(complete_run):
    small = power("riclpm", n=[100], reps=30, seed=3, chunk_size=20)
    split = power("riclpm", n=[100], reps=30, seed=3, chunk_size=7, n_jobs=2)
    pd.testing.assert_frame_equal(small.table, split.table)
    other = power("riclpm", n=[100], reps=30, seed=4, chunk_size=20)
    assert not small.table.equals(other.table)


def test_dask_local_cluster_gives_the_same_table():
    distributed = pytest.importorskip("dask.distributed")
    local = power("riclpm", n=[100], reps=20, seed=5, chunk_size=10)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = power("riclpm", n=[100], reps=20, seed=5, chunk_size=10, scheduler=client)
    pd.testing.assert_frame_equal(local.table, remote.table)


def test_focal_with_attrition_uses_fiml_and_reports_imm(tmp_path):
    res = power("focal", n=[250], reps=20, attrition=[0.2, 0.1], seed=6, chunk_size=10)
    assert res.settings["missing"] == "fiml"
    t = res.table.set_index("parameter")
    assert {"a1", "a2", "a3", "b", "c1", "imm"} <= set(t.index)
    assert t.loc["imm", "true"] == pytest.approx(-0.15 * 0.35)
    assert t.loc["b", "power"] > 0.8  # b = .35 at n = 250 is detected nearly always
    fig_path = tmp_path / "curve.png"
    res.plot(str(fig_path))
    assert fig_path.stat().st_size > 1000
    d = res.to_dict()
    assert d["settings"]["model"] == "focal" and len(d["power"]) == len(res.table)


def test_validation():
    with pytest.raises(DataError, match="at least 10"):
        power("riclpm", n=[5], reps=10)
    with pytest.raises(DataError, match="three waves"):
        power("focal", n=[100], waves=4, reps=10)
    with pytest.raises(DataError, match="RICLPMPopulation"):
        power("riclpm", n=[100], reps=10, population=object())


def test_replication_fit_matches_lavaan_fiml():
    # one replication's estimates and FIML (observed-information) SEs, against lavaan
    import json
    from pathlib import Path

    from craftwave.analysis.panel import riclpm
    from craftwave.analysis.power import _fit_one
    from craftwave.analysis.sem.specification import compile_model

    ref_dir = Path(__file__).resolve().parents[1] / "reference"
    ref = json.loads((ref_dir / "panel_riclpm_stationary_fiml.json").read_text())
    model = compile_model(riclpm(["icraft", "resil"], [1, 2, 3, 4], stationary=True).syntax,
                          meanstructure=True, fixed_x=False)
    data = pd.read_csv(ref_dir / "data" / ref["data"])
    theta, vcov = _fit_one(model, data[model.ov_names].to_numpy(float), None)
    se = np.sqrt(np.diag(vcov))
    by_label = {p["label"]: p for p in ref["parameters"] if p["label"]}
    for row in model.rows:
        if row.label in ("ar_icraft", "cl_icraft_resil", "cl_resil_icraft", "ar_resil"):
            assert theta[row.free] == pytest.approx(by_label[row.label]["est"], abs=1e-5)
            assert se[row.free] == pytest.approx(by_label[row.label]["se"], abs=1e-4)


def test_power_drops_with_measurement_error():
    """Scale scores of simulated item answers instead of the latent scores: the interaction
    a3 is attenuated and detected less often (same seed, sample size and replications)."""
    latent = power("focal", n=[300], reps=30, seed=8, chunk_size=15).table.set_index("parameter")
    items = power("focal", n=[300], reps=30, seed=8, chunk_size=15,
                  measurement="items").table.set_index("parameter")
    assert items.loc["a3", "power"] < latent.loc["a3", "power"] - 0.15
    assert abs(items.loc["a3", "mean_est"]) < abs(latent.loc["a3", "mean_est"]) - 0.02
    assert items.loc["a1", "mean_est"] < latent.loc["a1", "mean_est"]
    assert (items.n_converged == 30).all()


def test_mar_attrition_is_missing_at_random_and_fiml_stays_unbiased():
    from craftwave.analysis.power import PowerSettings, _compiled, _draw

    res = power("focal", n=[300], reps=30, seed=8, chunk_size=15, attrition=[0.3, 0.2],
                attrition_mar=1.0)
    assert res.settings["attrition_mar"] == 1.0 and res.settings["missing"] == "fiml"
    t = res.table.set_index("parameter")
    for p in ("a1", "b"):
        assert abs(t.loc[p, "bias"]) < 4 * t.loc[p, "sd_est"] / np.sqrt(t.loc[p, "n_converged"])
    # dropout depends on resilience: those who leave after wave 1 had lower resilience
    settings = PowerSettings("focal", (), 3, (0.3, 0.2), 0.05, False, "latent", 1.0)
    names = _compiled(settings)[0].ov_names
    Y = pd.DataFrame(_draw(settings, 5000, np.random.default_rng(1), names), columns=names)
    gone = Y["resil_w2"].isna()
    assert 0.2 < gone.mean() < 0.4
    assert Y.loc[gone, "resil_w1"].mean() < Y.loc[~gone, "resil_w1"].mean() - 0.2
    with pytest.raises(DataError, match="measurement"):
        power("focal", n=[100], reps=10, measurement="scores")
