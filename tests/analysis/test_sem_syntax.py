"""The lavaan syntax parser and the model compiler (lavaan's sem() defaults)."""

from __future__ import annotations

import pytest

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem import compile_model, parse_model


def _rows(cm, group=0):
    return {(r.lhs, r.op, r.rhs): r for r in cm.rows if r.group == group}


def test_modifiers_fixed_free_label_start():
    pm = parse_model("F =~ 1*x1 + NA*x2 + a*x3 + start(0.7)*x4\nx1 ~ 1\nx2 ~ 0*1")
    t = {(t.lhs, t.op, t.rhs): t for t in pm.terms}
    assert t[("F", "=~", "x1")].value_for(0) == 1.0
    assert t[("F", "=~", "x2")].is_free_forced(0)
    assert t[("F", "=~", "x3")].label_for(0) == "a"
    assert t[("F", "=~", "x4")].start_for(0) == 0.7
    assert ("x1", "~1", "") in t and t[("x2", "~1", "")].value_for(0) == 0.0


def test_comments_semicolons_and_continuation_lines():
    pm = parse_model("# a comment\nF =~ x1 + x2 +\n      x3 ! another\nG =~ y1 + y2; G ~ F")
    assert [(t.lhs, t.op, t.rhs) for t in pm.terms] == [
        ("F", "=~", "x1"), ("F", "=~", "x2"), ("F", "=~", "x3"),
        ("G", "=~", "y1"), ("G", "=~", "y2"), ("G", "~", "F")]


def test_group_vectors_and_defined_and_constraints():
    pm = parse_model("F =~ x1 + c(a1, a2)*x2 + c(1, NA)*x3\nd := a1 - a2\na1 == a2")
    t = {(t.lhs, t.op, t.rhs): t for t in pm.terms}
    assert t[("F", "=~", "x2")].label_for(1) == "a2"
    assert t[("F", "=~", "x3")].value_for(0) == 1.0
    assert t[("F", "=~", "x3")].value_for(1) is None
    assert pm.defined[0].name == "d" and pm.constraints[0].rhs == "a2"


def test_repeated_terms_merge_modifiers():
    pm = parse_model("F =~ NA*x1 + x2 + x3\nF =~ lam*x1\nF ~~ 1*F")
    x1 = next(t for t in pm.terms if t.rhs == "x1")
    assert x1.is_free_forced(0) and x1.label_for(0) == "lam"
    assert len(pm.terms) == 4


@pytest.mark.parametrize("bad", ["", "F =~", "F =~ x1 + + x2", "x1 < x2", "F =~ 2x*x1",
                                 "F =~ c(a, 1)*x1", "just words"])
def test_bad_syntax_raises_model_error(bad):
    with pytest.raises(ModelError):
        parse_model(bad)


def test_sem_defaults_marker_variances_covariances():
    cm = compile_model("F =~ x1 + x2 + x3\nG =~ x4 + x5 + x6")
    rows = _rows(cm)
    assert rows[("F", "=~", "x1")].free < 0 and rows[("F", "=~", "x1")].value == 1.0
    assert rows[("F", "=~", "x2")].free >= 0
    assert rows[("F", "~~", "G")].free >= 0           # exogenous latents covary
    assert all(rows[(v, "~~", v)].free >= 0 for v in ("x1", "x6", "F", "G"))
    assert cm.n_free == 13 and cm.df == 8


def test_free_marker_with_na_and_fixed_variance():
    cm = compile_model("F =~ NA*x1 + x2 + x3\nF ~~ 1*F")
    rows = _rows(cm)
    assert rows[("F", "=~", "x1")].free >= 0 and rows[("F", "~~", "F")].free < 0


def test_fixed_x_covariates_and_dependent_covariances():
    cm = compile_model("y1 ~ x1 + x2\ny2 ~ x1")
    assert cm.ov_x == ["x1", "x2"]
    rows = _rows(cm)
    assert rows[("x1", "~~", "x2")].exo and rows[("x1", "~~", "x2")].free < 0
    assert rows[("y1", "~~", "y2")].free >= 0          # auto.cov.y
    assert cm.df == 1                                   # 7 moments of y given x, 6 free


def test_mediator_has_no_residual_covariance_with_outcome():
    cm = compile_model("m ~ x\ny ~ m + x")
    assert ("m", "~~", "y") not in _rows(cm)


def test_shared_labels_are_one_parameter():
    cm = compile_model("F =~ x1 + a*x2 + a*x3")
    rows = _rows(cm)
    assert rows[("F", "=~", "x2")].free == rows[("F", "=~", "x3")].free
    assert cm.n_free == 5  # one shared loading, three residual variances, one variance


def test_group_equal_and_partial():
    cm = compile_model("F =~ x1 + x2 + x3", n_groups=2, meanstructure=True,
                       group_equal=("loadings", "intercepts"), group_partial=("x3 ~ 1",))
    g1, g2 = _rows(cm, 0), _rows(cm, 1)
    assert g1[("F", "=~", "x2")].free == g2[("F", "=~", "x2")].free
    assert g1[("x1", "~1", "")].free == g2[("x1", "~1", "")].free
    assert g1[("x3", "~1", "")].free != g2[("x3", "~1", "")].free
    assert g1[("F", "~1", "")].free < 0 and g2[("F", "~1", "")].free >= 0


def test_label_equal_to_number_fixes_parameter():
    cm = compile_model("F =~ x1 + a*x2 + x3\na == 0.5")
    assert _rows(cm)[("F", "=~", "x2")].free < 0
    assert _rows(cm)[("F", "=~", "x2")].value == 0.5


@pytest.mark.parametrize("kwargs", [{"group_equal": ("weights",)},
                                    {"group_partial": ("nonsense",)}])
def test_bad_group_options(kwargs):
    with pytest.raises(ModelError):
        compile_model("F =~ x1 + x2 + x3", n_groups=2, **kwargs)


def test_defined_name_clash():
    with pytest.raises(ModelError, match="x1"):
        compile_model("F =~ x1 + a*x2 + x3\nx1 := a * 2")


@pytest.mark.parametrize(("syntax", "feature"), [
    ("F =~ x1 + x2 + x3\nx1 | t1 + t2", "thresholds (|)"),
    ("level: 1\nF =~ x1 + x2 + x3\nlevel: 2\nG =~ x1 + x2 + x3", "multilevel models"),
    ('efa("b")*F1 + efa("b")*F2 =~ x1 + x2 + x3 + x4', "efa()"),
    ("C <~ x1 + x2 + x3", "(<~)"),
    ("F1 =~ x1 + x2 + x3\nF2 =~ x4 + x5 + x6\ny ~ F1 + F2 + F1:F2", "interaction terms (F1:F2)"),
])
def test_unsupported_syntax_names_the_feature(syntax, feature):
    with pytest.raises(ModelError, match="not supported yet") as info:
        parse_model(syntax)
    assert feature in str(info.value)
    assert "is not a variable name" not in str(info.value)


def test_defined_parameters_and_comments_are_not_mistaken_for_unsupported_syntax():
    pm = parse_model("y ~ a*x  # effect: a | b\nz ~ b*y\nab := a*b")
    assert [d.name for d in pm.defined] == ["ab"]


def test_function_modes_have_lavaans_settings():
    from craftwave.analysis.sem import model_options

    assert not any(model_options("lavaan").to_dict().values())
    growth = model_options("growth")
    assert growth.int_lv_free and not growth.int_ov_free and growth.auto_var
    assert not model_options("cfa", std_lv=True).auto_fix_first
    assert model_options("cfa", std_lv=True, auto_fix_first=True).auto_fix_first
    assert model_options("lavaan", auto_var=True).auto_var
    with pytest.raises(ModelError, match="function must be one of"):
        model_options("efa")
    with pytest.raises(ModelError, match="unknown option"):
        model_options("sem", std_ov=True)


def test_lavaan_mode_keeps_unstated_variances_fixed_to_zero():
    cm = compile_model("F =~ x1 + x2 + x3\nF ~~ F", auto=False)
    rows = {(r.lhs, r.op, r.rhs): r for r in cm.rows}
    assert rows[("x1", "~~", "x1")].free == -1 and rows[("x1", "~~", "x1")].value == 0.0
    assert rows[("F", "=~", "x1")].free >= 0  # no marker: lavaan() fixes nothing itself
