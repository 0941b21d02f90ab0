"""Suite-wide checks: the one import namespace, and no silent skips under CI."""

from __future__ import annotations

import os
import sys

import pytest

#: The repository's folders, importable under these names from the checkout's root only. The
#: installed package is ``craftwave.*``; any of these in ``sys.modules`` means some code imported
#: a folder instead of the package (and would break for a user with an ``analysis.py``).
OLD_TOP_LEVEL_NAMES = ("analysis", "reports", "instruments", "survey_app")


def old_names_imported() -> list[str]:
    """The modules in ``sys.modules`` that sit under one of the old top-level names."""
    return sorted(name for name in sys.modules
                  if name.split(".")[0] in OLD_TOP_LEVEL_NAMES)


@pytest.fixture(scope="session", autouse=True)
def _one_import_namespace():
    """At the end of the session (of each xdist worker), no old top-level name was imported."""
    yield
    leaked = old_names_imported()
    if leaked:
        pytest.fail("modules imported under the old top-level names instead of craftwave.*: "
                    + ", ".join(leaked[:10]), pytrace=False)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under ``CI=true``, a skipped test is a failure with the skip's own message (it names the
    missing tool), so a green CI means the browser, PostgreSQL, R and crash tests ran."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI", "").lower() == "true" and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, which needs every tool: {reason}"
