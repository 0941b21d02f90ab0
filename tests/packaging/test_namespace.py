"""One import namespace: every module of craftwave imports only ``craftwave.*`` names."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Imports every module of the installed package with the checkout's root FIRST on sys.path, where
# `import analysis` would silently find the folder: any old name in sys.modules afterwards is a
# module that imported a folder instead of the package.
_PROBE = """
import importlib, json, pkgutil, sys, warnings
warnings.simplefilter("ignore")
failed = {}
for top in ("craftwave", "craftwave.instruments", "craftwave.survey_app", "craftwave.analysis",
            "craftwave.reports", "craftwave.data"):
    root = importlib.import_module(top)
    for info in pkgutil.walk_packages(root.__path__, top + "."):
        if ".migrations." in info.name:
            continue  # Alembic's env and revision scripts run inside a migration context only
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            failed[info.name] = repr(exc)
old = sorted(n for n in sys.modules if n.split(".")[0] in
             ("analysis", "reports", "instruments", "survey_app"))
print(json.dumps({"old": old, "failed": failed,
                  "n": sum(n.startswith("craftwave.") for n in sys.modules)}))
"""


def test_no_module_imports_an_old_top_level_name():
    res = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(REPO)!r})\n"
                          + _PROBE], capture_output=True, text=True, check=True, cwd=REPO)
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out["failed"] == {}
    assert out["old"] == []
    assert out["n"] > 100  # the walk reached the whole package


def test_the_suite_guard_sees_an_old_name():
    """The session-end guard in tests/conftest.py reports a module under an old name."""
    import craftwave.analysis
    from tests.conftest import old_names_imported

    sys.modules["analysis"] = craftwave.analysis
    try:
        assert old_names_imported() == ["analysis"]
    finally:
        del sys.modules["analysis"]
    assert old_names_imported() == []
