"""What each intervention analysis can and cannot show, in plain words."""

from __future__ import annotations

import pandas as pd


def ancova_statement(outcome: str, pre: str, post: str, randomised: bool,
                     n_missing: int) -> str:
    """What the ANCOVA shows (valid only under random assignment) and what it cannot."""
    itt = (
        "Participants are counted in the arm they were assigned to (intention to treat), "
        "whether or not they used what the arm offered, so the estimate is the effect of being "
        "offered the intervention, not of using it."
    )
    if randomised:
        core = (
            f"Comparing {post} between arms while adjusting for {pre} (ANCOVA) estimates the "
            "effect without bias only because the arms were assigned at random; that is what "
            "makes the arms comparable on everything, measured or not."
        )
    else:
        core = (
            "The arms were not assigned at random, so this ANCOVA is NOT a valid estimate of "
            f"the intervention's effect: the adjusted difference in {post} is an association "
            "that may reflect who took up or was offered the intervention, and adjusting for "
            f"{pre} cannot remove differences that were not measured."
        )
    missing = (
        f" {n_missing} assigned participant(s) without {post} or {pre} are left out (complete "
        "cases); if dropout depends on the outcome and differs by arm, the estimate is biased "
        "(see attrition by arm)."
        if n_missing
        else ""
    )
    return f"{itt} {core}{missing}"


def did_statement(outcome: str, after_wave: int, n_pre: int, randomised: bool) -> str:
    """What the difference-in-differences shows, and that one pre-wave cannot check trends."""
    base = (
        f"The difference-in-differences compares how {outcome} changed from wave {after_wave} "
        "in each arm with how it changed in the control arm. It removes stable differences "
        "between the arms, but only under the assumption that, without the intervention, the "
        "arms would have changed in parallel."
    )
    if n_pre <= 1:
        trend = (
            " With a single wave before the intervention, this parallel-trends assumption "
            "cannot be checked with these data."
        )
    else:
        trend = (
            f" With {n_pre} waves before the intervention, the contrasts at the earlier waves "
            "(placebo contrasts) show whether the arms were already drifting apart; parallel "
            "past trends make parallel future trends more plausible but do not prove them."
        )
    assign = (
        " Because arms were assigned at random, the comparison is also protected against "
        "selection into the intervention."
        if randomised
        else " Arms were not assigned at random, so differences in who joined each arm can "
        "still produce different trends: read the estimate as an association."
    )
    return base + trend + assign


def attrition_statement(tests: pd.DataFrame, alpha: float = 0.05) -> str:
    """What retention by arm says about the other estimates."""
    if tests.empty:
        return "Retention could not be compared between arms (no wave with dropout)."
    flagged = tests.loc[tests["pvalue"] < alpha, "wave"].tolist()
    if flagged:
        waves = ", ".join(str(int(w)) for w in flagged)
        return (
            f"Retention differed between arms at wave(s) {waves} (chi-square p < {alpha}). "
            "Estimates that use only participants who stayed may be biased if those who left "
            "an arm differ from those who stayed; FIML-based panel models reduce, but cannot "
            "remove, this bias."
        )
    return (
        "Retention did not differ detectably between arms (chi-square p >= "
        f"{alpha} at every wave); this does not show that those who left were like those who "
        "stayed."
    )


