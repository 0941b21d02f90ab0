"""Both reports fit a 390-px phone: Debian's chromium (Playwright) measures the page."""

from __future__ import annotations

import pytest

from craftwave.reports import build_report
from tests.survey_app.browser_helpers import chromium_page

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("kind", ["researcher", "platform"])
def test_report_fits_a_390px_phone(export_dir, tmp_path, kind):
    res = build_report(kind, export_dir, tmp_path, "html", bootstrap=20)
    with chromium_page(viewport={"width": 390, "height": 844}, device_scale_factor=1) as page:
        page.goto(res.files["html"].as_uri())
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the page is {width} px wide"
        too_wide = page.evaluate(
            "[...document.querySelectorAll('p, li, h1, h2, h3, figure, img, nav, .table-wrap')]"
            ".filter(e => e.getBoundingClientRect().right > 391).map(e => e.tagName + '#' + "
            "(e.id || e.className))")
        assert too_wide == []
        if kind == "researcher":
            first = page.evaluate("document.querySelector('section').id")
            assert first == "sec-summary"  # the summary comes first
