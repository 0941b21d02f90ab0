"""The fitted models both reports use, fitted once per build (``ctx.shared``)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from craftwave.instruments.errors import DataError
from craftwave.instruments.names import with_wave
from craftwave.reports.minimums import require_cases
from craftwave.reports.sections.base import ReportContext
from craftwave.reports.sections.common import FOCAL, analysis_frame, study_waves


def focal_waves(ctx: ReportContext) -> tuple[int, int, int]:
    waves = study_waves(ctx)
    if len(waves) < 3:
        raise DataError(f"the focal model needs three waves; the study has {len(waves)}")
    return (waves[0], waves[1], waves[2])


def focal_spec(ctx: ReportContext):
    """The focal model's builder output (syntax with the full-sample probe values)."""
    from craftwave.analysis.panel import focal

    frame = analysis_frame(ctx)
    return ctx.shared("focal_spec", lambda: focal(frame, waves=focal_waves(ctx), **FOCAL))


def focal_fit(ctx: ReportContext) -> Any:
    """The focal model fitted by the SEM engine with the report's missing-data method."""

    def compute():
        spec = focal_spec(ctx)
        frame = analysis_frame(ctx)
        require_cases("focal", spec.prepared(frame), spec.observed)
        result = spec.fit(frame, missing=ctx.options.missing, estimator=ctx.options.estimator)
        ctx.record.model("focal", syntax=spec.syntax, estimator=ctx.options.estimator,
                         missing=ctx.options.missing, n=_n_used(result, frame, spec))
        return result

    return ctx.shared("focal_fit", compute)


def mediation_fit(ctx: ReportContext) -> Any:
    """PROCESS model 7 on the focal variables with the bootstrap (complete cases)."""

    def compute():
        from craftwave.analysis.mediation import moderated_mediation

        w1, w2, w3 = focal_waves(ctx)
        frame = analysis_frame(ctx)
        covs = [with_wave(FOCAL["m"], w1), with_wave(FOCAL["y"], w2)]
        require_cases("mediation", frame, [with_wave(FOCAL["x"], w1), with_wave(FOCAL["w"], w1),
                                           with_wave(FOCAL["m"], w2), with_wave(FOCAL["y"], w3),
                                           *covs])
        res = moderated_mediation(
            frame, x=with_wave(FOCAL["x"], w1), w=with_wave(FOCAL["w"], w1),
            m=with_wave(FOCAL["m"], w2), y=with_wave(FOCAL["y"], w3), covariates=covs,
            model=7, bootstrap=ctx.options.bootstrap, seed=ctx.options.seed,
            level=ctx.options.level,
        )
        ctx.record.model("moderated_mediation", syntax=res.syntax, estimator="ML (OLS)",
                         missing="listwise", n=res.n, bootstrap=res.bootstrap.n_boot,
                         n_failed=res.bootstrap.n_failed, ci=res.bootstrap.ci)
        return res

    return ctx.shared("mediation", compute)


def _n_used(result: Any, frame: pd.DataFrame, spec: Any) -> int:
    for attr in ("n_obs", "nobs", "n"):
        v = getattr(result, attr, None)
        if isinstance(v, (list, tuple)) and v:
            return int(sum(v))
        if isinstance(v, (int, float)):
            return int(v)
    return int(frame[list(spec.observed[:2])].notna().any(axis=1).sum())
