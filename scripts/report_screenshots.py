"""Rebuild the report screenshots of docs/reports.md (docs/img/*.png) from built reports.

Usage (after ``craftwave demo --format html,pdf``, which writes demo_out/reports/)::

    python scripts/report_screenshots.py demo_out/reports docs/img

Each PDF page shot is the first page of the report whose text holds a phrase (pdftotext),
rendered at 70 dpi by pdftoppm (poppler-utils); the phone shots are the HTML at 390 px wide,
1500 px tall, taken by Debian's Chromium through Playwright (as the phone test does).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

#: Image name -> (report kind, a phrase on the page to show, or a page number).
PAGES: dict[str, tuple[str, str | int]] = {
    "researcher-summary.png": ("researcher", 1),
    "researcher-focal.png": ("researcher", "Focal model with standardised estimates"),
    "researcher-mediation-riclpm.png": ("researcher", "Improper solution"),
    "researcher-clpm.png": ("researcher", "boundary"),
    "researcher-appendix.png": ("researcher", "Commands that reproduce the tables"),
    "platform-1.png": ("platform", 1),
    "platform-2.png": ("platform", "Allocation, follow-up and analysis by arm"),
    "platform-findings.png": ("platform", "What the models say"),
    "platform-reproduce.png": ("platform", "How to reproduce these numbers"),
}
PHONES = {"researcher-phone.png": "researcher", "platform-phone.png": "platform"}


def page_of(pdf: Path, phrase: str | int) -> int:
    """The first page of ``pdf`` whose text holds ``phrase`` (or ``phrase`` if a number)."""
    if isinstance(phrase, int):
        return phrase
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    for i, page in enumerate(text.split("\f"), start=1):
        if phrase in " ".join(page.split()):
            return i
    raise SystemExit(f"{pdf.name}: no page holds {phrase!r}")


def pdf_page(pdf: Path, page: int, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", str(page), "-l",
                        str(page), str(pdf), str(stem)], check=True)
        out.write_bytes(stem.with_suffix(".png").read_bytes())


def phone(html: Path, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"], headless=True)
        page = browser.new_page(viewport={"width": 390, "height": 1500})
        page.goto(html.resolve().as_uri())
        page.screenshot(path=str(out))
        browser.close()


def main(reports: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, (kind, phrase) in PAGES.items():
        pdf = reports / f"{kind}-report.pdf"
        page = page_of(pdf, phrase)
        pdf_page(pdf, page, out / name)
        print(f"{name}: {pdf.name} page {page}")
    for name, kind in PHONES.items():
        phone(reports / f"{kind}-report.html", out / name)
        print(f"{name}: {kind}-report.html at 390 px")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
