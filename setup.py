"""Package layout: one import namespace, ``craftwave``, over the repository's top-level folders.

Everything else about the distribution is in ``pyproject.toml``. The folders ``instruments/``,
``survey_app/``, ``analysis/``, ``reports/`` and ``data/`` stay where they are and install as
``craftwave.instruments``, ``craftwave.survey_app``, ... (setuptools' ``package-dir``).
"""

from pathlib import Path

from setuptools import setup

HERE = Path(__file__).parent
FOLDERS = {
    "craftwave": "craftwave",
    "craftwave.instruments": "instruments",
    "craftwave.survey_app": "survey_app",
    "craftwave.analysis": "analysis",
    "craftwave.reports": "reports",
    "craftwave.data": "data",
}


def _packages() -> list[str]:
    """Every folder below a mapped folder, as its ``craftwave.`` name.

    Folders of data only (templates, the instrument library, the demo study) are listed too, as
    namespace packages, which is how setuptools ships package data in subfolders.
    """
    names = []
    for package, folder in FOLDERS.items():
        root = HERE / folder
        for sub in sorted([root, *(d for d in root.rglob("*") if d.is_dir())]):
            rel = sub.relative_to(root).parts
            if "__pycache__" in rel or any(part.startswith(".") for part in rel):
                continue
            names.append(".".join((package, *rel)))
    return names


setup(packages=_packages(), package_dir=FOLDERS)
