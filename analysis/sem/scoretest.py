"""Score (Lagrange multiplier) tests of equality constraints, as lavaan 0.6's ``lavTestScore``.

craftwave merges equal parameters into one free parameter; lavaan keeps one parameter per row
and a constraint matrix R (``con.jac``). The score test needs lavaan's form: every free row gets
its own parameter (:func:`~craftwave.analysis.sem.extended.unmerged_model`), s is the gradient
of the log-likelihood per observation at the constrained estimates and I the expected
information of that unconstrained parameterisation. Releasing the constraints outside R1:

    Z1 = [[I, R1'], [R1, 0]],   X2 = N s' [ginv(Z1)]_11 s,   df = rank(R) - rank(R1)

(lavaan's ``lav_test_score.R``: the total test releases every constraint, with ginv(I); the
univariate test releases one; the cumulative test releases the largest univariate ones one
after another). The constraints are lavaan's: a label shared by several rows equates the first
row with each later one, ``group.equal`` equates group 1 with each later group, and a
``label == label`` constraint equates the first rows of the two labels. ``epc`` is the expected
change of every parameter when all constraints are released: ginv(I) s.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.estimation import Evaluator
from craftwave.analysis.sem.extended import expected_information, row_values, unmerged_model
from craftwave.analysis.sem.modindices import check_estimator
from craftwave.analysis.sem.result import SEMResult

__all__ = ["ScoreTester", "ScoreTestResult", "score_test", "constraint_pairs", "tester_for"]

_GINV_TOL = math.sqrt(np.finfo(float).eps)   # MASS::ginv's tolerance


def constraint_pairs(model) -> list[tuple[int, int]]:
    """lavaan's equality constraints of a compiled model as pairs of row indices."""
    by_key: dict[str, list[int]] = {}
    for k, row in enumerate(model.rows):
        if row.free >= 0 and row.eq_key:
            by_key.setdefault(row.eq_key, []).append(k)
    pairs: list[tuple[int, int]] = []
    for key, members in by_key.items():
        if key.startswith("label:"):
            by_label: dict[str, list[int]] = {}
            for k in members:
                by_label.setdefault(model.rows[k].label, []).append(k)
            firsts = []
            for rows in by_label.values():
                firsts.append(rows[0])
                pairs += [(rows[0], k) for k in rows[1:]]
            pairs += [(firsts[0], k) for k in firsts[1:]]
        else:
            pairs += [(members[0], k) for k in members[1:]]
    return pairs


def describe_row(model, k: int) -> str:
    """``lhs op rhs`` of a row, with its group when the model has several."""
    row = model.rows[k]
    text = f"{row.lhs} {row.op} {row.rhs}".strip()
    return f"{text} (group {row.group + 1})" if model.n_groups > 1 else text


class ScoreTester:
    """Score tests of releasing any subset of a fitted model's equality constraints.

    Parameters
    ----------
    model : CompiledModel
        The fitted (constrained) model.
    groups : list
        Its per-group data.
    theta : ndarray
        The constrained estimates.
    """

    def __init__(self, model, groups: list, theta: np.ndarray) -> None:
        self.model = model
        self.pairs = constraint_pairs(model)
        ev0 = Evaluator(model, groups)
        un = unmerged_model(ev0, theta)
        ev = Evaluator(un.model, groups)
        _, grad = ev.value_and_gradient(un.theta)
        self.score = -grad                      # gradient of logl / N
        self.info = expected_information(ev, un.theta)
        self.N = ev.N
        self.free_of_row = [r.free for r in un.model.rows]
        self.estimates = row_values(ev, un.theta)
        self.unmerged = un.model
        n = un.model.n_free
        R = np.zeros((len(self.pairs), n))
        for i, (a, b) in enumerate(self.pairs):
            R[i, self.free_of_row[a]] = 1.0
            R[i, self.free_of_row[b]] = -1.0
        self.R = R

    def _bordered_inverse(self, R1: np.ndarray) -> np.ndarray:
        n = self.info.shape[0]
        if R1.shape[0] == 0:
            return np.linalg.pinv(self.info, rcond=_GINV_TOL)
        Z = np.block([[self.info, R1.T], [R1, np.zeros((R1.shape[0], R1.shape[0]))]])
        return np.linalg.pinv(Z, rcond=_GINV_TOL)[:n, :n]

    def statistic(self, keep: list[tuple[int, int]] | np.ndarray) -> float:
        """X2 of releasing every constraint except those in ``keep`` (pairs of rows or R rows)."""
        R1 = self._matrix(keep)
        J = self._bordered_inverse(R1)
        return float(self.N * self.score @ J @ self.score)

    def _matrix(self, keep) -> np.ndarray:
        if isinstance(keep, np.ndarray):
            return keep
        R1 = np.zeros((len(keep), self.R.shape[1]))
        for i, (a, b) in enumerate(keep):
            R1[i, self.free_of_row[a]] = 1.0
            R1[i, self.free_of_row[b]] = -1.0
        return R1

    def release_rows(self, rows: set[int]) -> tuple[float, int]:
        """X2 and df of taking ``rows`` out of their equality classes (others stay equal)."""
        classes: dict[int, list[int]] = {}
        for k, row in enumerate(self.model.rows):
            if row.free >= 0 and k not in rows:
                classes.setdefault(row.free, []).append(k)
        keep = []
        for members in classes.values():
            keep += [(members[0], k) for k in members[1:]]
        R1 = self._matrix(keep)
        df = _rank(self.R) - _rank(R1) if R1.size else _rank(self.R)
        return self.statistic(R1), int(df)

    def epc(self) -> np.ndarray:
        """Expected change of every unmerged parameter when all constraints are released."""
        return self._bordered_inverse(self.R[:0]) @ self.score


def _rank(M: np.ndarray) -> int:
    return int(np.linalg.matrix_rank(M)) if M.size else 0


@dataclass
class ScoreTestResult:
    """lavTestScore's tables: the total test, univariate and cumulative tests, and the epc.

    Attributes
    ----------
    total : dict
        ``X2``, ``df``, ``pvalue`` of releasing every equality constraint.
    univariate : pandas.DataFrame
        One row per constraint: ``lhs op rhs X2 df pvalue`` (``lhs`` and ``rhs`` name the two
        parameters set equal, ``op`` is ``==``).
    cumulative : pandas.DataFrame
        The constraints by decreasing univariate X2, each row releasing it and those above.
    epc : pandas.DataFrame
        ``lhs op rhs group est epc epv`` of every free parameter when all are released.
    """

    total: dict[str, float]
    univariate: pd.DataFrame
    cumulative: pd.DataFrame
    epc: pd.DataFrame
    nobs: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def records(frame):
            return [{k: (None if isinstance(v, float) and not math.isfinite(v) else v)
                     for k, v in r.items()} for r in frame.to_dict(orient="records")]

        return {"test": "score", "information": "expected", "nobs": self.nobs,
                "total": self.total, "univariate": records(self.univariate),
                "cumulative": records(self.cumulative), "epc": records(self.epc),
                "notes": list(self.notes)}

    def summary(self) -> str:
        t = self.total
        lines = ["Score tests of the equality constraints (as lavaan's lavTestScore; expected "
                 "information)", "",
                 f"Total: X2 = {t['X2']:.3f}, df = {t['df']}, p = {_p(t['pvalue'])}", "",
                 "Univariate:"]
        width = max([len(s) for s in self.univariate["lhs"]] + [10])
        for title, frame in (("", self.univariate), ("Cumulative:", self.cumulative)):
            if title:
                lines += ["", title]
            for _, r in frame.iterrows():
                lines.append(f"  {r['lhs']:<{width}} == {r['rhs']:<{width}} "
                             f"X2 = {r['X2']:8.3f}  df = {int(r['df']):>2}  p = {_p(r['pvalue'])}")
        for note in self.notes:
            lines.append(f"Note: {note}")
        return "\n".join(lines)


def _p(x: float) -> str:
    return "<.001" if x < 0.001 else f"{x:.3f}"


def tester_for(result: SEMResult, data: pd.DataFrame, *, group: str | None = None
               ) -> ScoreTester:
    """A :class:`ScoreTester` of a fitted model on the data it was fitted to."""
    # imported here: api imports this package's siblings, and prepare_groups lives there
    from craftwave.analysis.sem.api import prepare_groups

    check_estimator(result)
    cm = result.model
    if result.missing == "fiml" and cm.fixed_x and cm.ov_x:
        data = data.loc[data[cm.ov_x].notna().all(axis=1)]
    groups, _ = prepare_groups(cm, data, missing=result.missing, group=group)
    return ScoreTester(cm, groups, result.theta)


def score_test(result: SEMResult, data: pd.DataFrame | None = None, *,
               group: str | None = None, cumulative: bool = True) -> ScoreTestResult:
    """Score tests of a fitted model's equality constraints, as ``lavTestScore(fit,
    cumulative = TRUE, epc = TRUE)``.

    Parameters
    ----------
    result : SEMResult or OrdinalFit
        A fit with equality constraints (shared labels, ``==``, or ``group_equal``); a WLSMV
        or DWLS fit of ordered indicators is tested with its DWLS information, as lavaan
        (thresholds and scale factors included).
    data : pandas.DataFrame
        The data it was fitted to (not needed for an ordinal fit).
    group : str, optional
        The group column of a multi-group fit.
    cumulative : bool
        Add the cumulative tests.

    Returns
    -------
    ScoreTestResult

    Raises
    ------
    ModelError
        When the model has no equality constraint.
    """
    # imported here: the categorical package imports this module
    from craftwave.analysis.sem.categorical.dwls import OrdinalFit

    if isinstance(result, OrdinalFit):
        from craftwave.analysis.sem.categorical.scoretests import ordinal_score_test

        return ordinal_score_test(result, cumulative=cumulative)
    if data is None:
        raise ModelError("score tests of this fit need the data it was fitted to")
    cm = result.model
    tester = tester_for(result, data, group=group)
    if not tester.pairs:
        raise ModelError("the model has no equality constraints to test (shared labels, "
                         "'==' or group_equal)")
    n_con = len(tester.pairs)
    total = tester.statistic([])
    uni = np.array([tester.statistic(tester.pairs[:i] + tester.pairs[i + 1:])
                    for i in range(n_con)])
    names = [(describe_row(cm, a), describe_row(cm, b)) for a, b in tester.pairs]
    univariate = pd.DataFrame({"lhs": [a for a, _ in names], "op": "==",
                               "rhs": [b for _, b in names], "X2": uni, "df": 1,
                               "pvalue": stats.chi2.sf(uni, 1)})
    order = np.argsort(-uni, kind="stable")
    cum = []
    if cumulative:
        for r in range(1, n_con + 1):
            released = set(order[:r].tolist())
            cum.append(tester.statistic([p for i, p in enumerate(tester.pairs)
                                         if i not in released]))
    cumulative_tab = univariate.iloc[order[:len(cum)]].reset_index(drop=True)
    cumulative_tab = cumulative_tab.assign(X2=cum, df=np.arange(1, len(cum) + 1))
    cumulative_tab["pvalue"] = stats.chi2.sf(cumulative_tab["X2"], cumulative_tab["df"])
    epc = tester.epc()
    rows = [(k, r) for k, r in enumerate(tester.unmerged.rows) if r.free >= 0]
    epc_tab = pd.DataFrame({
        "lhs": [r.lhs for _, r in rows], "op": [r.op for _, r in rows],
        "rhs": [r.rhs for _, r in rows], "group": [r.group + 1 for _, r in rows],
        "est": [tester.estimates[k] for k, _ in rows],
        "epc": [epc[r.free] for _, r in rows]})
    epc_tab["epv"] = epc_tab["est"] + epc_tab["epc"]
    df_total = _rank(tester.R)
    notes = []
    if result.estimator != "ML":
        notes.append("the score tests are the ordinary (normal-theory) ones, as lavaan's "
                     "lavTestScore falls back to them with robust standard errors")
    return ScoreTestResult(
        total={"X2": total, "df": df_total, "pvalue": float(stats.chi2.sf(total, df_total))},
        univariate=univariate, cumulative=cumulative_tab, epc=epc_tab, nobs=int(tester.N),
        notes=notes)
