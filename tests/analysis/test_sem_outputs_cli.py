"""``craftwave fit --standardized/--rsquare/--residuals`` and ``craftwave predict`` against lavaan."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from craftwave.cli import main

ABS = 1e-3


@pytest.fixture()
def files(tmp_path, reference, reference_dir):
    def make(name):
        ref = reference(f"sem_outputs_{name}")
        path = tmp_path / f"{name}.lav"
        path.write_text(ref["model"], encoding="utf-8")
        return ref, str(path), str(reference_dir / "data" / ref["data"])
    return make


def _invoke(args):
    out = CliRunner().invoke(main, args)
    assert out.exit_code == 0, out.output
    return out


def test_fit_json_carries_standardized_rsquare_and_residuals(files):
    ref, model, data = files("poldem")
    d = json.loads(_invoke(["fit", model, data, "--standardized", "--std-type", "std.lv",
                            "--rsquare", "--residuals", "--json"]).output)
    assert d["standardized"]["type"] == "std.lv"
    lav = pd.DataFrame(ref["standardized"]["std_lv"])
    mine = pd.DataFrame(d["standardized"]["parameters"])
    merged = lav[lav["op"] != ":="].merge(mine, on=["lhs", "op", "rhs"], suffixes=("_lav", ""))
    assert len(merged) == (lav["op"] != ":=").sum()
    assert (merged["est_std"] - merged["est.std"]).abs().max() <= ABS
    assert (merged["se"] - merged["se_lav"]).abs().max() <= ABS
    indirect = mine[(mine["op"] == ":=") & (mine["lhs"] == "indirect")].iloc[0]
    lav_ind = lav[(lav["op"] == ":=") & (lav["lhs"] == "indirect")].iloc[0]
    assert indirect["se"] == pytest.approx(lav_ind["se"], abs=ABS)
    r2 = {r["name"]: r["r2"] for r in d["rsquare"]}
    assert set(r2) == {r["name"] for r in ref["r2"]}
    assert r2["dem65"] == pytest.approx(next(r["r2"] for r in ref["r2"]
                                             if r["name"] == "dem65"), abs=ABS)
    res = d["residuals"]
    assert res["type"] == "cor.bollen"
    assert res["srmr"] == pytest.approx(d["fit"]["srmr"], abs=1e-12)
    lav_cor = ref["residuals"]["cor"][0]
    got = pd.DataFrame(res["groups"][0]["cov"], index=res["groups"][0]["names"],
                       columns=res["groups"][0]["names"]).loc[lav_cor["names"], lav_cor["names"]]
    assert np.abs(got.to_numpy() - np.array(lav_cor["cov"])).max() <= ABS


def test_fit_text_shows_the_sections(files):
    _, model, data = files("hs_cfa")
    out = _invoke(["fit", model, data, "--standardized", "--rsquare", "--residuals",
                   "standardized"])
    assert "Standardized solution (std.all, delta-method SE)" in out.output
    assert "R-square:" in out.output
    assert "Residuals (standardized)" in out.output
    plain = _invoke(["fit", model, data]).output
    assert "R-square:" not in plain and "Standardized solution" not in plain


def test_fit_with_an_interaction_term(files):
    ref, model, data = files("interaction")
    d = json.loads(_invoke(["fit", model, data, "--json", "--standardized"]).output)
    rows = {(p["lhs"], p["op"], p["rhs"]): p for p in d["parameters"]}
    lav = {(p["lhs"], p["op"], p["rhs"]): p for p in ref["parameters"]}
    assert rows.keys() == lav.keys()
    assert rows[("Y", "~", "X:W")]["est"] == pytest.approx(lav[("Y", "~", "X:W")]["est"],
                                                           abs=ABS)
    assert rows[("Y", "~", "X:W")]["se"] == pytest.approx(lav[("Y", "~", "X:W")]["se"], abs=ABS)
    assert d["fit"]["chisq"] == pytest.approx(ref["fit"]["chisq"], rel=1e-4)
    assert any(p["rhs"] == "X:W" for p in d["standardized"]["parameters"])


@pytest.mark.parametrize(("name", "method", "extra"), [
    ("fiml", "bartlett", ["--missing", "fiml"]),
    ("hs_cfa", "regression", []),
    ("mg", "regression", ["--group", "school", "--group-equal", "loadings"]),
])
def test_predict_writes_lavpredict_scores(files, tmp_path, name, method, extra):
    ref, model, data = files(name)
    out_csv = tmp_path / "scores.csv"
    out = _invoke(["predict", model, data, "--method", method, "--keep", "id",
                   "--out", str(out_csv), *extra])
    assert "Wrote factor scores" in out.output
    scores = pd.read_csv(out_csv)
    assert list(scores.columns[:1]) == ["id"]
    assert list(scores["id"]) == list(pd.read_csv(data)["id"])
    lav = pd.DataFrame(ref["predict"][method])
    cols = ["visual", "textual", "speed"]
    assert np.nanmax(np.abs(scores[cols].to_numpy() - lav[cols].to_numpy(float))) <= ABS


def test_predict_json_and_errors(files):
    _, model, data = files("hs_cfa")
    d = json.loads(_invoke(["predict", model, data, "--json"]).output)
    assert d["method"] == "regression" and d["latent"] == ["visual", "textual", "speed"]
    assert len(d["scores"]) == 301
    bad = CliRunner().invoke(main, ["predict", model, data, "--keep", "nope"])
    assert bad.exit_code == 2 and "nope" in bad.output


def test_bootstrap_of_an_interaction_model(files):
    _, model, data = files("interaction")
    d = json.loads(_invoke(["fit", model, data, "--bootstrap", "100", "--seed", "3",
                            "--json"]).output)
    assert d["se"] == "bootstrap" and d["bootstrap"]["bootstrap"]["n_failed"] == 0
    row = next(p for p in d["parameters"] if p["rhs"] == "X:W" and p["lhs"] == "Y")
    # the resamples rebuild the product column: a bootstrap SE of the same order as the
    # normal-theory one, and an interval around the estimate
    assert 0.5 < row["se"] / row["se_normal"] < 2.0
    assert row["ci_lower"] < row["est"] < row["ci_upper"]
