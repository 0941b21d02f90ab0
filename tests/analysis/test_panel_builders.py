"""Panel-model builders: the lavaan syntax they write (fits are in test_panel_fit.py)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.panel import clpm, focal, lcs, riclpm
from craftwave.instruments.errors import DataError, ModelError


def lines(model) -> list[str]:
    return [ln for ln in model.syntax.splitlines() if ln and not ln.startswith("#")]


def test_clpm_counts_and_names():
    m = clpm(["icraft", "resil"], [1, 2, 3, 4])
    ls = lines(m)
    regressions = [ln for ln in ls if " ~ " in ln]
    assert len(regressions) == 6  # 2 constructs x 3 lagged waves
    assert "resil_w4 ~ icraft_w3 + resil_w3" in ls
    assert "icraft_w1 ~~ resil_w1" in ls and "icraft_w3 ~~ resil_w3" in ls
    assert m.observed == tuple(f"{c}_w{t}" for c in ("icraft", "resil") for t in (1, 2, 3, 4))
    assert m.missing == "fiml" and "FIML" in m.syntax


def test_clpm_three_constructs_and_explicit_variables():
    m = clpm(variables={"a": ["a1", "a2"], "b": ["b1", "b2"], "c": ["c1", "c2"]})
    ls = lines(m)
    assert "b2 ~ a1 + b1 + c1" in ls
    assert {"a2 ~~ b2", "a2 ~~ c2", "b2 ~~ c2"} <= set(ls)
    assert m.waves == (1, 2)


def test_stationary_labels_repeat_across_waves():
    m = riclpm(["icraft", "resil"], [1, 2, 3, 4], stationary=True)
    labels = re.findall(r"([a-z]\w*)\*W_", m.syntax)
    assert set(labels) == {"ar_icraft", "ar_resil", "cl_icraft_resil", "cl_resil_icraft"}
    assert all(labels.count(lab) == 3 for lab in set(labels))
    free = riclpm(["icraft", "resil"], [1, 2, 3, 4])
    assert "ar_icraft" not in free.syntax


def test_riclpm_structure():
    ls = lines(riclpm(["icraft", "resil"], [1, 2, 3]))
    assert "RI_icraft =~ 1*icraft_w1 + 1*icraft_w2 + 1*icraft_w3" in ls
    assert "icraft_w2 ~~ 0*icraft_w2" in ls
    assert "W_resil_w3 ~ W_icraft_w2 + W_resil_w2" in ls
    assert "RI_icraft ~~ RI_resil" in ls and "RI_resil ~~ 0*W_icraft_w1" in ls


def test_riclpm_multiple_indicators():
    m = riclpm(["icraft", "resil"], [1, 2, 3], indicators={"icraft": ["task_1", "task_2", "task_3"]})
    ls = lines(m)
    assert "RI_icraft_task_2 =~ 1*icraft_task_2_w1 + 1*icraft_task_2_w2 + 1*icraft_task_2_w3" in ls
    # weak invariance: the same loading label at every wave
    assert sum("l_icraft_task_3*icraft_task_3_w" in ln for ln in ls) == 3
    assert "icraft_task_1_w2 ~~ icraft_task_1_w2" in ls  # measurement error is free
    assert "icraft_w1" not in m.observed and "resil_w1" in m.observed
    with pytest.raises(ModelError, match="at least two items"):
        riclpm(["icraft", "resil"], [1, 2, 3], indicators={"icraft": ["task_1"]})
    with pytest.raises(ModelError, match="unknown construct"):
        riclpm(["icraft", "resil"], [1, 2, 3], indicators={"meaning": ["a", "b"]})


def test_lcs_structure():
    ls = lines(lcs(["icraft", "resil"], [1, 2, 3, 4]))
    assert "L_icraft_w3 ~ 1*L_icraft_w2" in ls and "D_icraft_w3 =~ 1*L_icraft_w3" in ls
    assert "D_icraft_w4 ~ beta_icraft*L_icraft_w3 + gamma_resil_icraft*L_resil_w3" in ls
    assert "D_icraft_w2 ~~ cov_d_icraft_resil*D_resil_w2" in ls
    assert sum(ln.startswith("resil_w") and "~~ err_resil" in ln for ln in ls) == 4


def test_focal_without_and_with_data():
    spec = focal(controls=["age"])
    ls = lines(spec)
    assert ("resil_w2 ~ a1*icraft_w1 + a2*ccraft_w1 + a3*icraft_w1_x_ccraft_w1 + resil_w1 + age"
            in ls)
    assert ("ccommit_w3 ~ b*resil_w2 + c1*icraft_w1 + c2*ccraft_w1 + c3*icraft_w1_x_ccraft_w1"
            " + ccommit_w2 + age") in ls
    assert "imm := a3*b" in ls and not any(ln.startswith("ind_low") for ln in ls)

    rng = np.random.default_rng(0)
    cols = ["icraft_w1", "ccraft_w1", "resil_w1", "resil_w2", "ccommit_w2", "ccommit_w3"]
    data = pd.DataFrame(rng.normal(3, 0.8, size=(120, 6)), columns=cols)
    spec = focal(data)
    sd = float(data.ccraft_w1.std())
    assert f"ind_high := (a1 + a3*{sd!r})*b" in spec.syntax
    prepared = spec.prepared(data)
    assert prepared.icraft_w1.mean() == pytest.approx(0, abs=1e-12)
    np.testing.assert_allclose(prepared.icraft_w1_x_ccraft_w1,
                               prepared.icraft_w1 * prepared.ccraft_w1)
    assert data.icraft_w1.mean() > 2  # the input is not changed

    uncentred = focal(data, center=False)
    assert f"ind_mean := (a1 + a3*{float(data.ccraft_w1.mean())!r})*b" in uncentred.syntax


def test_validation():
    with pytest.raises(ModelError, match="at least 3 waves"):
        riclpm(["a", "b"], [1, 2])
    with pytest.raises(ModelError, match="increase"):
        clpm(["a", "b"], [2, 1])
    with pytest.raises(ModelError, match="lavaan syntax"):
        clpm(["a b", "c"], [1, 2])
    with pytest.raises(ModelError, match="same count"):
        clpm(variables={"a": ["a1", "a2"], "b": ["b1"]})
    with pytest.raises(ModelError, match="three waves"):
        focal(waves=(1, 2))
    m = clpm(["icraft", "resil"], [1, 2])
    with pytest.raises(DataError, match="resil_w2"):
        m.prepared(pd.DataFrame({"icraft_w1": [1.0], "icraft_w2": [1.0], "resil_w1": [1.0]}))
