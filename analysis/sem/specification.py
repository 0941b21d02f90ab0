"""From parsed lavaan syntax to a compiled model: a parameter table and LISREL-style matrices.

The model-implied moments of group g are

    Sigma = Lambda A Psi A' Lambda' + Theta,   mu = nu + Lambda A alpha,   A = (I - B)^-1,

where the latent vector eta holds the latent variables and a "phantom" copy of every observed
variable that takes part in a regression (lavaan's representation: such a variable has a fixed
loading of 1 on its phantom, a zero residual variance, and its variances, covariances and
intercept live in Psi and alpha). lavaan's ``sem()``/``cfa()`` defaults are applied: the first
loading of every factor is fixed to 1, residual variances and latent variances are free,
exogenous latent variables covary, purely dependent variables have covarying residuals,
observed exogenous covariates are ``fixed.x`` (their moments are fixed to the sample values),
observed intercepts are free and latent means fixed to 0 when there is a mean structure.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from craftwave.analysis.errors import ExogenousWarning, ModelError
from craftwave.analysis.sem.options import ModelOptions, model_options
from craftwave.analysis.sem.syntax import ParsedModel, Term, parse_model

__all__ = ["ParRow", "CompiledModel", "compile_model", "GROUP_EQUAL_KINDS"]

LAMBDA, BETA, PSI, THETA, NU, ALPHA = range(6)
_SYMMETRIC = (PSI, THETA)

GROUP_EQUAL_KINDS = ("loadings", "intercepts", "means", "residuals", "residual.covariances",
                     "lv.variances", "lv.covariances", "regressions")


@dataclass
class ParRow:
    """One row of the parameter table (lavaan's orientation: ``lhs op rhs``)."""

    lhs: str
    op: str
    rhs: str
    group: int
    free: int = -1          # index into the free-parameter vector, -1 when fixed
    value: float = 0.0      # the fixed value (or a user start value for a free row)
    label: str = ""
    user: bool = False
    exo: bool = False       # fixed.x row: value comes from the sample moments
    start: float | None = None
    mat: int = -1
    r: int = -1
    c: int = -1
    eq_key: str = ""


@dataclass
class CompiledModel:
    """A model compiled once: variables, parameter table and index maps into the matrices.

    Use :func:`compile_model` to make one. The fitting functions of :mod:`craftwave.analysis.sem.estimation`
    take it together with per-group sample moments (or raw data for FIML), so a bootstrap or a
    simulation compiles once and refits many times.
    """

    ov_names: list[str]
    lv_names: list[str]          # declared latent variables
    eta_names: list[str]         # lv_names + phantom observed variables
    phantom: list[str]
    ov_x: list[str]
    n_groups: int
    meanstructure: bool
    fixed_x: bool
    rows: list[ParRow]
    n_free: int
    defined: list = field(default_factory=list)
    free_labels: list[str] = field(default_factory=list)
    options: ModelOptions = field(default_factory=ModelOptions)
    x_random: list[str] = field(default_factory=list)

    @property
    def p(self) -> int:
        return len(self.ov_names)

    @property
    def m(self) -> int:
        return len(self.eta_names)

    def __post_init__(self) -> None:
        self._build_index()

    # -- index maps --------------------------------------------------------------------------
    def _build_index(self) -> None:
        p, m = self.p, self.m
        self._base = []
        self._free = []      # per group: arrays mat, r, c, pidx, diag for free rows
        self._exo = []       # per group: list of (mat, r, c, ov_i, ov_j) or mean rows
        for g in range(self.n_groups):
            mats = [np.zeros((p, m)), np.zeros((m, m)), np.zeros((m, m)), np.zeros((p, p)),
                    np.zeros(p), np.zeros(m)]
            ov_idx = {v: i for i, v in enumerate(self.ov_names)}
            for i, name in enumerate(self.eta_names):
                if name in ov_idx:
                    mats[LAMBDA][ov_idx[name], i] = 1.0
            free = []
            exo = []
            for row in self.rows:
                if row.group != g or row.mat < 0:
                    continue
                if row.exo:
                    exo.append(row)
                if row.free >= 0:
                    free.append(row)
                else:
                    _put(mats, row.mat, row.r, row.c, row.value)
            self._base.append(mats)
            fr = {
                "mat": np.array([r.mat for r in free], dtype=int),
                "r": np.array([r.r for r in free], dtype=int),
                "c": np.array([r.c for r in free], dtype=int),
                "pidx": np.array([r.free for r in free], dtype=int),
            }
            # per matrix: (positions in the free list, rows, cols), precomputed for speed
            fr["by_code"] = []
            for code in range(6):
                sel = np.flatnonzero(fr["mat"] == code)
                fr["by_code"].append((sel, fr["r"][sel], fr["c"][sel]) if sel.size else None)
            # off-diagonal entries of symmetric matrices count twice in a gradient
            fr["twice"] = np.where(np.isin(fr["mat"], _SYMMETRIC) & (fr["r"] != fr["c"]),
                                   2.0, 1.0)
            fr["has_beta"] = bool(np.any(mats[BETA] != 0) or np.any(fr["mat"] == BETA))
            self._free.append(fr)
            self._exo.append(exo)

    def free_row_map(self, group: int) -> dict:
        """Index arrays (matrix code, row, column, parameter index) of a group's free rows."""
        return self._free[group]

    def base_matrices(self, group: int, exo_values: dict | None = None) -> list[np.ndarray]:
        """Copies of the fixed parts of a group's matrices, with fixed.x values filled in."""
        mats = [a.copy() for a in self._base[group]]
        if exo_values:
            for row in self._exo[group]:
                _put(mats, row.mat, row.r, row.c, exo_values[(row.lhs, row.op, row.rhs)])
        return mats

    def exo_values(self, S: np.ndarray, ybar: np.ndarray) -> dict:
        """The fixed.x values (sample (co)variances and means of the covariates) of one group."""
        idx = {v: i for i, v in enumerate(self.ov_names)}
        out = {}
        for row in self.rows:
            if row.exo and row.group == 0:
                if row.op == "~~":
                    out[(row.lhs, row.op, row.rhs)] = float(S[idx[row.lhs], idx[row.rhs]])
                else:
                    out[(row.lhs, row.op, row.rhs)] = float(ybar[idx[row.lhs]])
        return out

    def fill(self, theta: np.ndarray, group: int, base: list[np.ndarray]) -> list[np.ndarray]:
        """The matrices of a group at parameter vector ``theta`` (``base`` is not changed)."""
        mats = [a.copy() for a in base]
        fr = self._free[group]
        vals = theta[fr["pidx"]]
        for code, entry in enumerate(fr["by_code"]):
            if entry is None:
                continue
            sel, r, c = entry
            v = vals[sel]
            if code in (NU, ALPHA):
                mats[code][r] = v
            else:
                mats[code][r, c] = v
                if code in _SYMMETRIC:
                    mats[code][c, r] = v
        return mats

    @property
    def ndat(self) -> int:
        """Number of sample moments (minus the fixed.x moments), summed over groups."""
        p, px = self.p, len(self.ov_x) if self.fixed_x else 0
        per = p * (p + 1) // 2 - px * (px + 1) // 2
        if self.meanstructure:
            per += p - px
        return per * self.n_groups

    @property
    def df(self) -> int:
        return self.ndat - self.n_free

    def table(self) -> list[ParRow]:
        return list(self.rows)


def _put(mats, code, r, c, value):
    if code in (NU, ALPHA):
        mats[code][r] = value
    else:
        mats[code][r, c] = value
        if code in _SYMMETRIC:
            mats[code][c, r] = value


def _ordered_unique(items):
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _normalise_partial(items) -> set[tuple[str, str, str]]:
    out = set()
    for text in items or ():
        text = text.strip()
        for op in ("=~", "~~", "~"):
            if op in text:
                lhs, rhs = (s.strip() for s in text.split(op, 1))
                if op == "~" and rhs == "1":
                    out.add((lhs, "~1", ""))
                else:
                    out.add((lhs, op, rhs))
                    if op == "~~":
                        out.add((rhs, op, lhs))
                break
        else:
            raise ModelError(f"cannot read the group_partial entry {text!r} "
                             "(expected e.g. 'F =~ x2' or 'x3 ~ 1')")
    return out


def _equal_kind(row: ParRow, ov: set, lv: set) -> str | None:
    if row.op == "=~":
        return "loadings"
    if row.op == "~":
        return "regressions"
    if row.op == "~1":
        return "intercepts" if row.lhs in ov else "means"
    if row.op == "~~":
        both_ov = row.lhs in ov and row.rhs in ov
        if row.lhs == row.rhs:
            return "residuals" if both_ov else "lv.variances"
        return "residual.covariances" if both_ov else "lv.covariances"
    return None


def compile_model(
    model: str | ParsedModel,
    *,
    n_groups: int = 1,
    meanstructure: bool = False,
    fixed_x: bool = True,
    group_equal: tuple[str, ...] | list[str] = (),
    group_partial: tuple[str, ...] | list[str] = (),
    auto: bool = True,
    exogenous: list[str] | None = None,
    options: ModelOptions | None = None,
) -> CompiledModel:
    """Compile lavaan syntax into a :class:`CompiledModel` (once per model).

    Parameters
    ----------
    model : str or ParsedModel
        lavaan model syntax.
    n_groups : int
        Number of groups (the table is replicated per group; a label shared across groups makes
        the parameter equal across groups, as in lavaan).
    meanstructure : bool
        Add intercepts of the observed variables (free) and latent means (fixed to 0).
    fixed_x : bool
        Fix the (co)variances and means of observed exogenous covariates to their sample values.
    group_equal : sequence of str
        Equality constraints across groups, as lavaan's ``group.equal``: any of
        ``GROUP_EQUAL_KINDS``. ``"intercepts"`` frees the latent means of groups 2..G.
    group_partial : sequence of str
        Parameters exempt from ``group_equal`` (e.g. ``"visual =~ x2"``, ``"x3 ~ 1"``).
    auto : bool
        Apply lavaan's ``sem()`` defaults; ``False`` keeps only what the syntax states (as
        ``lavaan()``). Ignored when ``options`` is given.
    exogenous : list of str, optional
        Override the detected observed exogenous covariates (used for baseline models).
    options : ModelOptions, optional
        lavaan's automatic settings (:func:`~craftwave.analysis.sem.options.model_options`).

    Returns
    -------
    CompiledModel

    Raises
    ------
    ModelError
        For an unknown ``group_equal`` kind, an unreadable ``group_partial`` entry, a defined
        parameter name that clashes with a variable, or a model without observed variables.
    """
    parsed = parse_model(model) if isinstance(model, str) else model
    if options is None:
        options = ModelOptions() if auto else model_options("lavaan")
    opts = options
    for kind in group_equal:
        if kind.replace("_", ".") not in GROUP_EQUAL_KINDS:
            raise ModelError(f"unknown group_equal kind {kind!r}; use any of "
                             f"{', '.join(GROUP_EQUAL_KINDS)}")
    group_equal = tuple(k.replace("_", ".") for k in group_equal)
    partial = _normalise_partial(group_partial)
    terms = parsed.terms

    lv = _ordered_unique(t.lhs for t in terms if t.op == "=~")
    lv_set = set(lv)
    names = _ordered_unique(n for t in terms for n in (t.lhs, t.rhs) if n)
    indicators = _ordered_unique(t.rhs for t in terms if t.op == "=~")
    ov_all = [n for n in names if n not in lv_set]
    ov = [n for n in indicators if n not in lv_set] + [n for n in ov_all if n not in indicators]
    if not ov:
        raise ModelError("the model names no observed variable")
    ov_set = set(ov)
    eqs_y = {t.lhs for t in terms if t.op == "~"}
    eqs_x = {t.rhs for t in terms if t.op == "~"}
    ind_set = set(indicators)
    x_random: list[str] = []
    if exogenous is not None:
        ov_x = [v for v in ov if v in set(exogenous)]
    else:
        ov_x = [v for v in ov if v in eqs_x and v not in eqs_y and v not in ind_set]
        # lavaan (lav_partable_vnames.R, "ov.x"): a covariate whose variance, covariance or
        # intercept the syntax names is no longer exogenous: it becomes a random variable
        # with free parameters, and its (co)variances with the other covariates are not added
        named = {t.lhs for t in terms if t.op in ("~~", "~1")}
        named |= {t.rhs for t in terms if t.op == "~~"}
        x_random = [v for v in ov_x if v in named]
        if x_random:
            ov_x = [v for v in ov_x if v not in named]
            if fixed_x:
                warnings.warn(
                    "the model syntax names the variance, covariance or intercept of the "
                    f"exogenous covariate(s) {', '.join(x_random)}: as lavaan, they are now "
                    "treated as random, with free parameters of their own (remove those "
                    "terms to keep them fixed.x, or set fixed_x=False)",
                    ExogenousWarning, stacklevel=2)
    ov_y = [v for v in ov if v in eqs_y and v not in eqs_x and v not in ind_set]
    lv_y = [v for v in lv if v in eqs_y and v not in eqs_x and v not in ind_set]
    lv_x = [v for v in lv if v not in eqs_y and v not in ind_set]
    for d in parsed.defined:
        if d.name in ov_set or d.name in lv_set:
            raise ModelError(f"the defined parameter {d.name!r} has the name of a variable")

    # phantom latent variables for observed variables in regressions (closure over ~~ links)
    phantom = {v for v in ov if v in eqs_y or v in eqs_x}
    if exogenous is not None:
        phantom |= set(ov_x)
    changed = True
    while changed:
        changed = False
        for t in terms:
            if t.op == "~~" and t.lhs != t.rhs:
                a, b = t.lhs, t.rhs
                for x, y in ((a, b), (b, a)):
                    if x in ov_set and x not in phantom and (y in lv_set or y in phantom):
                        phantom.add(x)
                        changed = True
            if t.op == "=~" and t.rhs in ov_set and t.rhs not in phantom and t.rhs in eqs_y:
                phantom.add(t.rhs)
                changed = True
    phantom_list = [v for v in ov if v in phantom]
    eta = lv + phantom_list
    ov_i = {v: i for i, v in enumerate(ov)}
    eta_i = {v: i for i, v in enumerate(eta)}

    # ---- the table of one group ------------------------------------------------------------
    first_indicator = {}
    for t in terms:
        if t.op == "=~" and t.lhs not in first_indicator:
            first_indicator[t.lhs] = t
    # single indicators (lav_partable_flat.R, auto.fix.single): a factor with one indicator
    # that loads on no other factor has that indicator's residual variance fixed to 0
    n_ind = {}
    for t in terms:
        if t.op == "=~":
            n_ind[t.lhs] = n_ind.get(t.lhs, 0) + 1
    rhs_count: dict[str, int] = {}
    for t in terms:
        if t.op == "=~":
            rhs_count[t.rhs] = rhs_count.get(t.rhs, 0) + 1
    single_ind = {t.rhs for t in terms if t.op == "=~" and n_ind[t.lhs] == 1
                  and t.lhs != t.rhs and rhs_count[t.rhs] == 1}

    def user_rows(g: int) -> list[ParRow]:
        out = []
        for t in terms:
            row = ParRow(t.lhs, t.op, t.rhs, g, user=True)
            value = t.value_for(g)
            label = t.label_for(g) or ""
            row.label = label
            row.start = t.start_for(g)
            if value is not None:
                row.value, row.free = float(value), -1
            elif t.is_free_forced(g):
                row.free = 0
            elif opts.auto_fix_first and t.op == "=~" and first_indicator.get(t.lhs) is t:
                row.value, row.free = 1.0, -1
            elif (opts.std_lv and t.op == "~~" and t.lhs == t.rhs and t.lhs in lv_set
                  and not (g > 0 and "loadings" in group_equal
                           and "lv.variances" not in group_equal)):
                row.value, row.free = 1.0, -1
            else:
                row.free = 0
            out.append(row)
        return out

    def default_rows(g: int) -> list[ParRow]:
        # lav_partable_flat.R: variances of every non-exogenous variable are always in the
        # table (free with auto.var, else fixed to 0); the other rows as the settings say
        out = []
        x_set = set(ov_x)
        free_lv_var_g = g > 0 and "loadings" in group_equal and "lv.variances" not in group_equal
        for v in [v for v in ov if v not in x_set] + lv:
            row = ParRow(v, "~~", v, g, free=0)
            if not opts.auto_var or (opts.auto_fix_single and v in single_ind):
                row.free, row.value = -1, 0.0
            elif opts.std_lv and v in lv_set and not free_lv_var_g:
                row.free, row.value = -1, 1.0
            out.append(row)
        pairs = []
        if opts.auto_cov_lv_x:
            pairs += [(a, b) for i, a in enumerate(lv_x) for b in lv_x[i + 1:]]
        if opts.auto_cov_y:
            y_all = lv_y + ov_y
            pairs += [(a, b) for i, a in enumerate(y_all) for b in y_all[i + 1:]]
        for a, b in pairs:
            row = ParRow(a, "~~", b, g, free=0)
            if opts.orthogonal and a in lv_set and b in lv_set:
                row.free, row.value = -1, 0.0
            out.append(row)
        for j, a in enumerate(ov_x):
            for b in ov_x[j:]:
                row = ParRow(a, "~~", b, g, free=-1 if fixed_x else 0)
                row.exo = fixed_x
                out.append(row)
        if meanstructure:
            for v in ov:
                row = ParRow(v, "~1", "", g, free=0 if opts.int_ov_free else -1, value=0.0)
                if v in x_set and fixed_x:
                    row.free, row.exo = -1, True
                out.append(row)
            for v in lv:
                free = 0 if (opts.int_lv_free or ("intercepts" in group_equal
                                                  and "means" not in group_equal
                                                  and g > 0)) else -1
                out.append(ParRow(v, "~1", "", g, free=free, value=0.0))
        return out

    rows: list[ParRow] = []
    for g in range(n_groups):
        urows = user_rows(g)
        keys = {(r.lhs, r.op, r.rhs) for r in urows}
        keys |= {(r.rhs, r.op, r.lhs) for r in urows if r.op == "~~"}
        drows = [r for r in default_rows(g) if (r.lhs, r.op, r.rhs) not in keys]
        rows.extend(urows + drows)

    if exogenous is not None and fixed_x:
        x_set = set(ov_x)
        for row in rows:
            if row.lhs in x_set and (row.op == "~1" or (row.op == "~~" and row.rhs in x_set)):
                row.exo, row.free = True, -1

    # ---- matrix positions --------------------------------------------------------------------
    for row in rows:
        _locate(row, ov_i, eta_i, lv_set)

    # ---- equalities: labels, == constraints, group_equal -------------------------------------
    uf = _UnionFind()
    fixed_labels: dict[str, float] = {}
    for con in parsed.constraints:
        try:
            fixed_labels[uf.find(con.lhs)] = float(con.rhs)
            continue
        except ValueError:
            pass
        uf.union(con.lhs, con.rhs)
    for row in rows:
        if row.free < 0:
            continue
        if row.label:
            root = uf.find(row.label)
            if root in fixed_labels or row.label in fixed_labels:
                row.free, row.value = -1, fixed_labels.get(root, fixed_labels.get(row.label))
                continue
            row.eq_key = "label:" + root
        elif n_groups > 1 and group_equal and (row.lhs, row.op, row.rhs) not in partial:
            kind = _equal_kind(row, ov_set, lv_set)
            if kind in group_equal and not (kind == "means" and row.free < 0):
                row.eq_key = f"eq:{row.lhs}{row.op}{row.rhs}"
    index: dict[str, int] = {}
    free_labels: list[str] = []
    n_free = 0
    for k, row in enumerate(rows):
        if row.free < 0:
            continue
        key = row.eq_key or f"row:{k}"
        if key not in index:
            index[key] = n_free
            free_labels.append(row.label)
            n_free += 1
        row.free = index[key]
    if n_free == 0:
        raise ModelError("the model has no free parameter")
    return CompiledModel(ov_names=ov, lv_names=lv, eta_names=eta, phantom=phantom_list,
                         ov_x=ov_x, n_groups=n_groups, meanstructure=meanstructure,
                         fixed_x=fixed_x, rows=rows, n_free=n_free,
                         defined=list(parsed.defined), free_labels=free_labels,
                         options=opts, x_random=x_random)


def _locate(row: ParRow, ov_i: dict, eta_i: dict, lv_set: set) -> None:
    lhs, op, rhs = row.lhs, row.op, row.rhs
    if op == "=~":
        if rhs in eta_i:
            row.mat, row.r, row.c = BETA, eta_i[rhs], eta_i[lhs]
        else:
            row.mat, row.r, row.c = LAMBDA, ov_i[rhs], eta_i[lhs]
    elif op == "~":
        if lhs not in eta_i or rhs not in eta_i:
            raise ModelError(f"cannot place the regression {lhs} ~ {rhs}")
        row.mat, row.r, row.c = BETA, eta_i[lhs], eta_i[rhs]
    elif op == "~~":
        if lhs in eta_i and rhs in eta_i:
            row.mat, row.r, row.c = PSI, eta_i[lhs], eta_i[rhs]
        elif lhs in ov_i and rhs in ov_i and lhs not in eta_i and rhs not in eta_i:
            row.mat, row.r, row.c = THETA, ov_i[lhs], ov_i[rhs]
        else:
            raise ModelError(f"cannot place the covariance {lhs} ~~ {rhs}")
    elif op == "~1":
        if lhs in eta_i:
            row.mat, row.r = ALPHA, eta_i[lhs]
        else:
            row.mat, row.r = NU, ov_i[lhs]
    else:
        raise ModelError(f"unknown operator {op!r}")


def term_key(t: Term) -> tuple[str, str, str]:
    return (t.lhs, t.op, t.rhs)
