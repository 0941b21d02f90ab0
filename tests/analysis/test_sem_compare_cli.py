"""``craftwave compare`` and ``craftwave fit --estimator MLM|MLMV|ULS|GLS`` on the reference data."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from craftwave.cli import main


@pytest.fixture()
def lrt_ref(reference):
    return reference("sem_estimators_lrt_mlm_sb2010")


@pytest.fixture()
def model_files(tmp_path, lrt_ref):
    paths = {}
    for name in ("three", "orthogonal"):
        path = tmp_path / f"{name}.lav"
        path.write_text(lrt_ref["models"][name] + "\n", encoding="utf-8")
        paths[name] = str(path)
    return paths


@pytest.fixture()
def hs_csv(reference_dir):
    return str(reference_dir / "data" / "sem_hs.csv")


def test_compare_json_matches_lavaan(model_files, hs_csv, lrt_ref):
    out = CliRunner().invoke(main, ["compare", model_files["orthogonal"], model_files["three"],
                                    hs_csv, "--estimator", "mlm", "--method",
                                    "satorra.bentler.2010", "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert d["method"] == "satorra.bentler.2010" and d["estimator"] == "MLM"
    assert [r["model"] for r in d["table"]] == ["three", "orthogonal"]
    lav = lrt_ref["table"][1]
    row = d["table"][1]
    assert row["df_diff"] == lav["df_diff"]
    for key in ("chisq_diff", "pvalue", "scaling_factor"):
        assert row[key] == pytest.approx(lav[key], rel=1e-4)


def test_compare_text_prints_lavaans_columns(model_files, hs_csv):
    out = CliRunner().invoke(main, ["compare", model_files["three"], model_files["orthogonal"],
                                    hs_csv, "--names", "free,orthogonal"])
    assert out.exit_code == 0, out.output
    assert "Chi-squared difference test" in out.output
    for col in ("Df", "AIC", "BIC", "Chisq", "Chisq diff", "Df diff", "Pr(>Chisq)", "RMSEA"):
        assert col in out.output
    assert "orthogonal" in out.output


def test_compare_error_is_plain(model_files, hs_csv):
    out = CliRunner().invoke(main, ["compare", model_files["three"], model_files["orthogonal"],
                                    hs_csv, "--method", "satorra.2000"])
    assert out.exit_code != 0
    assert "scaled test" in out.output
    assert "Traceback" not in out.output


@pytest.mark.parametrize("estimator,test", [("MLM", "satorra.bentler"),
                                            ("MLMV", "scaled.shifted"), ("GLS", "standard")])
def test_fit_takes_the_new_estimators(model_files, hs_csv, reference, estimator, test):
    out = CliRunner().invoke(main, ["fit", model_files["three"], hs_csv, "--estimator",
                                    estimator.lower(), "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    ref = reference(f"sem_estimators_hs_{estimator.lower()}")["fit"]
    assert d["estimator"] == estimator and d["test"] == test
    assert d["fit"]["chisq"] == pytest.approx(ref["chisq"], rel=1e-4)
    if estimator != "GLS":
        assert d["fit"]["chisq_scaled"] == pytest.approx(ref["chisq.scaled"], rel=1e-4)
        assert d["fit"]["rmsea_robust"] == pytest.approx(ref["rmsea.robust"], abs=1e-4)


def test_compare_gives_each_model_its_group_equal(tmp_path, hs_csv, reference):
    ref = reference("sem_estimators_lrt_mg_mlm")
    path = tmp_path / "hs.lav"
    path.write_text(ref["models"]["configural"] + "\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["compare", str(path), str(path), hs_csv, "--group", "school",
                                    "--group-equal-b", "loadings", "--estimator", "MLM",
                                    "--names", "configural,metric", "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    lav = ref["table"][1]
    row = d["table"][1]
    assert row["model"] == "metric" and row["df_diff"] == lav["df_diff"]
    assert row["chisq_diff"] == pytest.approx(lav["chisq_diff"], rel=1e-4)
    assert row["scaling_factor"] == pytest.approx(lav["scaling_factor"], rel=1e-4)
