"""Test helpers: a participant who walks the survey through the Flask test client or HTTP."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest

DEMO_STUDY = "test-study"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
"""Run a module on both databases: ``pytestmark = pytest.mark.parametrize("backend", BACKENDS,
indirect=True)``."""
DEMO_FILE = Path(__file__).resolve().parent / "test_study.yaml"

_INPUT = re.compile(r'<input[^>]*name="(csrf_token|shown|entry)"[^>]*value="([^"]*)"')
_ACTION = re.compile(r'<form method="post" action="([^"]+)"')
_RADIO = re.compile(r'<input type="radio" name="([a-z0-9_]+__[a-z0-9_]+)"')
_NUMBER = re.compile(r'<input type="number"[^>]* name="([a-z0-9_]+__[a-z0-9_]+)"[^>]* min="([-0-9.]+)"')


def hidden_fields(html: str) -> dict[str, str]:
    return {name: unescape(value) for name, value in _INPUT.findall(html)}


def question_names(html: str) -> list[str]:
    """Field names of the page's questions, in the order shown."""
    seen: dict[str, None] = {}
    for name in _RADIO.findall(html):
        seen.setdefault(name, None)
    return list(seen)


def path_of(location: str) -> str:
    parts = urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


class Walker:
    """One participant driving the app through a Flask test client."""

    def __init__(self, client) -> None:
        self.client = client
        self.html = ""
        self.url = ""

    def get(self, url: str, follow: bool = True):
        resp = self.client.get(url)
        while follow and resp.status_code in (301, 302, 303) and _local(resp.location):
            url = path_of(resp.location)
            resp = self.client.get(url)
        self.url, self.html = url, resp.get_data(as_text=True)
        return resp

    def post(self, data: dict, url: str | None = None, follow: bool = True, with_hidden: bool = True):
        if url is None:
            m = _ACTION.search(self.html)
            url = unescape(m.group(1)) if m else self.url
        payload = dict(hidden_fields(self.html)) if with_hidden else {}
        payload.update(data)
        resp = self.client.post(url, data=payload)
        if follow and resp.status_code in (301, 302, 303) and _local(resp.location):
            return self.get(path_of(resp.location))
        self.html = resp.get_data(as_text=True)
        return resp

    def answer_page(self, value_for=lambda name, i: 1 + i % 5, follow: bool = True):
        """Answer every question on the current page; returns (response, answers posted)."""
        names = question_names(self.html)
        answers = {n: str(value_for(n, i)) for i, n in enumerate(names)}
        answers.update({n: str(int(float(lo))) for n, lo in _NUMBER.findall(self.html)})
        return self.post(answers, follow=follow), answers

    def consent(self, url: str):
        self.get(url)
        return self.post({"decision": "agree"})

    def screen(self, eligible: bool = True):
        return self.post({"gig_work": "1" if eligible else "0", "adult": "1"})


def _local(location: str) -> bool:
    return not urlsplit(location).netloc or urlsplit(location).netloc == "localhost"
