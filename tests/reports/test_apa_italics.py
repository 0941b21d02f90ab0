"""APA 7 italics: statistical symbols are italic in every table, note, paragraph and caption
of the researcher report, in the HTML and in the PDF; Greek letters and CI stay upright."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser

import pytest

from craftwave.reports import build_report
from craftwave.reports.summary import apa_markup

pytestmark = pytest.mark.slow

#: A symbol used as a statistic, written without italics: "p = .03", "N = 361", "t(194)".
BARE = re.compile(r"(?<![\w.\-/−;&#])(p|N|n|M|SD|SE|B|b|t|F|r|z|df|R²)\s*[=<>≤≥(]")
#: Headers that are a symbol, or start with one.
SYMBOL_HEADERS = re.compile(r"^(p|N|n|M|SD|SE|B|t|F|r|z|g|d|df)(\s|$)")


class _Text(HTMLParser):
    """Text of the report's prose and tables, split into italic and upright runs."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.upright: list[str] = []
        self.italic: list[str] = []
        self.headers: list[tuple[str, bool]] = []   # (text, starts italic)
        self._th: list[str] | None = None
        self._th_first_italic = False

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag == "th":
            self._th, self._th_first_italic = [], False
        if tag == "i" and self._th is not None and not "".join(self._th).strip():
            self._th_first_italic = True

    def handle_endtag(self, tag):
        if tag == "th" and self._th is not None:
            self.headers.append(("".join(self._th).strip(), self._th_first_italic))
            self._th = None
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if any(t in ("pre", "style", "script", "code", "title", "nav") for t in self.stack):
            return
        if self._th is not None:
            self._th.append(data)
        (self.italic if "i" in self.stack or "em" in self.stack else self.upright).append(data)


def test_apa_markup_italicises_symbols_not_greek_letters_or_ci():
    text = str(apa_markup("B = 0.27, 95% CI [0.17, 0.36], β = .31, p < .001; χ²(4) = 6.06, "
                          "N = 361, t(194) = 2.10, M = 3.1 (SD = 0.9)"))
    for sym in ("B", "p", "N", "t", "M", "SD"):
        assert f"<i>{sym}</i>" in text
    assert "<i>β</i>" not in text and "<i>χ</i>" not in text and "<i>CI</i>" not in text
    assert "&lt;" in text  # escaped
    assert str(apa_markup("n stay", header=True)).startswith("<i>n</i>")
    assert str(apa_markup("Participants", header=True)) == "Participants"
    # idempotent on its own output, and no italics inside words or contractions
    assert str(apa_markup(apa_markup("p = .2"))) == "<i>p</i> = .2"
    assert "<i>" not in str(apa_markup("don't (yet) attempt a t-test at step 3"))


@pytest.fixture(scope="module")
def researcher(export_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("apa")
    return build_report("researcher", export_dir, out, "html,pdf", bootstrap=50, seed=3)


def test_every_statistical_symbol_of_the_researcher_html_is_italic(researcher):
    html = researcher.files["html"].read_text(encoding="utf-8")
    body = html.split("<body", 1)[1]
    parser = _Text()
    parser.feed(body)
    upright = " ".join(parser.upright)
    bare = sorted({m.group(0) for m in BARE.finditer(upright)})
    assert not bare, bare
    symbol_headers = [(h, it) for h, it in parser.headers if SYMBOL_HEADERS.match(h)]
    assert len(symbol_headers) > 10  # p, SE, n, M ... in many tables
    assert all(it for _, it in symbol_headers), [h for h, it in symbol_headers if not it]
    italic = [t.strip() for t in parser.italic]
    for sym in ("p", "SE", "M", "SD", "N", "n"):
        assert sym in italic, sym
    # table notes and paragraphs, not only the summary
    notes = re.findall(r'<div class="table-note">(.*?)</div>', html, flags=re.S)
    assert sum("<i>p</i>" in n for n in notes) >= 3
    sections = html.split('id="sec-methods-paragraph"', 1)[1]
    assert sections.count("<i>") > 50


def test_the_pdf_sets_the_symbols_in_italics(researcher):
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q",
                          str(researcher.files["pdf"])], capture_output=True, text=True,
                         check=True).stdout
    italic = re.findall(r"<i>(.*?)</i>", xml)
    runs = {t.strip() for t in italic}
    for sym in ("p", "SE", "M", "SD", "N"):
        assert sym in runs, sym
    # a table header p in italics, beyond the summary page
    pages = xml.split("<page ")
    assert any("<i>p</i>" in page for page in pages[3:])
