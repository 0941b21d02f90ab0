"""Both reports built once from a seeded simulated export: numbers, figures, privacy, layout.

The reports are built once per module (HTML and PDF) and every test reads them.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.intervention import ancova, diff_in_diff
from craftwave.analysis.mediation import moderated_mediation
from craftwave.reports import build_report
from craftwave.reports.privacy import TOTAL, recoverable_by_subtraction

pytestmark = pytest.mark.slow
K = 10


@pytest.fixture(scope="module")
def built(export_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    res = {kind: build_report(kind, export_dir, out, "html,pdf", bootstrap=200, seed=5)
           for kind in ("researcher", "platform")}
    return res


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    text = "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)
    return re.sub(r"\s+", " ", text.replace("\u2212", "-"))


def _figures(res) -> list:
    return [f for s in res.sections for f in s.figures]


# -- which sections are real ------------------------------------------------------------------

#: sections whose analysis the seeded simulated export must support
ANALYSIS_SECTIONS = ("quality", "descriptives", "reliability", "invariance", "focal", "mediation",
                     "riclpm", "growth", "attrition")


def test_every_section_is_real(built):
    res = built["researcher"]
    for sid in ("sample", "intervention", "appendix", *ANALYSIS_SECTIONS):
        sec = res.section(sid)
        assert res.available[sid] and sec.available, f"{sid}: {sec.reason}"
    assert all(built["platform"].available.values()), [
        (s.id, s.reason) for s in built["platform"].sections if not s.available]


# -- key numbers in the PDF equal the analysis results -------------------------------------------


def test_pdf_numbers_match_the_analysis(built, export_dir):
    res = built["researcher"]
    text = _pdf_text(res.files["pdf"])
    frame = res.context.cache["frame"][1]
    participants = pd.read_csv(export_dir / "participants.csv")
    for w in (1, 2, 3):
        n = int((participants[f"status_w{w}"] == "completed").sum())
        assert f"wave {w}: N = {n}" in text
    an = ancova(frame, pre="resil_w1", post="resil_w2").effects.iloc[0]
    assert f"{an['est']:.3f}" in text and f"{an['se']:.3f}" in text
    did = diff_in_diff(frame, outcome="resil", waves=[1, 2, 3]).effects
    for est in did["est"]:
        assert f"{est:.3f}" in text
    med = moderated_mediation(frame, x="icraft_w1", w="ccraft_w1", m="resil_w2",
                              y="ccommit_w3", covariates=["resil_w1", "ccommit_w2"],
                              bootstrap=200, seed=5)
    idx = med.index.iloc[0]
    assert f"Index of moderated mediation = {idx['est']:.3f}" in text
    assert f"N = {med.n} complete cases" in text
    versions = res.section("appendix").results
    assert "models" in versions


def test_platform_pdf_states_the_intervention_effect(built):
    res = built["platform"]
    text = _pdf_text(res.files["pdf"])
    frame = res.context.cache["frame"][1]
    an = ancova(frame, pre="resil_w1", post="resil_w2").effects.iloc[0]
    assert f"{an['est']:.2f} points on average" in text
    assert f"between {an['ci_lower']:.2f} and {an['ci_upper']:.2f}" in text
    assert "assigned at random" in text


# -- figures ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["researcher", "platform"])
def test_every_figure_is_embedded(built, kind):
    from pypdf import PdfReader

    res = built[kind]
    figs = _figures(res)
    assert figs, "a report without figures"
    html = res.files["html"].read_text(encoding="utf-8")
    assert html.count('src="data:image/svg+xml;base64,') == len(figs)
    for f in figs:
        assert f'id="{f.id}"' in html
    # WeasyPrint shares one resource dictionary between pages: count distinct images
    images = {hashlib.sha256(img.data).hexdigest()
              for p in PdfReader(str(res.files["pdf"])).pages for img in p.images}
    assert len(images) == len(figs)


# -- privacy of the platform report ------------------------------------------------------------


def test_no_group_under_k_in_the_platform_report(built, export_dir):
    res = built["platform"]
    assert res.context.study.k == K
    participants = pd.read_csv(export_dir / "participants.csv")
    assert 0 < (participants["source"] == "mturk").sum() < K  # the small group exists
    tables = [t for s in res.sections for t in s.tables]
    checked = 0
    for t in tables:
        kind = t.meta.get("kind")
        cells = [c for row in t.rows for c in row[1:]]
        if kind == "counts":
            for c in cells:
                assert c == "–" or int(c) >= K, (t.id, c)
            shown = pd.DataFrame([[None if c == "–" else int(c) for c in row[1:]]
                                  for row in t.rows], index=[r[0] for r in t.rows],
                                 columns=t.columns[1:], dtype=object)
            assert recoverable_by_subtraction(shown) == set(), t.id
            checked += 1
        elif kind == "shares":
            for c in cells:
                if c != "–":
                    n, total = map(int, re.match(r"(\d+) of (\d+)", c).groups())
                    assert n >= K and total - n >= K or n >= K and total >= K, (t.id, c)
        else:
            assert kind in ("means", "estimates"), t.id
    assert checked >= 2
    src = next(t for t in tables if t.id == "tab-sources")
    mturk = next(r for r in src.rows if r[0] == "Mturk")
    assert set(mturk[1:]) == {"–"}
    assert TOTAL in [r[0] for r in src.rows]


def test_no_participant_level_rows_in_the_platform_report(built, export_dir):
    res = built["platform"]
    ids = pd.read_csv(export_dir / "participants.csv")["participant_id"].astype(str)
    html = res.files["html"].read_text(encoding="utf-8")
    text = _pdf_text(res.files["pdf"])
    summary = res.files["json"].read_text(encoding="utf-8")
    for pid in ids.sample(40, random_state=1):
        assert pid not in html and pid not in text and pid not in summary


# -- the rendered first page --------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("pdftoppm") is None,
                    reason="pdftoppm (poppler-utils) is not installed")
@pytest.mark.parametrize("kind", ["researcher", "platform"])
def test_first_page_renders(built, kind, tmp_path):
    from PIL import Image

    pdf = built[kind].files["pdf"]
    subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(pdf),
                    str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    img = np.asarray(Image.open(png).convert("L"), dtype=float)
    assert abs(img.shape[0] - 585) <= 1 and abs(img.shape[1] - 413) <= 1  # A4 at 50 dpi
    ink = (img < 200).mean()
    assert 0.02 < ink < 0.5, ink  # text on the page, not a blank or black page
    assert (img[:100] < 200).mean() > 0.01  # the title block is at the top
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        assert fonts and all(" yes " in line for line in fonts)  # every font embedded
        assert all("DejaVu" in line for line in fonts), fonts


# -- researcher appendix and methods -------------------------------------------------------------


def test_methods_and_appendix(built, export_dir):
    res = built["researcher"]
    html = res.html
    assert "Software: python" in html and f"craftwave {metadata.version('craftwave')}" in html
    assert "200 bootstrap resamples" in html
    script = res.files["reproduce.R"].read_text()
    assert "library(lavaan)" in script and "read.csv" in script
    assert 'missing = "ml"' in script
    assert "resil_w2 ~ a1*icraft_w1" in script


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed")
def test_reproduce_r_refits_the_focal_model_in_lavaan(built, export_dir, tmp_path):
    """reproduce.R run by R on the export gives the report's focal estimates (to 1e-3)."""
    ok = subprocess.run(["Rscript", "-e", "library(lavaan)"], capture_output=True)
    if ok.returncode != 0:
        pytest.skip("lavaan is not installed in R")
    res = built["researcher"]
    assert res.available["focal"], res.section("focal").reason
    out = res.files["reproduce.R"].parent
    for name in ("reproduce.R", "exclusions.csv"):
        if (out / name).is_file():
            shutil.copy(out / name, tmp_path / name)
    run = subprocess.run(["Rscript", "reproduce.R", str(export_dir)], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Regressions:" in run.stdout
    lav = pd.read_csv(tmp_path / "lavaan_focal.csv").fillna({"rhs": ""})
    ours = res.context.cache["focal_fit"][1].params.fillna({"rhs": ""})
    both = ours.merge(lav, on=["lhs", "op", "rhs"], suffixes=("", "_r"))
    assert len(both) == len(ours)
    np.testing.assert_allclose(both["est"], both["est_r"], atol=1e-3)
    np.testing.assert_allclose(both["se"], both["se_r"], atol=1e-3)
