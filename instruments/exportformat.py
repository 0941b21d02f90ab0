"""The export directory's format: file names and columns, the one home the writer
(:mod:`craftwave.survey_app.export`) and the reader (:mod:`craftwave.analysis.data`) share.

It lives with the instruments because both sides already import them and nothing here
depends on the app or the statistics (see docs/design.md, "The export directory").
"""

from __future__ import annotations

LONG_COLUMNS = ("participant_id", "wave", "instrument_id", "instrument_version",
                "instrument_hash", "item_id", "value", "page", "submitted_at")
"""``answers_long.csv``."""
TIMING_COLUMNS = ("participant_id", "wave", "page", "shown_at", "submitted_at", "n_items")
"""``page_timings.csv``."""

FLOW_FILE = "flow.csv"
"""Anonymous counts of the participant flow beyond ``participants.csv``: one row per event."""
FLOW_COLUMNS = ("event", "n")
FLOW_EVENTS = ("entered", "declined", "screened_out")
"""``entered``: consent decisions (agreed or declined); ``declined``; ``screened_out``. Counted
when they happen, so people who later asked for deletion are still counted (anonymously)."""

ALLOCATION_FILE = "allocation.csv"
"""The allocation log (researchers with the identifiers right only): one row per assignment."""
ALLOCATION_COLUMNS = ("sequence", "assigned_at", "arm", "participant_id")
"""``participant_id`` is empty where the participant asked for deletion (the row stays, so the
sequence shows no gap)."""

RECRUITMENT_FILE = "recruitment.csv"
"""Only with the identifiers right: the recruitment site's ids per participant and wave."""
RECRUITMENT_COLUMNS = ("participant_id", "wave", "source", "worker_id", "assignment_id", "hit_id",
                       "submit_to", "site_study_id", "site_session_id", "entered_at")
