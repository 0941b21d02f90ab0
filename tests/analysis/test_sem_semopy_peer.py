"""semopy as an independent Python peer of the SEM engine.

The engine is craftwave's own (lavaan's defaults, fit measures, FIML, MLR and the information
matrices the bootstrap needs), checked against lavaan's fixtures elsewhere; here the same ML
estimates must also come out of semopy, a separate implementation, on the same data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import semopy

from craftwave.analysis.sem import fit

HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n"


@pytest.fixture(scope="module")
def hs(reference_dir) -> pd.DataFrame:
    return pd.read_csv(reference_dir / "data" / "sem_hs.csv")[[f"x{i}" for i in range(1, 10)]]


def test_ml_estimates_agree_with_semopy(hs):
    ours = fit(HS, hs).params.set_index(["lhs", "op", "rhs"])["est"]
    peer = semopy.Model(HS)
    peer.fit(cov=hs.cov(ddof=0), n_samples=len(hs), solver="SLSQP", options={"ftol": 1e-12})
    table = peer.inspect()
    compared = 0
    for _, row in table.iterrows():
        # semopy writes a loading F =~ x as "x ~ F"; variances and covariances as "a ~~ b"
        if row["op"] == "~":
            key = (row["rval"], "=~", row["lval"])
        elif row["op"] == "~~":
            key = (row["lval"], "~~", row["rval"])
            if key not in ours.index:
                key = (row["rval"], "~~", row["lval"])
        else:
            continue
        assert ours[key] == pytest.approx(float(row["Estimate"]), abs=2e-3), key
        compared += 1
    assert compared == len(ours)  # every free and fixed parameter was matched


def test_semopy_and_the_engine_imply_the_same_covariance(hs):
    res = fit(HS, hs)
    peer = semopy.Model(HS)
    peer.fit(cov=hs.cov(ddof=0), n_samples=len(hs), solver="SLSQP", options={"ftol": 1e-12})
    sigma_peer = peer.calc_sigma()[0]
    order = [peer.vars["observed"].index(c) for c in hs.columns]
    sigma_peer = sigma_peer[np.ix_(order, order)]
    # chi-square from the implied matrix, lavaan's formula: N * F_ML
    S = hs.cov(ddof=0).to_numpy()
    p = S.shape[0]
    inv = np.linalg.inv(sigma_peer)
    f_ml = np.log(np.linalg.det(sigma_peer)) + np.trace(S @ inv) - np.log(np.linalg.det(S)) - p
    assert len(hs) * f_ml == pytest.approx(res.fit_measures["chisq"], rel=1e-3)
