"""``craftwave modindices`` and ``craftwave scoretest`` on the reference data."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from craftwave.cli import main

HS_MODEL = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n"


@pytest.fixture()
def model_file(tmp_path):
    path = tmp_path / "hs.lav"
    path.write_text(HS_MODEL, encoding="utf-8")
    return str(path)


@pytest.fixture()
def hs_csv(reference_dir):
    return str(reference_dir / "data" / "sem_hs.csv")


def _mi_key(row):
    return row["lhs"], row["op"], row["rhs"], row.get("group", 1)


def test_modindices_json_matches_lavaan(model_file, hs_csv, reference):
    out = CliRunner().invoke(main, ["modindices", model_file, hs_csv, "--function", "cfa",
                                    "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    ref = reference("sem_modindices_hs")["modindices"]
    assert d["nobs"] == 301 and d["information"] == "expected"
    assert [_mi_key(r) for r in d["modindices"][:5]] == [_mi_key(r) for r in ref[:5]]
    assert d["modindices"][0]["mi"] == pytest.approx(ref[0]["mi"], abs=1e-3)
    assert set(d["modindices"][0]) == {"lhs", "op", "rhs", "mi", "epc", "sepc_lv", "sepc_all",
                                       "sepc_nox"}


def test_modindices_min_and_top(model_file, hs_csv):
    out = CliRunner().invoke(main, ["modindices", model_file, hs_csv, "--min", "10",
                                    "--json"])
    rows = json.loads(out.output)["modindices"]
    assert rows and all(r["mi"] > 10 for r in rows)
    out = CliRunner().invoke(main, ["modindices", model_file, hs_csv, "--top", "2", "--json"])
    assert len(json.loads(out.output)["modindices"]) == 2


def test_modindices_takes_fit_options(model_file, hs_csv, reference):
    out = CliRunner().invoke(main, ["modindices", model_file, hs_csv, "--group", "school",
                                    "--group-equal", "loadings,intercepts", "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    ref = reference("sem_modindices_mg_scalar")["modindices"]
    assert d["group_labels"] == ["Pasteur", "Grant-White"]
    assert _mi_key(d["modindices"][0]) == _mi_key(ref[0])
    assert d["modindices"][0]["mi"] == pytest.approx(ref[0]["mi"], abs=1e-3)


def test_modindices_text(model_file, hs_csv):
    out = CliRunner().invoke(main, ["modindices", model_file, hs_csv, "--top", "3"])
    assert out.exit_code == 0, out.output
    assert "visual =~  x9" in out.output and "expected information" in out.output
    assert "listwise" in out.output


def test_scoretest_json_matches_lavaan(model_file, hs_csv, reference):
    out = CliRunner().invoke(main, ["scoretest", model_file, hs_csv, "--group", "school",
                                    "--group-equal", "loadings,intercepts", "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    ref = reference("sem_scoretest_mg_scalar")
    assert d["total"]["df"] == ref["total"]["df"]
    assert d["total"]["X2"] == pytest.approx(ref["total"]["X2"], abs=1e-3)
    assert len(d["univariate"]) == len(ref["univariate"])
    assert d["cumulative"][0]["X2"] == pytest.approx(ref["cumulative"][0]["X2"], abs=1e-3)


def test_scoretest_without_constraints_fails_cleanly(model_file, hs_csv):
    out = CliRunner().invoke(main, ["scoretest", model_file, hs_csv])
    assert out.exit_code == 2
    assert "no equality constraints" in out.output


def test_scoretest_text(model_file, hs_csv):
    out = CliRunner().invoke(main, ["scoretest", model_file, hs_csv, "--group", "school",
                                    "--group-equal", "loadings"])
    assert out.exit_code == 0, out.output
    assert "Univariate:" in out.output and "Cumulative:" in out.output
    assert "textual =~ x5 (group 1)" in out.output


def test_invariance_partial_auto(model_file, hs_csv, reference):
    ref = reference("sem_partial_search_mg")
    out = CliRunner().invoke(main, ["invariance", model_file, hs_csv, "--group", "school",
                                    "--partial", "auto", "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert d["data_driven"] is True and d["search"].startswith("data-driven")
    assert d["freed"] == ref["freed"]
    assert d["level_reached"] == "strict"
    assert [e["action"] for e in d["log"]] == [e["action"] for e in ref["log"]]
    text = CliRunner().invoke(main, ["invariance", model_file, hs_csv, "--group", "school",
                                     "--partial", "auto"]).output
    assert "DATA-DRIVEN" in text and "free x7 ~ 1" in text


def test_invariance_srmr_and_pvalue_criteria(model_file, hs_csv):
    out = CliRunner().invoke(main, ["invariance", model_file, hs_csv, "--group", "school",
                                    "--delta-pvalue", "0.05", "--delta-srmr", "0.01",
                                    "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert d["criteria"]["delta_pvalue"] == 0.05 and d["criteria"]["delta_srmr"] == 0.01
    assert d["level_reached"] == "metric"


def test_invariance_partial_auto_keeps_named_parameters_apart(model_file, hs_csv):
    out = CliRunner().invoke(main, ["invariance", model_file, hs_csv, "--group", "school",
                                    "--partial", "auto,x3 ~ 1", "--estimator", "MLR", "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert d["named"] == ["x3 ~ 1"] and "x3 ~ 1" not in d["freed"]
    assert d["estimator"] == "MLR"
    assert any("ordinary" in n for n in d["notes"])
