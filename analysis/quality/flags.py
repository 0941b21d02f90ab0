"""``quality_flags``: every careless-responding index, its null p value and flag, per
participant x wave.

Each flag is ``p <= alpha / k`` (the ``threshold`` column), with ``alpha`` the study's budget for
the share of attentive participant-waves that may carry any flag (default .02) and ``k`` the
number of the policy's flags that the wave can compute (three scales for even-odd, three
item pairs over .60 for synonyms, attention checks, page timings, ...);
each ``p`` has ``P(p <= a) <= a`` under its null model, so by the union bound at most ``alpha``
of attentive participant-waves carry any flag, whichever items they skipped. The null models:

=================  ===================================================================
index              null model of an attentive participant-wave (tail that flags)
=================  ===================================================================
longstring         the wave's Gaussian copula, same skipped items (high)
irv                same (both tails, ``alpha / k`` split between them)
mahalanobis        multivariate normal, EM means and covariance; chi-square, df = answered
even_odd           copula (low)
synonyms           copula (low)
antonyms           copula (high)
person_total       copula (low)
autocorrelation    copula (high)
attention          each check missed independently with the slip rate (binomial, high)
speeding           log seconds per item normal, median/MAD of the wave (low), and fewer
                   than ``seconds_per_item_min``
=================  ===================================================================
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.data import (
    ID_COL,
    attention_columns,
    is_long,
    item_columns,
    long_to_wide,
    to_numeric_column,
    waves_in,
)
from craftwave.analysis.quality import indices as ix
from craftwave.analysis.quality.exclude import exclude_flagged
from craftwave.analysis.quality.mahalanobis import em_moments, mahalanobis_distances
from craftwave.analysis.quality.null import fit_copula, rank_pvalues
from craftwave.analysis.quality.timing import seconds_per_item, speed_pvalues
from craftwave.instruments import Instrument, load_library
from craftwave.instruments.errors import DataError
from craftwave.instruments.names import item_var, split_wave
from craftwave.instruments.study import QUALITY_FLAGS, QualityPolicy

FLAGS = QUALITY_FLAGS
#: indices whose null is the wave's copula (rank p values among draws)
COPULA_INDICES = ("longstring", "irv", "even_odd", "synonyms", "antonyms", "person_total",
                  "autocorrelation")
INDEX_COLUMNS = [
    ID_COL, "wave", "n_items", "n_answered",
    "longstring", "irv", "mahalanobis", "even_odd", "synonyms", "antonyms", "person_total",
    "autocorrelation", "attention_checks", "attention_failed", "seconds_per_item",
    *[f"{f}_p" for f in FLAGS], "threshold",
    *[f"flag_{f}" for f in FLAGS], "flagged", "reasons",
]
SYNONYM_CRITICAL = 0.60


@dataclass(frozen=True)
class Block:
    """One wave's items: columns in the order asked, reverse keying, subscales, checks."""

    wave: int | None
    columns: list[str]
    reverse: dict[str, tuple[float, float]] = field(default_factory=dict)
    scales: list[list[int]] = field(default_factory=list)
    checks: dict[str, float] = field(default_factory=dict)


def _blocks(data: pd.DataFrame, items: Sequence[str] | None,
            library: Mapping[str, Instrument]) -> list[Block]:
    if items is not None:
        unknown = [c for c in items if c not in data.columns]
        if unknown:
            raise DataError(f"unknown variable(s) {', '.join(map(repr, unknown))}: "
                            "not columns of the data")
        waves = {getattr(split_wave(str(c)), "wave", None) for c in items}
        wave = waves.pop() if len(waves) == 1 else None
        return [Block(wave, list(items))]
    found: dict[int, dict] = {}
    for inst in library.values():
        for wave in waves_in(data.columns, inst):
            block = found.setdefault(wave, {"cols": set(), "rev": {}, "scales": [],
                                            "checks": {}})
            block["cols"].update(item_columns(data.columns, inst, wave))
            block["checks"].update(attention_columns(data.columns, inst, wave))
            for item in inst.scored_items:
                scale = inst.scale_of(item)
                if inst.is_reversed(item.id) and scale is not None:
                    block["rev"][item_var(inst.prefix, item.id, wave)] = (scale.minimum,
                                                                          scale.maximum)
            for sub in inst.subscales or [None]:
                cols = item_columns(data.columns, inst, wave, sub.id if sub else None)
                if len(cols) >= 2:
                    block["scales"].append(cols)
    if found:
        out = []
        for w in sorted(found):
            cols = [c for c in data.columns if c in found[w]["cols"]]
            pos = {c: i for i, c in enumerate(cols)}
            scales = [[pos[c] for c in s if c in pos] for s in found[w]["scales"]]
            out.append(Block(w, cols, found[w]["rev"], scales, found[w]["checks"]))
        return out
    by_wave: dict[int | None, list[str]] = {}
    for c in data.columns:
        if c == ID_COL or not pd.api.types.is_numeric_dtype(data[c]):
            continue
        by_wave.setdefault(getattr(split_wave(str(c)), "wave", None), []).append(c)
    if not by_wave:
        raise DataError("no item columns found: give items= or instruments whose items are in "
                        "the data")
    return [Block(w, cols, scales=_scales_by_name(cols)) for w, cols in by_wave.items()]


def _scales_by_name(cols: list[str]) -> list[list[int]]:
    """Plain data: columns ``{scale}_{k}_w{wave}`` (or ``{scale}_{k}``) form a scale."""
    groups: dict[str, list[int]] = {}
    for pos, c in enumerate(cols):
        parsed = split_wave(str(c))
        stem = parsed.stem if parsed is not None else str(c)
        head, _, tail = stem.rpartition("_")
        if head and tail.isdigit():
            groups.setdefault(head, []).append(pos)
    return [g for g in groups.values() if len(g) >= 2]


def _non_substantive(columns, library: Mapping[str, Instrument]) -> dict[str, list[float]]:
    out = {}
    for inst in library.values():
        for wave in waves_in(columns, inst):
            for item in inst.scored_items:
                scale = inst.scale_of(item)
                if scale is not None and scale.missing_values:
                    out[item_var(inst.prefix, item.id, wave)] = list(scale.missing_values)
    return out


def _index_functions(x: np.ndarray, block: Block) -> dict:
    """The copula-null indices of one wave as functions of an answer matrix, with their tails.

    Sample quantities (synonym pairs, item means) are fixed from the wave's data, so the
    participants and the null draws are measured alike."""
    cols = block.columns
    lo = np.array([block.reverse.get(c, (np.nan, np.nan))[0] for c in cols])
    hi = np.array([block.reverse.get(c, (np.nan, np.nan))[1] for c in cols])
    rev = ~np.isnan(lo)

    def keyed(a: np.ndarray) -> np.ndarray:
        return np.where(rev[None, :], lo + hi - a, a) if rev.any() else a

    corr = pd.DataFrame(x).corr(min_periods=10).to_numpy()
    corr = np.nan_to_num(corr)
    syn = ix.synonym_pairs(corr, SYNONYM_CRITICAL)
    ant = ix.synonym_pairs(corr, SYNONYM_CRITICAL, antonyms=True)
    means = np.nanmean(x, axis=0) if len(x) else np.full(len(cols), np.nan)
    scales = block.scales

    return {
        "longstring": (ix.longstring, "high"),
        "irv_low": (ix.irv, "low"),
        "irv_high": (ix.irv, "high"),
        "even_odd": ((lambda a: ix.even_odd(keyed(a), scales)), "low"),
        "synonyms": ((lambda a: ix.pair_consistency(a, syn)), "low"),
        "antonyms": ((lambda a: ix.pair_consistency(a, ant)), "high"),
        "person_total": ((lambda a: ix.person_total(a, means)), "low"),
        "autocorrelation": (ix.autocorrelation, "high"),
    }, keyed, syn, ant, scales


def _wave_indices(values: pd.DataFrame, block: Block, policy: QualityPolicy,
                  per_flag: float) -> pd.DataFrame:
    x = values.to_numpy(dtype=float)
    fns, keyed, syn, ant, scales = _index_functions(x, block)
    out = pd.DataFrame(index=values.index)
    out["longstring"] = ix.longstring(x)
    out["irv"] = ix.irv(x)
    out["even_odd"] = ix.even_odd(keyed(x), scales)
    out["synonyms"] = ix.pair_consistency(x, syn)
    out["antonyms"] = ix.pair_consistency(x, ant)
    out["person_total"] = ix.person_total(x)          # leave-one-out item means
    out["autocorrelation"] = ix.autocorrelation(x)
    mu, sigma = em_moments(x)
    d2, _, p = mahalanobis_distances(x, mu, sigma)
    out["mahalanobis"] = d2
    out["mahalanobis_p"] = p
    wanted = [f for f in COPULA_INDICES if f in policy.flags]
    if wanted and len(x) >= 10:
        use = {k: v for k, v in fns.items() if k in wanted
               or (k.startswith("irv_") and "irv" in wanted)}
        pool_size = int(min(20_000, max(1000, np.ceil(4.0 / per_flag))))  # p >= 1/(M+1)
        model = fit_copula(x)
        pool = model.draw(pool_size, np.random.default_rng([policy.seed, block.wave or 0]))
        # a participant's person-total uses the other rows' item means; the draws use the
        # wave's means, which is what a new row would be compared with
        ps = rank_pvalues(x, pool, use)
        for name in wanted:
            if name == "irv":
                out["irv_p"] = np.minimum(1.0, 2 * np.fmin(ps["irv_low"], ps["irv_high"]))
            else:
                out[f"{name}_p"] = ps[name]
    for name in COPULA_INDICES:
        if f"{name}_p" not in out:
            out[f"{name}_p"] = np.nan
    usable = {"mahalanobis": int(np.isfinite(mu).sum()) >= 2,
              "even_odd": sum(len(c) >= 2 for c in scales) >= 3,
              "synonyms": len(syn) >= 3, "antonyms": len(ant) >= 3,
              "attention": bool(block.checks)}
    for name in ("longstring", "irv", "person_total", "autocorrelation"):
        usable[name] = len(x) >= 10
    if len(x) < 10:
        usable.update(even_odd=False, synonyms=False, antonyms=False)
    out["_usable"] = sum(bool(v) for k, v in usable.items() if k in policy.flags)
    return out


def quality_flags(
    data: pd.DataFrame,
    page_timings: pd.DataFrame | None = None,
    *,
    policy: QualityPolicy | None = None,
    items: Sequence[str] | None = None,
    instruments: Mapping[str, Instrument] | None = None,
    id_col: str = ID_COL,
    seconds_per_item_min: float | None = None,
    exclude: str | Sequence[str] | None = None,
    scope: str | None = None,
):
    """Careless-responding indices, null p values and flags per participant x wave.

    Parameters
    ----------
    data : DataFrame
        Wide (one row per participant; item columns named by the codebook, e.g.
        ``icraft_task_1_w2``) or the export's long answers (``item_id``, ``value``, ``wave``).
    page_timings : DataFrame, optional
        The export's ``page_timings.csv``; without it ``seconds_per_item`` is missing.
    policy : QualityPolicy, optional
        The study's ``quality:`` policy (flags in use, false-flag budget ``alpha``, attention
        slip rate, speeding floor, seed). Default: :class:`QualityPolicy` defaults.
    items : sequence of str, optional
        Item columns to use (one block). Default: the scale items of the instruments, per wave;
        for plain data, every numeric column, per wave suffix.
    instruments : mapping of id to Instrument, optional
        Default: the bundled library.
    seconds_per_item_min : float, optional
        Overrides the policy's speeding floor.
    exclude : "any" or sequence of flag names, optional
        Remove the participant x waves flagged by these and return an
        :class:`~craftwave.analysis.quality.exclude.Exclusion`.
    scope : {"wave", "participant"}, optional
        With ``exclude``; default: the policy's.

    Returns
    -------
    DataFrame or Exclusion
        Without ``exclude``: the columns in ``INDEX_COLUMNS``, one row per participant x wave
        with at least one answered item.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"participant_id": ["a", "b"],
    ...                   **{f"x{i}_w1": [3, 1 + i % 5] for i in range(8)}})
    >>> q = quality_flags(d)
    >>> q[["participant_id", "longstring", "irv"]].round(3).to_dict("list")
    {'participant_id': ['a', 'b'], 'longstring': [8.0, 1.0], 'irv': [0.0, 1.408]}
    """
    policy = policy if policy is not None else QualityPolicy()
    if seconds_per_item_min is not None:
        policy = policy.model_copy(update={"seconds_per_item_min": float(seconds_per_item_min)})
    scope = scope or policy.scope
    if scope not in ("wave", "participant"):
        raise DataError(f"scope must be 'wave' or 'participant', not {scope!r}")
    per_flag = policy.alpha / len(policy.flags)
    library = dict(instruments) if instruments is not None else load_library()
    original = data
    if is_long(data):
        data = long_to_wide(data, library, id_col=id_col)
    ids = (data[id_col].astype(str) if id_col in data.columns
           else pd.Series(data.index.astype(str), index=data.index))
    codes = _non_substantive(data.columns, library)
    parts = []
    for block in _blocks(data, items, library):
        values = pd.DataFrame({c: to_numeric_column(data[c], c).mask(
            lambda v, c=c: v.isin(codes.get(c, ()))) for c in block.columns}, index=data.index)
        answered = values.notna().sum(axis=1)
        keep = answered > 0
        values = values[keep]
        part = pd.DataFrame({ID_COL: ids[keep], "wave": block.wave,
                             "n_items": len(block.columns), "n_answered": answered[keep]})
        part = part.join(_wave_indices(values, block, policy, per_flag))
        if block.checks:
            given = pd.DataFrame({c: to_numeric_column(data[c], c) for c in block.checks})[keep]
            expected = pd.Series(block.checks)
            part["attention_checks"] = given.notna().sum(axis=1)
            part["attention_failed"] = (given.notna() & given.ne(expected, axis=1)).sum(axis=1)
        else:
            part["attention_checks"] = 0
            part["attention_failed"] = 0
        parts.append(part)
    out = (pd.concat(parts, ignore_index=True) if parts
           else pd.DataFrame(columns=INDEX_COLUMNS))
    out["wave"] = out["wave"].astype("Int64")
    out["seconds_per_item"] = _timing_column(out, page_timings)
    out = _pvalues_and_flags(out, policy)
    out = out[INDEX_COLUMNS].reset_index(drop=True)
    if exclude is None:
        return out
    return exclude_flagged(original, out, exclude, scope, id_col)


def _timing_column(out: pd.DataFrame, page_timings: pd.DataFrame | None) -> np.ndarray:
    if page_timings is None or out.empty:
        return np.full(len(out), np.nan)
    timing = seconds_per_item(page_timings)
    spi = timing.set_index([ID_COL, "wave"])["seconds_per_item"]
    return np.array([spi.get((p, int(w)), np.nan) if pd.notna(w) else np.nan
                     for p, w in zip(out[ID_COL], out["wave"], strict=True)], dtype=float)


def attention_pvalues(failed: np.ndarray, checks: np.ndarray, slip: float) -> np.ndarray:
    """``P(Binomial(checks, slip) >= failed)``: the chance that an attentive participant who
    misses each check independently with probability ``slip`` fails at least this many.
    ``NaN`` without checks."""
    failed = np.asarray(failed, dtype=float)
    checks = np.asarray(checks, dtype=float)
    p = stats.binom.sf(failed - 1, checks, slip)
    return np.where(checks > 0, p, np.nan)


def _pvalues_and_flags(out: pd.DataFrame, policy: QualityPolicy) -> pd.DataFrame:
    """p values of attention and speed, then every flag: ``p <= alpha / k`` with ``k`` the
    flags of the policy that the row's wave can compute (an index that needs three scales, three
    synonym pairs, attention checks or page timings is not in play where the wave lacks them,
    and its share of the budget goes to the others)."""
    out["attention_p"] = attention_pvalues(out["attention_failed"].to_numpy(float),
                                           out["attention_checks"].to_numpy(float),
                                           policy.attention_slip_rate)
    speed = np.full(len(out), np.nan)
    spi = out["seconds_per_item"].to_numpy(float)
    for w in out["wave"].dropna().unique():
        rows = (out["wave"] == w).to_numpy()
        speed[rows] = speed_pvalues(spi[rows])
    speed[spi <= 0] = 0.0
    slow_enough = ~(spi < policy.seconds_per_item_min)
    speed[slow_enough & ~np.isnan(speed)] = 1.0     # above the floor: never speeding
    out["speeding_p"] = speed
    usable = out["_usable"].to_numpy(float) if "_usable" in out else np.zeros(len(out))
    if "speeding" in policy.flags:
        timed = out.groupby("wave", dropna=False)["speeding_p"].transform(
            lambda v: v.notna().any())
        usable = usable + timed.fillna(False).to_numpy(bool)
    per_flag = policy.alpha / np.maximum(usable, 1)
    out["threshold"] = per_flag
    for f in FLAGS:
        p = out[f"{f}_p"].astype(float)
        if f in policy.flags:
            out[f"flag_{f}"] = pd.array(np.where(p.isna(), None, p <= per_flag), dtype="boolean")
        else:
            out[f"flag_{f}"] = pd.array([pd.NA] * len(out), dtype="boolean")
    flags = out[[f"flag_{f}" for f in FLAGS]].fillna(False).astype(bool)
    out["flagged"] = flags.any(axis=1)
    out["reasons"] = ["; ".join(f for f, on in zip(FLAGS, row, strict=True) if on)
                      for row in flags.to_numpy()]
    return out
