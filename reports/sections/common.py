"""What several sections share: construct names, the analysis frame and engine-result access."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from craftwave.instruments.errors import DataError
from craftwave.instruments.names import with_wave
from craftwave.reports.policy import policy_frame
from craftwave.reports.sections.base import ReportContext

#: The study's constructs (instrument prefixes) and how reports name them.
LABELS = {
    "icraft": "individual job crafting",
    "ccraft": "collaborative job crafting",
    "resil": "resilience",
    "meaning": "meaningful work",
    "ccommit": "career commitment",
}
SHORT = {"icraft": "Individual crafting", "ccraft": "Collaborative crafting",
         "resil": "Resilience", "meaning": "Meaningful work", "ccommit": "Career commitment"}
#: Roles in the focal model.
FOCAL = {"x": "icraft", "w": "ccraft", "m": "resil", "y": "ccommit"}
#: Community features (subscales of the ``community`` instrument) and their names.
FEATURES = {
    "community_forums": "Worker forums and groups",
    "community_giving": "Helping other workers",
    "community_receiving": "Getting help from other workers",
    "community_platform": "Platform events and support",
}
#: A worker "takes part" in a feature when its subscale mean is at least this value
#: (3 = "about once a week" on the community instrument's 1-5 frequency scale).
TAKES_PART = 3.0


def study_waves(ctx: ReportContext) -> list[int]:
    """The study's waves (study file first, else the data)."""
    return list(ctx.study.waves) or ctx.data.waves


def constructs_present(ctx: ReportContext, frame: pd.DataFrame | None = None) -> list[str]:
    """The study constructs with a score at wave 1."""
    frame = analysis_frame(ctx) if frame is None else frame
    return [c for c in LABELS if with_wave(c, 1) in frame.columns]


def quality(ctx: ReportContext):
    """The data-quality screen (``analysis.quality``) under the study's ``quality`` policy, run
    once per build: every participant-wave flagged and shown; excluded from the primary
    analyses only as the policy says (by default nothing)."""

    def compute():
        from craftwave.analysis.quality import apply_quality

        wide = ctx.data.wide
        if wide.empty:
            raise DataError("the export has no wide.csv with item answers")
        timings = ctx.data.page_timings if not ctx.data.page_timings.empty else None
        return apply_quality(wide, timings, policy=ctx.policy.for_flags(), analysis="primary")

    return ctx.shared("quality", compute)


def analysis_frame(ctx: ReportContext) -> pd.DataFrame:
    """One row per participant: participants.csv joined with scores, after the quality policy.

    The study's policy (``quality:`` in the export's study.yaml; default: exclude nothing from
    the primary analyses) decides which flagged participant-waves are blanked before scoring
    (:func:`craftwave.reports.policy.policy_frame`, the function the CLI uses too).
    """

    def compute() -> pd.DataFrame:
        data = ctx.data
        policy = ctx.policy
        timings = data.page_timings if not data.page_timings.empty else None
        pf = policy_frame(data.participants, data.scores, data.wide, timings, policy)
        ctx.record.exclusions = pf.excluded
        return pf.frame

    return ctx.shared("frame", compute)


def params_of(result: Any) -> pd.DataFrame:
    """The engine result's parameter table (lavaan orientation)."""
    params = getattr(result, "params", None)
    if callable(params):
        params = params()
    if not isinstance(params, pd.DataFrame):
        raise DataError("the fitted model has no parameter table")
    return params


def measures_of(result: Any) -> dict[str, float]:
    """The engine result's fit measures as a flat dict."""
    fm = getattr(result, "fit_measures", None)
    if callable(fm):
        fm = fm()
    if isinstance(fm, pd.Series):
        return {str(k): _float(v) for k, v in fm.items()}
    if isinstance(fm, pd.DataFrame):
        if {"measure", "value"} <= set(fm.columns):
            return {str(r.measure): _float(r.value) for r in fm.itertuples()}
        return {str(k): _float(v) for k, v in fm.iloc[0].items()}
    if isinstance(fm, dict):
        return {str(k): _float(v) for k, v in fm.items()}
    return {}


def _float(v: Any) -> float:
    try:
        return float(v)
    except (TypeError, ValueError):
        return float("nan")


def fit_sentence(fm: dict[str, float]) -> str:
    """APA-style fit summary: chi-square, CFI, TLI, RMSEA [90% CI], SRMR.

    Statistics bounded by 1 (CFI, RMSEA, SRMR, p) are written without a leading zero, TLI
    (which can exceed 1) with one, minus signs as U+2212.
    """
    from craftwave.reports import tables as T

    parts = []
    if np.isfinite(fm.get("chisq", np.nan)):
        df = fm.get("df", np.nan)
        p = fm.get("pvalue", np.nan)
        ptxt = "p < .001" if p < 0.001 else f"p = {T.pval(p)}"
        parts.append(f"χ²({df:.0f}) = {T.num(fm['chisq'])}, {ptxt}")
    if np.isfinite(fm.get("cfi", np.nan)):
        parts.append(f"CFI = {T.bounded(min(fm['cfi'], 1.0), 3)}")
    if np.isfinite(fm.get("tli", np.nan)):
        parts.append(f"TLI = {T.num(fm['tli'], 3)}")
    if np.isfinite(fm.get("rmsea", np.nan)):
        lo, hi = fm.get("rmsea_ci_lower", np.nan), fm.get("rmsea_ci_upper", np.nan)
        ci = (f", 90% CI [{T.bounded(lo, 3)}, {T.bounded(hi, 3)}]"
              if np.isfinite(lo) and np.isfinite(hi) else "")
        parts.append(f"RMSEA = {T.bounded(fm['rmsea'], 3)}{ci}")
    if np.isfinite(fm.get("srmr", np.nan)):
        parts.append(f"SRMR = {T.bounded(fm['srmr'], 3)}")
    return ", ".join(parts)
