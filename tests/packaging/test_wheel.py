"""The wheel as a user gets it: only ``craftwave/``, working outside any checkout, and not
shadowed by a user's own ``analysis.py``, ``reports.py`` or ``instruments.py``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # built from a copy, so the build leaves no build/ or egg-info in the checkout
    src = tmp_path_factory.mktemp("src") / "craftwave"
    shutil.copytree(REPO, src, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "demo_out", "instance",
        ".pytest_cache", ".ruff_cache", ".hypothesis"))
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(src)],
                   check=True, capture_output=True, text=True)
    (path,) = out.glob("craftwave-*.whl")
    return path


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtualenv with the wheel installed (its dependencies come from this test's own
    environment through a .pth file, so the test needs no download; craftwave itself comes
    only from the wheel)."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True, text=True)
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    (Path(site) / "craftwave_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return env_dir


@pytest.fixture
def user_dir(tmp_path) -> Path:
    """A researcher's project folder with files named like craftwave's parts."""
    for name in ("analysis", "reports", "instruments", "survey_app"):
        (tmp_path / f"{name}.py").write_text(f"raise RuntimeError('the user\\'s own {name}.py')\n")
    return tmp_path


def _run(env_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(env_dir / "bin" / "craftwave"), *args], cwd=cwd, env=environ,
                          capture_output=True, text=True, timeout=600)


def test_wheel_holds_only_the_craftwave_package(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    dist_info = {t for t in tops if t.endswith(".dist-info")}
    assert tops - dist_info == {"craftwave"}
    for needed in ("craftwave/analysis/sem/api.py", "craftwave/instruments/library/resil.yaml",
                   "craftwave/data/demo/study.yaml", "craftwave/data/examples/hs.csv",
                   "craftwave/survey_app/migrations/versions/0001_participant_side.py",
                   "craftwave/survey_app/migrations/alembic.ini",
                   "craftwave/reports/templates/base.html",
                   "craftwave/survey_app/translations/de/LC_MESSAGES/messages.mo"):
        assert needed in names, needed
    assert any(n.endswith("licenses/LICENSE") or n.endswith("/LICENSE") for n in names)


def test_fit_from_the_wheel_beside_a_users_analysis_py(installed, user_dir):
    made = _run(installed, user_dir, "example", "hs-cfa")
    assert made.returncode == 0, made.stderr
    res = _run(installed, user_dir, "fit", "hs_cfa.lav", "hs.csv", "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    # lavaan: cfa(HS.model, data = HolzingerSwineford1939) gives chisq 85.306 on 24 df
    assert out["fit"]["chisq"] == pytest.approx(85.306, abs=1e-3)
    where = subprocess.run([str(installed / "bin" / "python"), "-c",
                            "import craftwave.analysis as a; print(a.__file__)"],
                           cwd=user_dir, capture_output=True, text=True, check=True).stdout
    assert str(installed) in where and str(REPO) not in where


def test_demo_runs_from_the_wheel_outside_a_checkout(installed, user_dir):
    res = _run(installed, user_dir, "demo", "--participants", "10", "--no-reports",
               "--out", str(user_dir / "demo"))
    assert res.returncode == 0, res.stderr + res.stdout
    assert (user_dir / "demo" / "export" / "manifest.json").is_file()


def test_version_comes_from_the_metadata(installed, user_dir):
    res = _run(installed, user_dir, "--version")
    from importlib.metadata import version

    assert res.returncode == 0 and version("craftwave") in res.stdout
