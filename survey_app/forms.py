"""WTForms classes built from study and instrument definitions.

:func:`build_page_form` makes one fresh form class per survey page (cached on the compiled
page, so once per process): a radio group per scale item with its options as the only valid
choices, a bounded number field per number item, ``required`` from the item. Views call
``form.validate_on_submit()``; this is the one place a posted answer is validated.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FloatField, HiddenField, IntegerField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, NumberRange, Optional, ValidationError

from craftwave.instruments.study import Eligibility, is_time_zone

REQUIRED = _l("Please answer this question.")
CHOOSE = _l("Please choose one of the answers shown.")


class _Radio(RadioField):
    """A radio group whose invalid-choice message speaks to participants."""

    def pre_validate(self, form) -> None:
        if self.data is None:
            return
        if not any(self.data == c.value for c in self.choices):
            raise ValidationError(CHOOSE)

    def process_formdata(self, valuelist) -> None:
        if valuelist:
            try:
                self.data = self.coerce(valuelist[0])
            except (TypeError, ValueError):
                self.data = None
                raise ValueError(str(CHOOSE)) from None


def _coerce(values) -> type:
    return int if all(float(v).is_integer() for v in values) else float


class PageForm(FlaskForm):
    """Base of the generated page forms; ``shown`` carries the signed time the page was shown."""

    shown = HiddenField()


def build_page_form(page, draft: bool = False) -> type[PageForm]:
    """A new form class with one field per question of ``page`` (a compiled page).

    ``draft`` makes every question optional: the form of Back, which keeps what was answered
    without asking for the rest (choices and number ranges are still checked).
    """
    attrs: dict[str, object] = {}
    for q in page.all_questions:
        label = q.item.text.get("en", q.item.id)
        if q.scale is not None:
            kind = _coerce(q.scale.values)
            choices = [SelectChoice(kind(o.value), o.label.get("en", str(o.value))) for o in q.scale.options]
            validators = [InputRequired(REQUIRED)] if q.required and not draft else [Optional()]
            attrs[q.name] = _Radio(label, choices=choices, coerce=kind, validators=validators,
                                   validate_choice=True)
        else:
            item = q.item
            cls = IntegerField if item.integer else FloatField
            rng = NumberRange(item.min, item.max,
                              message=_l("Please enter a number from %(low)s to %(high)s.",
                                         low=format(item.min, "g"), high=format(item.max, "g")))
            first = InputRequired(REQUIRED) if q.required and not draft else Optional()
            attrs[q.name] = cls(label, validators=[first, rng])
    kind = "Draft" if draft else "PageForm"
    return type(f"{kind}_{page.wave}_{page.page.id}", (PageForm,), attrs)


class ConsentForm(FlaskForm):
    """Agree or decline; the buttons carry the decision."""

    decision = RadioField(choices=[SelectChoice("agree"), SelectChoice("decline")],
                          validators=[InputRequired(_l("Please choose whether you agree."))])
    timezone = StringField(validators=[Optional()])

    def validate_timezone(self, field) -> None:
        """An unknown zone is dropped (the study's default applies), never an error to fix."""
        if field.data and not is_time_zone(field.data):
            field.data = None


class WithdrawForm(FlaskForm):
    kind = RadioField(
        _l("What should happen now?"),
        choices=[SelectChoice("stop_contact", _l("Stop contacting me, but keep the answers I "
                                                 "have given")),
                 SelectChoice("delete", _l("Stop contacting me and delete my answers"))],
        validators=[InputRequired(_l("Please choose one of the two options."))])


def build_screening_form(eligibility: Eligibility, language: str = "en") -> type[FlaskForm]:
    """A form class with one radio group per screening question."""
    attrs = {
        q.id: _Radio(q.text.get(language, q.id),
                     choices=[SelectChoice(o.value, o.label.get(language, str(o.value))) for o in q.options],
                     coerce=int, validators=[InputRequired(REQUIRED)])
        for q in eligibility.questions
    }
    return type("ScreeningForm", (FlaskForm,), attrs)
