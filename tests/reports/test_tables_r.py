"""The researcher report's descriptive tables agree with R (tests/reference/r/reports_tables.R):
means, SDs, pairwise correlations with their N and p (psych::corr.test), completers versus
dropouts (Welch t tests, Cohen's d, Hedges' g) and Little's MCAR test."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.attrition import dropout_comparison, little_mcar
from craftwave.analysis.descriptives import correlation_table

REF = Path(__file__).resolve().parents[1] / "reference"


@pytest.fixture(scope="module")
def ref() -> dict:
    return json.loads((REF / "reports_tables.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def data(ref) -> pd.DataFrame:
    return pd.read_csv(REF / "data" / ref["data"], dtype={"participant_id": str})


def test_descriptives_and_correlations_agree_with_psych(ref, data):
    for wave, r in ref["descriptives"].items():
        ct = correlation_table(data, r["variables"])
        desc = ct.descriptives
        np.testing.assert_allclose(desc["mean"].to_numpy(float), r["mean"], rtol=1e-10)
        np.testing.assert_allclose(desc["sd"].to_numpy(float), r["sd"], rtol=1e-10)
        np.testing.assert_array_equal(np.diag(ct.n.to_numpy()), r["n"])
        np.testing.assert_array_equal(ct.n.to_numpy(), np.asarray(r["pair_n"]))
        np.testing.assert_allclose(ct.r.to_numpy(), np.asarray(r["r"]), atol=1e-12)
        off = ~np.eye(len(r["variables"]), dtype=bool)
        np.testing.assert_allclose(ct.p.to_numpy()[off], np.asarray(r["p"])[off], rtol=1e-6,
                                   err_msg=f"wave {wave}")


def test_dropout_comparison_agrees_with_welch_t_tests_in_r(ref, data):
    got = dropout_comparison(data, ["icraft", "resil", "ccommit"], [1, 2, 3])
    want = pd.DataFrame(ref["dropout"])
    assert len(got) == len(want)
    merged = got.merge(want, on=["from_wave", "to_wave", "variable"], suffixes=("", "_r"))
    assert len(merged) == len(want)
    for col in ("n_completers", "n_dropouts"):
        np.testing.assert_array_equal(merged[col], merged[f"{col}_r"])
    for col in ("mean_completers", "mean_dropouts", "t", "df", "pvalue", "cohens_d",
                "hedges_g"):
        np.testing.assert_allclose(merged[col], merged[f"{col}_r"], rtol=1e-8, err_msg=col)


def test_little_mcar_agrees_with_r(ref, data):
    m = ref["mcar"]
    got = little_mcar(data, m["columns"])
    assert got.df == m["df"]
    assert got.n_patterns == m["n_patterns"]
    assert got.statistic == pytest.approx(m["statistic"], rel=1e-6)
    assert got.pvalue == pytest.approx(m["pvalue"], rel=1e-5)
