"""One code per outcome: what a screened-out or declining participant is shown and sent.

The code on the page is the code the return button sends: Prolific's ``screen_out_code`` (else
the eligibility's) with ``?cc=`` of that same code; MTurk workers see how to return the HIT and
the study's MTurk code for that outcome, if it gives one.
"""

from __future__ import annotations

from craftwave.survey_app.framing import allow_framing


def screen_out_context(source: str, study) -> dict:
    """Template context of the screen-out page for a participant from ``source``."""
    rec, elig = study.recruitment, study.eligibility
    code, url, mturk = elig.screen_out_code, None, False
    if source == "prolific" and rec.prolific is not None:
        code = rec.prolific.screen_out_code or code
        url = rec.prolific.screen_out_redirect(code)
    elif source == "mturk" and rec.mturk is not None:
        code, mturk = rec.mturk.screen_out_code, True
        allow_framing(rec.mturk.frame_ancestors)
    return {"code": code, "text": elig.screen_out_text, "redirect_url": url, "mturk_return": mturk}


def decline_context(source: str | None, study) -> dict:
    """Template context of the page after declining consent, for a participant from ``source``."""
    rec = study.recruitment
    code = url = None
    mturk = prolific = False
    if source == "prolific" and rec.prolific is not None:
        code, url, prolific = rec.prolific.decline_code, rec.prolific.decline_redirect(), True
    elif source == "mturk" and rec.mturk is not None:
        code, mturk = rec.mturk.decline_code, True
        allow_framing(rec.mturk.frame_ancestors)
    return {"code": code, "redirect_url": url, "mturk_return": mturk, "prolific": prolific}
