"""``craftwave fit`` and ``craftwave invariance`` on the reference data."""

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


def test_fit_json_matches_lavaan(model_file, hs_csv, reference):
    out = CliRunner().invoke(main, ["fit", model_file, hs_csv, "--estimator", "MLR", "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    ref = reference("sem_hs_cfa_mlr")["fit"]
    assert d["converged"] and d["n_obs"] == 301 and d["estimator"] == "MLR"
    assert d["missing"] == "listwise"
    for key in ("chisq", "df", "pvalue", "cfi", "tli", "rmsea", "rmsea_ci_lower",
                "rmsea_ci_upper", "srmr", "loglik", "aic", "bic", "chisq_scaled",
                "scaling_factor", "cfi_robust", "tli_robust", "rmsea_robust"):
        assert key in d["fit"]
    assert d["fit"]["chisq_scaled"] == pytest.approx(ref["chisq.scaled"], rel=1e-3)
    row = next(p for p in d["parameters"] if p["lhs"] == "visual" and p["rhs"] == "x2")
    assert set(row) >= {"lhs", "op", "rhs", "group", "label", "est", "se", "z", "pvalue",
                        "ci_lower", "ci_upper", "std_all"}
    assert d["defined"] == []


def test_fit_text_states_missing_data_method(model_file, reference_dir):
    data = str(reference_dir / "data" / "sem_hs_missing.csv")
    out = CliRunner().invoke(main, ["fit", model_file, data, "--missing", "fiml"])
    assert out.exit_code == 0, out.output
    assert "full-information ML (FIML)" in out.output
    out = CliRunner().invoke(main, ["fit", model_file, data])
    assert "listwise deletion" in out.output


def test_fit_multigroup_with_group_equal(model_file, hs_csv, reference):
    out = CliRunner().invoke(main, ["fit", model_file, hs_csv, "--group", "school",
                                    "--group-equal", "loadings,intercepts", "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert d["group_labels"] == ["Pasteur", "Grant-White"]
    assert d["fit"]["chisq"] == pytest.approx(reference("sem_mg_scalar_ml")["fit"]["chisq"],
                                              rel=1e-3)


def test_fit_errors_are_plain(tmp_path, hs_csv):
    bad = tmp_path / "bad.lav"
    bad.write_text("F =~ x1 + nothere", encoding="utf-8")
    out = CliRunner().invoke(main, ["fit", str(bad), hs_csv])
    assert out.exit_code == 2
    assert "nothere" in out.output


def test_invariance_json(model_file, hs_csv, reference):
    out = CliRunner().invoke(main, ["invariance", model_file, hs_csv, "--group", "school",
                                    "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert [s["level"] for s in d["steps"]] == ["configural", "metric", "scalar", "strict"]
    assert set(d["steps"][1]) >= {"level", "chisq", "df", "cfi", "tli", "rmsea", "srmr",
                                  "delta_chisq", "delta_df", "delta_pvalue", "delta_cfi",
                                  "delta_rmsea"}
    lrt = reference("sem_mg_lrt_ml")
    assert d["steps"][2]["delta_chisq"] == pytest.approx(lrt["scalar"]["delta_chisq"], rel=1e-3)
    assert d["level_reached"] == "metric"


def test_invariance_longitudinal_text(tmp_path, reference_dir):
    model = tmp_path / "long.lav"
    model.write_text("\n".join(f"F{t} =~ " + " + ".join(f"jc_{j}_w{t}" for j in range(1, 5))
                               for t in (1, 2, 3)), encoding="utf-8")
    data = str(reference_dir / "data" / "sem_long.csv")
    out = CliRunner().invoke(main, ["invariance", str(model), data, "--long", "F1,F2,F3"])
    assert out.exit_code == 0, out.output
    assert "Level reached: strict" in out.output and "listwise deletion" in out.output
    out = CliRunner().invoke(main, ["invariance", str(model), data])
    assert out.exit_code == 2
