"""The end-to-end demo: a three-wave study taken over HTTP by simulated gig workers, then analysed.

:func:`run_demo` builds a fresh database with the demo study (``data/demo/study.yaml``),
starts the survey app in-process on a loopback port (werkzeug in a background thread, the
app's ``CLOCK`` a :class:`~craftwave.survey_app.clock.FakeClock`), and lets simulated participants take
the study through its real HTTP interface with a standard-library HTTP client: the Prolific
link, consent (a few decline), screening (a few are screened out), every page with its CSRF
token, browsers closed mid-wave and resumed from the same link, participants who abandon a
wave, attrition between waves, careless responders (straight-liners, random responders,
speeders) and failed attention checks. The clock moves between pages (realistic seconds per
item, about one for speeders) and between waves (the study's ``after_days``).

Every answer comes from one :func:`craftwave.analysis.simulate.simulate` run: the focal population
(individual crafting predicts later resilience, collaborative crafting compensates when
individual crafting is low, resilience predicts career commitment) answers the focal
instruments, and the same simulated people answer the profile, meaningful-work, community and
attention-check questions as its ``extra`` instruments (meaning goes with resilience and
commitment, community participation with collaborative crafting, forum use raises later
resilience; careless responders fail the attention checks as simulated). The study's arm
``mentoring_forum`` raises forum use after wave 1 (``arm_forums_effect``); the values are in
:mod:`craftwave.demo.options`. Each simulated person is matched to the arm the app's seeded
assignment gives them. Participants go one after another, so the shared clock and every random
draw are deterministic for a seed.

Every page submission the app acknowledges (a 303 after the POST) is kept in a ledger; after
the fieldwork the database is reconciled against it. Then the study is exported
(:func:`craftwave.survey_app.export.write_export`) and both reports are built
(:func:`craftwave.reports.build_report`). A step whose package is missing is skipped and says why.
"""

from .options import DEFAULT_OUT, DEMO_STUDY_FILE, DemoError, DemoOptions, DemoResult, Step
from .run import (
           demo_app,
           fingerprint,
           is_current,
           prepare_database,
           read_state,
           reconcile,
           run_demo,
)

__all__ = ["DEFAULT_OUT", "DEMO_STUDY_FILE", "DemoError", "DemoOptions", "DemoResult", "Step",
           "demo_app", "fingerprint", "is_current", "prepare_database", "read_state", "reconcile",
           "run_demo"]
