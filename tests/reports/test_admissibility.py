"""Improper solutions are detected, named as lavaan names them, and not interpreted."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from craftwave.analysis.sem.admissibility import (
    EXTRA_WORDS,
    LAVAAN_WORDS,
    admissibility,
    boundary_test,
    chibar_statistics,
)
from craftwave.instruments.errors import CraftwaveWarning
from craftwave.reports.sections import ReportContext, ReportOptions, run_section
from craftwave.reports.sections import researcher as R


def _result(rows: list[tuple], ov: list[str], lv: list[str]) -> SimpleNamespace:
    params = pd.DataFrame(rows, columns=["lhs", "op", "rhs", "est"])
    return SimpleNamespace(params=params, model=SimpleNamespace(ov_names=ov, lv_names=lv))


def test_a_proper_solution_has_no_problem():
    res = _result([("F", "=~", "x1", 1.0), ("F", "~~", "F", 0.5), ("x1", "~~", "x1", 0.3),
                   ("G", "~~", "G", 1.0), ("F", "~~", "G", 0.6)], ["x1"], ["F", "G"])
    assert admissibility(res).proper


def test_negative_variances_and_a_correlation_beyond_one_are_named_as_lavaan_does():
    res = _result([("RI_a", "~~", "RI_a", -0.04), ("RI_b", "~~", "RI_b", 0.2),
                   ("F", "~~", "F", 0.5), ("G", "~~", "G", 0.5), ("F", "~~", "G", 0.7),
                   ("x1", "~~", "x1", -0.1)], ["x1"], ["RI_a", "RI_b", "F", "G"])
    adm = admissibility(res)
    assert not adm.proper
    kinds = set(adm.kinds())
    assert {"lv_variance", "ov_variance", "lv_correlation", "lv_not_pd"} <= kinds
    msgs = adm.lavaan_messages()
    # lavaan checks the latent covariance matrix only when no latent variance is negative
    assert msgs == ["some estimated ov variances are negative",
                    "some estimated lv variances are negative"]
    assert all(m in LAVAAN_WORDS.values() for m in msgs)
    assert adm.messages()[-1] == EXTRA_WORDS["lv_correlation"]
    corr = next(p for p in adm.problems if p.kind == "lv_correlation")
    assert corr.parameters == ("F ~~ G",)


def test_regressions_among_latents_are_propagated_into_the_latent_covariance():
    # var(G) = b^2 var(F) + psi_G; with psi_G < 0 and b large, cov.lv can stay PD or not
    res = _result([("F", "~~", "F", 1.0), ("G", "~", "F", 0.9), ("G", "~~", "G", -0.5)],
                  [], ["F", "G"])
    adm = admissibility(res)
    assert "lv_variance" in adm.kinds()
    assert "lv_not_pd" in adm.kinds()  # var(G) = 0.31, cov = 0.9 > sqrt(0.31)


REFERENCE = Path(__file__).resolve().parents[1] / "reference"


def test_admissibility_agrees_with_lavaan_on_an_improper_riclpm():
    """lavaan's RI-CLPM on CLPM data (no stable differences): the same estimates, the same
    warnings, the same chi-squares of the RI-CLPM and the nested CLPM."""
    from craftwave.analysis.panel import clpm, riclpm

    ref = json.loads((REFERENCE / "reports_improper.json").read_text(encoding="utf-8"))
    data = pd.read_csv(REFERENCE / "data" / ref["data"])
    pair = ["icraft", "resil"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CraftwaveWarning)  # the check below names them
        res = riclpm(pair, [1, 2, 3]).fit(data, missing="listwise")
        cres = clpm(pair, [1, 2, 3]).fit(data, missing="listwise")
    theirs = {(p["lhs"], p["op"], p["rhs"]): p["est"] for p in ref["params"]}
    ours = res.params
    got = [(theirs[(r.lhs, r.op, r.rhs)], r.est) for r in ours.itertuples()
           if (r.lhs, r.op, r.rhs) in theirs]
    assert len(got) >= 30
    np.testing.assert_allclose([g[1] for g in got], [g[0] for g in got], atol=1e-4)
    expected = ref["warnings"] if isinstance(ref["warnings"], list) else [ref["warnings"]]
    assert expected, "the fixture's data must give lavaan an improper solution"
    adm = admissibility(res)
    assert not adm.proper
    assert [m for m in adm.lavaan_messages()] == [w.split(";")[0] for w in expected]
    assert res.fit_measures["chisq"] == pytest.approx(ref["chisq"], abs=1e-3)
    assert cres.fit_measures["chisq"] == pytest.approx(ref["chisq_clpm"], abs=1e-3)


def test_chibar_statistic_of_a_point_inside_the_cone_is_the_wald_statistic():
    info = np.eye(3)
    z = np.array([[1.0, 0.2, 0.5]])
    assert chibar_statistics(z, info)[0] == pytest.approx(float((z @ z.T)[0, 0]))
    # the negative orthant-like point: nothing of the alternative fits better than zero
    assert chibar_statistics(np.array([[-1.0, 0.0, -1.0]]), info)[0] == pytest.approx(0.0)


def test_boundary_test_is_less_conservative_than_the_naive_test():
    rng = np.random.default_rng(5)
    a = rng.normal(size=(3, 3))
    v = a @ a.T + 3 * np.eye(3)
    for stat in (0.5, 2.0, 4.0, 8.0):
        t = boundary_test(stat, v, n_sim=4000, seed=1)
        assert t.naive_pvalue == pytest.approx(stats.chi2.sf(stat, 3))
        assert t.pvalue <= t.naive_pvalue + 0.02
        assert t.pvalue >= stats.chi2.sf(stat, 1) / 2 - 0.02  # at most as liberal as 1 df, half
    p = [boundary_test(s, v, n_sim=4000, seed=1).pvalue for s in (1.0, 3.0, 6.0)]
    assert p[0] > p[1] > p[2]


def test_an_improper_estimate_brings_the_statistic_to_the_admissible_fit():
    v = np.diag([0.04, 0.02, 0.05])
    inside = boundary_test(5.0, v, np.array([0.1, 0.01, 0.1]), n_sim=2000, seed=3)
    assert inside.statistic == pytest.approx(5.0)  # a proper estimate: the LR as it is
    outside = boundary_test(5.0, v, np.array([-0.2, 0.0, 0.1]), n_sim=2000, seed=3)
    # the squared distance to the nearest admissible matrix, (-0.2)^2 / 0.04 = 1, is removed
    assert outside.statistic == pytest.approx(4.0, abs=1e-3)
    assert outside.pvalue > inside.pvalue


@pytest.mark.slow
def test_riclpm_section_names_an_improper_solution_or_reports_a_proper_one(export_dir):
    from craftwave.reports.export import load_export
    from craftwave.reports.studyinfo import study_info

    data = load_export(export_dir)
    ctx = ReportContext(data=data, study=study_info(export_dir / "study.yaml",
                                                    data_waves=data.waves),
                        options=ReportOptions(bootstrap=0))
    sec = run_section(R.riclpm, ctx, id="riclpm", title="RI-CLPM")
    assert sec.available, sec.reason
    text = " ".join([*sec.paragraphs, *[t.note for t in sec.tables],
                     *[c for t in sec.tables for r in t.rows for c in r]])
    assert not re.search(r"\b(RI|W)_\w+", text)  # no internal variable name
    assert "Warning" not in text and "e+0" not in text
    ids = [t.id for t in sec.tables]
    assert "tab-riclpm-compare" in ids
    if sec.results["proper"]:
        assert "tab-riclpm" in ids
    else:
        assert sec.paragraphs[0].startswith("Improper solution: not interpreted.")
        assert "tab-clpm" in ids and "tab-riclpm" not in ids
        assert "chi-bar-square" in text


def _panel(rng: np.random.Generator, n: int, ri_sd: float) -> pd.DataFrame:
    u = rng.normal(scale=ri_sd, size=(n, 2))
    x1 = rng.normal(size=n)
    y1 = 0.3 * x1 + rng.normal(scale=0.95, size=n)
    x2 = 0.5 * x1 + 0.1 * y1 + rng.normal(scale=0.8, size=n)
    y2 = 0.3 * x1 + 0.5 * y1 + rng.normal(scale=0.8, size=n)
    x3 = 0.5 * x2 + 0.1 * y2 + rng.normal(scale=0.8, size=n)
    y3 = 0.3 * x2 + 0.5 * y2 + rng.normal(scale=0.8, size=n)
    return pd.DataFrame({"icraft_w1": x1 + u[:, 0], "icraft_w2": x2 + u[:, 0],
                         "icraft_w3": x3 + u[:, 0], "resil_w1": y1 + u[:, 1],
                         "resil_w2": y2 + u[:, 1], "resil_w3": y3 + u[:, 1]})


def _ri_fits(d: pd.DataFrame):
    import warnings

    from craftwave.analysis.panel import clpm, riclpm

    spec = riclpm(["icraft", "resil"], [1, 2, 3])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # improper fits warn; the test reads the estimates
        full = spec.fit(d, missing="listwise")
        nested = clpm(["icraft", "resil"], [1, 2, 3]).fit(d, missing="listwise")
    return spec, full, nested


def _ri_block(full) -> np.ndarray:
    p = full.params.set_index(["lhs", "op", "rhs"])["est"]
    return np.array([p[("RI_icraft", "~~", "RI_icraft")], p[("RI_icraft", "~~", "RI_resil")],
                     p[("RI_resil", "~~", "RI_resil")]])


def test_ri_boundary_test_compares_the_clpm_with_the_best_admissible_riclpm():
    from craftwave.analysis.sem.admissibility import ri_boundary_test

    rng = np.random.default_rng(3)
    seen = set()
    for _ in range(12):
        d = _panel(rng, 300, 0.0)
        spec, full, nested = _ri_fits(d)
        t = ri_boundary_test(spec, d, full, ["icraft", "resil"], missing="listwise",
                             n_sim=2000, seed=1)
        unconstrained = nested.fit_measures["chisq"] - full.fit_measures["chisq"]
        z = _ri_block(full)
        proper = z[0] >= 0 and z[2] >= 0 and z[0] * z[2] >= z[1] ** 2
        seen.add(proper)
        if proper:
            assert t.statistic == pytest.approx(unconstrained, abs=1e-6)
        else:  # restricted to the admissible cone: never above the unconstrained LR
            assert -1e-9 <= t.statistic <= unconstrained + 1e-6
        assert sum(t.weights) == pytest.approx(1.0)
        assert 0 < t.weights[0] < 1 and 0 < t.weights[2] < 1
        assert t.pvalue <= t.naive_pvalue + 0.02  # the mixture lies below chi-square(3)
    assert False in seen  # the improper branch (rank-one fit) ran


def test_ri_boundary_test_statistic_is_the_admissible_maximum():
    """No admissible random-intercept matrix fits better than the one the test found."""
    import warnings

    from craftwave.analysis.sem import fit as sem_fit
    from craftwave.analysis.sem.admissibility import _ri_fixed_syntax, ri_boundary_test

    rng = np.random.default_rng(8)
    for _ in range(10):
        d = _panel(rng, 300, 0.0)
        spec, full, nested = _ri_fits(d)
        if np.linalg.eigvalsh(_mat(_ri_block(full))).min() < 0:
            break  # an improper estimate: the statistic comes from the rank-one fit
    t = ri_boundary_test(spec, d, full, ["icraft", "resil"], missing="listwise", n_sim=500)
    best = nested.fit_measures["chisq"] - t.statistic
    fixed = _ri_fixed_syntax(spec.syntax, "RI_icraft", "RI_resil")
    for v in ([0.02, 0.0, 0.02], [0.05, 0.02, 0.01], [0.0, 0.0, 0.04], [0.04, -0.03, 0.03]):
        s = (fixed.replace("RI_icraft ~~ 0*RI_icraft", f"RI_icraft ~~ {v[0]}*RI_icraft")
             .replace("RI_icraft ~~ 0*RI_resil", f"RI_icraft ~~ {v[1]}*RI_resil")
             .replace("RI_resil ~~ 0*RI_resil", f"RI_resil ~~ {v[2]}*RI_resil"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            other = sem_fit(s, spec.prepared(d), missing="listwise", fixed_x=False,
                            meanstructure=True)
        assert other.fit_measures["chisq"] >= best - 1e-4


def _mat(v: np.ndarray) -> np.ndarray:
    return np.array([[v[0], v[1]], [v[1], v[2]]])


def test_ri_boundary_test_detects_random_intercepts():
    from craftwave.analysis.sem.admissibility import ri_boundary_test

    d = _panel(np.random.default_rng(4), 400, 0.8)
    spec, full, _ = _ri_fits(d)
    t = ri_boundary_test(spec, d, full, ["icraft", "resil"], missing="listwise", n_sim=2000)
    assert t.pvalue < 0.01
