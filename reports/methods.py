"""The methods paragraph, written from what the build actually ran."""

from __future__ import annotations

import platform
from importlib import metadata

from craftwave.reports.sections.base import ReportContext, Section

SOFTWARE = ("craftwave", "numpy", "pandas", "scipy", "statsmodels", "pingouin",
            "matplotlib", "jinja2", "weasyprint")


def software_versions(names: tuple[str, ...] = SOFTWARE) -> dict[str, str]:
    """Installed versions (``importlib.metadata``) of the packages craftwave's analyses use."""
    out = {"python": platform.python_version()}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return out


def methods_paragraphs(ctx: ReportContext, sections: list[Section]) -> list[str]:
    """The methods text: N per wave, estimator, missing data, bootstrap, software versions."""
    by_id = {s.id: s for s in sections}
    paras = []
    sample = by_id.get("sample")
    if sample is not None and sample.available:
        comp = sample.results["completed"]
        waves = ", ".join(f"wave {w}: N = {n}" for w, n in comp.items())
        paras.append(f"Of {sample.results['n_entered']} participants who entered the study, "
                     f"the numbers completing each wave were {waves}.")
    quality = by_id.get("quality")
    if quality is not None and quality.available:
        ex = quality.results["excluded"]
        paras.append("Careless responding was screened per participant and wave (longstring, "
                     "intra-individual response variability, Mahalanobis distance from the EM "
                     "means and covariance, even-odd consistency, psychometric synonyms and "
                     "antonyms, person-total correlation, autocorrelation, attention checks and "
                     "seconds per item, with thresholds that flag at most "
                     f"{ctx.policy.study.alpha:.0%} of attentive participant-waves). "
                     + ctx.policy.describe()
                     + (" Excluded participant-waves: "
                        + ", ".join(f"wave {w}: {n}" for w, n in ex.items()) + "."
                        if ctx.policy.excludes else ""))
    paras.extend(ctx.record.notes)
    models = ctx.record.models
    lines = []
    for name, label in (("focal", "The focal model"), ("riclpm", "The RI-CLPM")):
        m = models.get(name)
        if m:
            lines.append(f"{label} was estimated by {m['estimator']} with "
                         f"{_missing(m['missing'])} (N = {m['n']})"
                         + ("; observed predictors were treated as random variables, so "
                            "participants with a missing predictor were kept."
                            if m["missing"] == "fiml" else "."))
    med = models.get("moderated_mediation")
    if med:
        lines.append(
            f"Moderated mediation (PROCESS model 7) was estimated on complete cases (N = "
            f"{med['n']}) with {med['bootstrap']} bootstrap resamples (seed "
            f"{ctx.options.seed}; {med.get('n_failed', 0)} failed), {med.get('ci', 'percentile')} "
            "intervals; moderator probe values and centring were fixed at their full-sample "
            "values.")
    if "intervention" in models:
        lines.append(
            "The intervention was evaluated by intention to treat: ANCOVA of the first "
            "post-intervention outcome on arm adjusting for its pre-intervention value (HC3 "
            "standard errors) and a difference-in-differences over all waves with standard "
            "errors clustered by participant.")
    if lines:
        paras.append(" ".join(lines))
    missing = [s.title for s in sections if not s.available]
    if missing:
        paras.append("Not reported because their analysis was not available: "
                     + "; ".join(missing) + ".")
    versions = software_versions()
    paras.append("Software: " + ", ".join(f"{k} {v}" for k, v in versions.items()) + ". "
                 "The appendix gives every model's lavaan syntax, the craftwave command that "
                 "reproduces each model table, and an R script (reproduce.R) that refits the "
                 "lavaan models from the exported scores.csv with the same exclusions.")
    return paras


def _missing(m: str | None) -> str:
    return {"fiml": "full-information maximum likelihood for missing data (FIML)",
            "listwise": "listwise deletion"}.get(m or "", str(m))
