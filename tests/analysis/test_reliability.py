"""Reliability against R (psych 2.2.9, semTools 0.5-6, lavaan 0.6-14).

Fixtures: ``tests/reference/r/psychometrics.R``. Tolerance for everything R computes: 1e-3
(the issue's bar); the estimates actually agree to about 1e-6.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pingouin
import pytest
from click.testing import CliRunner

from craftwave.analysis.omega_h import oblimin, omega_hierarchical, varimax
from craftwave.analysis.reliability import (
    ave,
    composite_reliability,
    cronbach_alpha,
    feldt_ci,
    htmt,
    omega_total,
    reliability,
    reliability_table,
)
from craftwave.cli import main
from craftwave.instruments import DataError, instrument_from_dict, load_library
from craftwave.instruments.errors import HeywoodWarning
from craftwave.instruments.names import item_var

REF = Path(__file__).resolve().parents[1] / "reference"
TOL = 1e-3


def _json(name: str) -> dict:
    return json.loads((REF / name).read_text(encoding="utf-8"))


FRAMES = {
    "hs": pd.read_csv(REF / "data" / "psy_hs.csv"),
    "bfi": pd.read_csv(REF / "data" / "psy_bfi.csv"),
}
SCALES = _json("psychometrics_reliability.json")["scales"]
HTMT = _json("psychometrics_htmt.json")
OMEGA = _json("psychometrics_omega.json")


def _bfi_range(scale: dict) -> tuple[float, float] | None:
    return (1, 6) if scale["data"] == "bfi" else None


@pytest.fixture(scope="module")
def results() -> dict:
    return {s["name"]: reliability(FRAMES[s["data"]], s["items"], reverse=s["reverse"],
                                   scale_range=_bfi_range(s)) for s in SCALES}


@pytest.mark.parametrize("scale", SCALES, ids=[s["name"] for s in SCALES])
class TestAgainstR:
    def test_alpha_matches_psych(self, scale, results):
        assert results[scale["name"]].alpha == pytest.approx(scale["alpha"], abs=TOL)
        assert results[scale["name"]].n == scale["n"]

    def test_alpha_ci_is_psych_feldt(self, scale, results):
        lo, hi = results[scale["name"]].alpha_ci
        assert lo == pytest.approx(scale["alpha_ci_feldt"][0], abs=TOL)
        assert hi == pytest.approx(scale["alpha_ci_feldt"][1], abs=TOL)

    def test_alpha_ci_is_pingouin_unrounded(self, scale, results):
        d = FRAMES[scale["data"]][scale["items"]].copy()
        for col in scale["reverse"]:
            d[col] = 7 - d[col]
        _, rounded = pingouin.cronbach_alpha(d)
        assert np.allclose(results[scale["name"]].alpha_ci, rounded, atol=5e-4 + 1e-12)

    def test_omega_total_matches_compRelSEM(self, scale, results):
        assert results[scale["name"]].omega_total == pytest.approx(scale["omega_total"], abs=TOL)

    def test_composite_reliability_matches_obs_var_false(self, scale, results):
        got = results[scale["name"]].composite_reliability
        assert got == pytest.approx(scale["composite_reliability"], abs=TOL)

    def test_ave_matches_semTools(self, scale, results):
        assert results[scale["name"]].ave == pytest.approx(scale["ave"], abs=TOL)

    def test_standardised_loadings_match_lavaan(self, scale, results):
        got = results[scale["name"]].std_loadings.to_numpy()
        assert np.allclose(got, scale["std_loadings"], atol=TOL)

    def test_fornell_larcker_cr_and_ave_from_standardised_loadings(self, scale, results):
        res = results[scale["name"]]
        assert res.composite_reliability_fl == pytest.approx(scale["fl_composite_reliability"],
                                                             abs=TOL)
        assert res.ave_fl == pytest.approx(scale["fl_ave"], abs=TOL)


def test_each_coefficient_says_what_it_is_and_which_rows_it_used():
    d = FRAMES["hs"].copy()
    d.loc[:9, "x2"] = np.nan
    res = reliability(d, ["x1", "x2", "x3"])
    out = res.to_dict()
    assert out["nobs"] == 291 and "listwise" in out["rows"]
    for key in ("alpha", "omega_total", "composite_reliability", "ave",
                "composite_reliability_fl", "ave_fl"):
        assert key in out["methods"] and "listwise" in out["methods"][key]
    assert "semTools" in out["methods"]["ave"] and "Fornell-Larcker" in out["methods"]["ave_fl"]
    text = res.summary()
    assert "Fornell-Larcker" in text and "semTools" in text
    om = omega_hierarchical(d, [f"x{i}" for i in range(1, 10)], nfactors=3)
    assert "pairwise" in om.to_dict()["rows"] and om.nobs == 301


def test_omega_warns_where_psych_warns_of_an_ultra_heywood_case():
    ref = _json("psychometrics_heywood.json")
    assert any("ultra-Heywood" in w for w in ref["warnings"])
    data = pd.read_csv(REF / "data" / ref["data"])
    with pytest.warns(HeywoodWarning, match="ultra-Heywood") as rec:
        om = omega_hierarchical(data, nfactors=ref["nfactors"])
    assert om.warnings and len(rec) == len(om.warnings)
    assert om.omega_h == pytest.approx(ref["omega_h"], abs=TOL)
    assert om.omega_total == pytest.approx(ref["omega_total"], abs=TOL)
    assert np.allclose(om.communalities, list(ref["communalities"].values()), atol=TOL)


def test_omega_without_heywood_case_stays_quiet():
    om = omega_hierarchical(FRAMES["hs"], nfactors=3)
    assert om.warnings == ()


def test_the_single_functions_agree_with_the_one_call():
    s = next(s for s in SCALES if s["name"] == "C")
    d, kw = FRAMES["bfi"], {"reverse": s["reverse"], "scale_range": (1, 6)}
    a, ci = cronbach_alpha(d, s["items"], **kw)
    assert a == pytest.approx(s["alpha"], abs=1e-9)
    assert omega_total(d, s["items"], **kw) == pytest.approx(s["omega_total"], abs=TOL)
    assert composite_reliability(d, s["items"], **kw) == pytest.approx(
        s["composite_reliability"], abs=TOL)
    assert ave(d, s["items"], **kw) == pytest.approx(s["ave"], abs=TOL)


def test_reverse_keying_matters():
    s = next(s for s in SCALES if s["name"] == "A")
    wrong = reliability(FRAMES["bfi"], s["items"])
    assert wrong.alpha < s["alpha"] - 0.02


@pytest.mark.parametrize("data", ["hs", "bfi"])
@pytest.mark.parametrize("variant", ["htmt2", "htmt"])
def test_htmt_matches_semTools(data, variant):
    ref = HTMT[data]
    got = htmt(FRAMES[data], ref["groups"], htmt2=variant == "htmt2",
               reverse=ref.get("reverse"), scale_range=(1, 6))
    assert list(got.index) == ref[variant]["factors"]
    assert np.allclose(got.to_numpy(), np.array(ref[variant]["matrix"]), atol=TOL)


def test_feldt_interval_shrinks_with_n():
    narrow = feldt_ci(0.8, 2000, 5)
    wide = feldt_ci(0.8, 50, 5)
    assert wide[0] < narrow[0] < 0.8 < narrow[1] < wide[1]


# -- hierarchical omega (psych::omega, Schmid-Leiman) ----------------------------------------

def _bfi_reversed() -> pd.DataFrame:
    d = FRAMES["bfi"].copy()
    for col in HTMT["bfi"]["reverse"]:
        d[col] = 7 - d[col]
    return d


@pytest.mark.parametrize("case", sorted(OMEGA))
def test_omega_hierarchical_matches_psych(case):
    ref = OMEGA[case]
    data = FRAMES["hs"] if case.startswith("hs") else _bfi_reversed()
    om = omega_hierarchical(data, ref["items"], nfactors=ref["nfactors"])
    assert om.omega_h == pytest.approx(ref["omega_h"], abs=TOL)
    assert om.omega_total == pytest.approx(ref["omega_total"], abs=TOL)
    assert om.alpha == pytest.approx(ref["alpha"], abs=TOL)
    assert np.allclose(om.g_loadings, ref["g_loadings"], atol=TOL)
    # group factors: the same columns up to order and sign
    mine = om.group_loadings.to_numpy()
    theirs = np.array(ref["group_loadings"]).reshape(len(ref["items"]), -1)
    for col in theirs.T:
        gap = min(min(np.abs(m - col).max(), np.abs(m + col).max()) for m in mine.T)
        assert gap < TOL


def test_omega_hierarchical_reverse_keys_plain_items():
    s = HTMT["bfi"]
    items = s["groups"]["A"] + s["groups"]["C"] + s["groups"]["E"]
    direct = omega_hierarchical(_bfi_reversed(), items, nfactors=3)
    keyed = omega_hierarchical(FRAMES["bfi"], items, nfactors=3, reverse=s["reverse"][:5],
                               scale_range=(1, 6))
    assert keyed.omega_h == pytest.approx(direct.omega_h, abs=1e-9)


def test_rotations_keep_the_common_variance():
    rng = np.random.default_rng(21)
    simple = np.kron(np.eye(3), np.ones((3, 1))) * 0.6
    lam = simple + rng.uniform(0.0, 0.2, size=(9, 3))
    rot = varimax(lam)
    assert np.allclose(rot @ rot.T, lam @ lam.T)
    pattern, phi = oblimin(rot)
    assert np.allclose(pattern @ phi @ pattern.T, lam @ lam.T, atol=1e-8)
    assert np.allclose(np.diag(phi), 1)


def test_omega_hierarchical_errors():
    with pytest.raises(DataError, match="at least two group factors"):
        omega_hierarchical(FRAMES["hs"], nfactors=1)
    with pytest.raises(DataError, match="needs at least 4 items"):
        omega_hierarchical(FRAMES["hs"], ["x1", "x2", "x3"], nfactors=3)


# -- instruments: items found by name, reversed through the definition -----------------------

def _icraft_wide(rng: np.random.Generator, n: int = 250, waves=(1, 2)) -> pd.DataFrame:
    inst = load_library()["icraft"]
    subs = [s.id for s in inst.subscales]
    cols = {"participant_id": [f"p{i}" for i in range(n)]}
    for w in waves:
        trait = rng.normal(size=(n, len(subs)))
        for item in inst.items:
            x = 3 + 0.9 * trait[:, subs.index(item.subscale)] + rng.normal(scale=0.7, size=n)
            if inst.is_reversed(item.id):
                x = 6 - x
            cols[item_var(inst.prefix, item.id, w)] = np.clip(np.round(x), 1, 5).astype(int)
    return pd.DataFrame(cols)


def test_instrument_items_are_reverse_keyed_before_reliability():
    rng = np.random.default_rng(11)
    data = _icraft_wide(rng)
    inst = load_library()["icraft"]
    got = reliability(data, instrument=inst, wave=2, subscale="task")
    cols = [item_var("icraft", f"task_{i}", 2) for i in range(1, 5)]
    manual = data[cols].copy()
    manual["icraft_task_4_w2"] = 6 - manual["icraft_task_4_w2"]
    want = reliability(manual, cols)
    assert got.items == tuple(cols)
    assert got.alpha == pytest.approx(want.alpha, abs=1e-12)
    assert got.omega_total == pytest.approx(want.omega_total, abs=1e-6)
    raw = reliability(data, cols)
    assert raw.alpha < got.alpha - 0.1


def test_reliability_table_covers_every_subscale_and_wave():
    rng = np.random.default_rng(12)
    data = _icraft_wide(rng)
    table = reliability_table(data, {"icraft": load_library()["icraft"]})
    assert list(table["scale"]) == [
        "icraft_task_w1", "icraft_relational_w1", "icraft_cognitive_w1", "icraft_w1",
        "icraft_task_w2", "icraft_relational_w2", "icraft_cognitive_w2", "icraft_w2"]
    sub = table[table["subscale"].notna()]
    assert sub["omega_total"].between(0.6, 0.95).all()
    assert (sub["alpha_ci_lower"] < sub["alpha"]).all()
    assert (sub["omega_method"] == "one-factor CFA").all() and sub["omega_h"].isna().all()
    whole = table[table["subscale"].isna()]
    assert (whole["omega_method"] == "Schmid-Leiman").all()
    assert (whole["omega_h"] < whole["omega_total"]).all() and whole["ave"].isna().all()
    assert (table["n_items"] == [4, 3, 3, 10] * 2).all()


def test_non_substantive_codes_are_missing_not_numbers():
    raw = load_library()["icraft"].model_dump(mode="json")
    raw["response_scales"][0]["options"].append(
        {"value": 9, "label": {"en": "Prefer not to say"}, "missing": True})
    inst = instrument_from_dict(raw)
    data = _icraft_wide(np.random.default_rng(13), n=120, waves=(1,))
    col = item_var("icraft", "task_2", 1)
    data.loc[:9, col] = 9
    res = reliability(data, instrument=inst, wave=1, subscale="task")
    assert res.n == 110
    with pytest.raises(DataError, match="value 9 in row 0 is not on the scale"):
        reliability(data, instrument=load_library()["icraft"], wave=1, subscale="task")


# -- errors that name the problem ------------------------------------------------------------

@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.assign(x2="a"), "column 'x2': non-numeric value 'a' in row 0"),
    (lambda d: d.assign(x3=4.0), "column 'x3' is constant"),
    (lambda d: d.assign(x1=np.nan), "column 'x1' is empty"),
    (lambda d: d.head(2), "needs at least 3 complete cases; the data have 2"),
])
def test_errors_name_the_column_or_the_count(change, message):
    d = change(FRAMES["hs"][["x1", "x2", "x3"]].copy())
    with pytest.raises(DataError, match=message.replace("(", r"\(")):
        reliability(d, ["x1", "x2", "x3"])


def test_unknown_variable_is_named():
    with pytest.raises(DataError, match="unknown variable.*'x10'"):
        reliability(FRAMES["hs"], ["x1", "x2", "x10"])


def test_omega_needs_three_items():
    with pytest.raises(DataError, match="at least 3 items"):
        omega_total(FRAMES["hs"], ["x1", "x2"])
    two = reliability(FRAMES["hs"], ["x1", "x2"])
    assert np.isnan(two.omega_total) and not np.isnan(two.alpha)


# -- the command line -------------------------------------------------------------------------

def test_cli_reliability_json_matches_R():
    s = next(s for s in SCALES if s["name"] == "textual")
    out = CliRunner().invoke(main, ["reliability", str(REF / "data" / "psy_hs.csv"),
                                    "--items", ",".join(s["items"]), "--json"])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.output)
    assert {"alpha", "alpha_ci", "omega_total", "composite_reliability", "ave"} <= set(payload)
    assert payload["alpha"] == pytest.approx(s["alpha"], abs=TOL)
    assert payload["alpha_ci"] == pytest.approx(s["alpha_ci_feldt"], abs=TOL)
    assert payload["omega_total"] == pytest.approx(s["omega_total"], abs=TOL)
    assert payload["ave"] == pytest.approx(s["ave"], abs=TOL)


def test_cli_reliability_reverse_and_errors():
    s = next(s for s in SCALES if s["name"] == "A")
    path = str(REF / "data" / "psy_bfi.csv")
    out = CliRunner().invoke(main, ["reliability", path, "--items", ",".join(s["items"]),
                                    "--reverse", "A1", "--scale-min", "1", "--scale-max", "6",
                                    "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["omega_total"] == pytest.approx(s["omega_total"], abs=TOL)
    bad = CliRunner().invoke(main, ["reliability", path, "--items", "A1,A2,Z9"])
    assert bad.exit_code == 2 and "'Z9'" in bad.output


def test_cli_reliability_table_of_instruments(tmp_path):
    path = tmp_path / "wide.csv"
    _icraft_wide(np.random.default_rng(14), n=150, waves=(1,)).to_csv(path, index=False)
    out = CliRunner().invoke(main, ["reliability", str(path), "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert [r["scale"] for r in rows] == ["icraft_task_w1", "icraft_relational_w1",
                                          "icraft_cognitive_w1", "icraft_w1"]
    one = CliRunner().invoke(main, ["reliability", str(path), "--instrument", "icraft",
                                    "--wave", "1", "--subscale", "task", "--json"])
    assert json.loads(one.output)["alpha"] == pytest.approx(rows[0]["alpha"], abs=1e-12)


def test_cli_hierarchical_omega_matches_psych():
    ref = OMEGA["hs"]
    out = CliRunner().invoke(main, ["reliability", str(REF / "data" / "psy_hs.csv"),
                                    "--items", ",".join(ref["items"]), "--nfactors", "3",
                                    "--json"])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.output)
    assert payload["omega_h"] == pytest.approx(ref["omega_h"], abs=TOL)
    assert payload["omega_total_hierarchical"] == pytest.approx(ref["omega_total"], abs=TOL)
    text = CliRunner().invoke(main, ["reliability", str(REF / "data" / "psy_hs.csv"),
                                     "--items", ",".join(ref["items"]), "--nfactors", "3"])
    assert "Omega hierarchical" in text.output and f"{ref['omega_h']:.3f}" in text.output



def test_a_negative_factor_variance_leaves_standardized_loadings_undefined():
    # a Heywood solution (the engine warns when fitting it): std.all is NaN, as in lavaan,
    # and computing it raises no floating-point warning
    from craftwave.analysis.reliability import OneFactor

    fit = OneFactor(("a", "b", "c"), np.array([1.0, -0.4, -0.4]), -0.5,
                    np.array([1.6, 0.9, 1.0]), np.eye(3), 400)
    assert np.isnan(fit.std_loadings).all()
    ok = OneFactor(("a", "b", "c"), np.array([1.0, 0.8, 0.6]), 0.5,
                   np.array([0.5, 0.6, 0.7]), np.eye(3), 400)
    assert ok.std_loadings[0] == pytest.approx(np.sqrt(0.5 / 1.0))
