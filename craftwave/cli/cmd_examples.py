"""``craftwave example``: copy a bundled example (a model file and its data) to a folder.

The examples ship inside the package (``craftwave.data``), so a user of an installed wheel can try
``craftwave fit`` at once and compare it with R line by line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click

import craftwave.data

from .output import echo_json, fail

EXAMPLES_DIR = Path(craftwave.data.__file__).parent / "examples"

#: name -> (files, what it is, the command to run next)
EXAMPLES: dict[str, tuple[tuple[str, ...], str, str]] = {
    "hs-cfa": (("hs_cfa.lav", "hs.csv"),
               "Holzinger & Swineford (1939): three-factor CFA of nine ability tests, N = 301 "
               "(lavaan's tutorial example)",
               "craftwave fit hs_cfa.lav hs.csv"),
}


@click.command("example")
@click.argument("name", required=False, type=click.Choice(sorted(EXAMPLES)))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Folder to copy the example's files into.")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def example_cmd(name: str | None, out: Path, force: bool, as_json: bool) -> None:
    """Copy the bundled example NAME (model and data) into --out; without NAME, list them."""
    if name is None:
        rows = [{"name": k, "files": list(f), "description": d, "next": c}
                for k, (f, d, c) in sorted(EXAMPLES.items())]
        if as_json:
            echo_json(rows)
        else:
            for r in rows:
                click.echo(f"{r['name']:<10} {r['description']}")
        return
    files, _, next_cmd = EXAMPLES[name]
    out.mkdir(parents=True, exist_ok=True)
    targets = [out / f for f in files]
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:
        fail(f"{', '.join(existing)} already exist(s); use --force to overwrite")
    for f, t in zip(files, targets, strict=True):
        shutil.copyfile(EXAMPLES_DIR / f, t)
    if as_json:
        echo_json({"name": name, "files": [str(t) for t in targets], "next": next_cmd})
    else:
        click.echo(f"Wrote {', '.join(str(t) for t in targets)}. Try: {next_cmd}")


COMMANDS = [example_cmd]
