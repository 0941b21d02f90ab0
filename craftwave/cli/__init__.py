"""The ``craftwave`` command line.

Each area adds its commands in its own module ``craftwave/cli/cmd_<area>.py``, which defines a
module-level list ``COMMANDS`` of click commands or groups. Modules are discovered here, so two
areas never edit the same file to add a command. Heavy imports (pandas, Flask, ...) belong
inside the command functions, so ``craftwave --help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from craftwave import __version__


def _command_modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("cmd_")
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="craftwave")
def main() -> None:
    """craftwave: run the survey, keep the panel across waves, and fit the models."""


for _name in _command_modules():
    _module = importlib.import_module(f"{__name__}.{_name}")
    for _cmd in getattr(_module, "COMMANDS", []):
        main.add_command(_cmd)
