"""``craftwave instruments list|show`` and ``craftwave codebook``: the instrument library."""

from __future__ import annotations

from pathlib import Path

import click

from .output import echo_json, fail

_DIR = click.Path(exists=True, file_okay=False, path_type=Path)
_INSTRUMENTS_HELP = "Directory of instrument YAML files (default: the bundled library)."


def _library(directory: Path | None) -> dict:
    from craftwave.instruments import load_library
    from craftwave.instruments.errors import CraftwaveError

    try:
        return load_library(directory)
    except CraftwaveError as exc:
        fail(str(exc))
        raise  # not reached: fail() exits


def _summary(inst) -> dict:
    return {
        "id": inst.id,
        "version": inst.version,
        "prefix": inst.prefix,
        "title": inst.title.get("en") or next(iter(inst.title.values())),
        "hash": inst.content_hash,
        "wording": inst.wording,
        "items": len(inst.items),
        "attention_checks": len(inst.attention_checks),
        "subscales": [s.id for s in inst.subscales],
        "scored": inst.scoring is not None,
    }


@click.group("instruments")
def instruments_group() -> None:
    """List and inspect the instrument library."""


@instruments_group.command("list")
@click.option("--instruments", "directory", type=_DIR, default=None, help=_INSTRUMENTS_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def list_cmd(directory: Path | None, as_json: bool) -> None:
    """List the instruments: id, version, content hash, items and subscales."""
    rows = [_summary(i) for i in _library(directory).values()]
    if as_json:
        echo_json(rows)
        return
    click.echo(f"{'id':<12} {'version':<8} {'hash':<12} {'items':>5}  subscales")
    for r in rows:
        subs = ", ".join(r["subscales"]) or ("(one scale)" if r["scored"] else "(not scored)")
        n = r["items"] or r["attention_checks"]
        click.echo(f"{r['id']:<12} {r['version']:<8} {r['hash'][:12]:<12} {n:>5}  {subs}")


@instruments_group.command("show")
@click.argument("instrument_id")
@click.option("--instruments", "directory", type=_DIR, default=None, help=_INSTRUMENTS_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def show_cmd(instrument_id: str, directory: Path | None, as_json: bool) -> None:
    """Show one instrument: source, scales, subscales, items and scoring rules."""
    library = _library(directory)
    inst = library.get(instrument_id)
    if inst is None:
        fail(f"unknown instrument '{instrument_id}' (known: {', '.join(sorted(library))})")
    if as_json:
        payload = _summary(inst)
        payload["follows"] = inst.follows.model_dump()
        payload["validation_status"] = inst.validation_status
        payload["licence"] = inst.licence
        payload["languages"] = inst.languages
        payload["response_scales"] = [s.model_dump(mode="json") for s in inst.response_scales]
        payload["subscales"] = [s.model_dump(mode="json") for s in inst.subscales]
        payload["items"] = [
            {**i.model_dump(mode="json", exclude_none=True), "reverse": inst.is_reversed(i.id)}
            for i in inst.items
        ]
        payload["attention_checks"] = [a.model_dump(mode="json") for a in inst.attention_checks]
        payload["scoring"] = inst.scoring.model_dump(mode="json") if inst.scoring else None
        echo_json(payload)
        return
    s = _summary(inst)
    click.echo(f"{inst.id} {inst.version}: {s['title']}")
    click.echo(f"hash: {inst.content_hash}")
    click.echo(f"wording: {inst.wording}; follows: {' '.join(inst.follows.citation.split())}")
    click.echo(f"validation: {' '.join(inst.validation_status.split())}")
    for sub in inst.subscales:
        click.echo(f"subscale {sub.id}: {sub.label.get('en', '')} ({len(inst.subscale_items(sub.id))} items)")
    for item in inst.items:
        flag = " (reversed)" if inst.is_reversed(item.id) else ""
        click.echo(f"  {item.id}{flag}: {item.text.get('en') or next(iter(item.text.values()))}")
    for check in inst.attention_checks:
        click.echo(f"  {check.id} (attention check, expected {check.expected:g}): "
                   f"{check.text.get('en') or next(iter(check.text.values()))}")
    if inst.scoring is not None:
        r = inst.scoring
        parts = [f"{r.method} per subscale of at least {r.min_items} answered items"] if inst.subscales else []
        if r.total or not inst.subscales:
            parts.append(f"{r.method} over all items, at least {r.total_min_items or r.min_items} answered")
        click.echo(f"scoring: {'; '.join(parts)}; reverse: {', '.join(r.reverse) or 'none'}")
    else:
        click.echo("scoring: none")


@click.command("codebook")
@click.option("--instruments", "directory", type=_DIR, default=None, help=_INSTRUMENTS_HELP)
@click.option("--study", "study_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Study YAML: list exactly what its waves ask.")
@click.option("--waves", type=click.IntRange(min=1), default=None,
              help="Without --study: every instrument at waves 1..N (default 1).")
@click.option("--language", default="en", show_default=True, help="Language of the labels.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write codebook.csv and codebook.md into this directory.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the rows, or the files written).")
def codebook_cmd(directory: Path | None, study_path: Path | None, waves: int | None, language: str,
                 out_dir: Path | None, as_json: bool) -> None:
    """Write the data dictionary: every variable with its label, values and missing codes.

    Without --out the codebook is printed (Markdown, or JSON rows with --json).
    """
    from craftwave.instruments.codebook import codebook, codebook_markdown, write_codebook
    from craftwave.instruments.errors import CraftwaveError

    library = _library(directory)
    if study_path is not None and waves is not None:
        fail("give either --study or --waves, not both")
    try:
        if study_path is not None:
            from craftwave.instruments.study import load_study

            plan = load_study(study_path, library)
        else:
            plan = waves or 1
        df = codebook(library, plan, language=language)
    except CraftwaveError as exc:
        fail(str(exc))
    if out_dir is not None:
        csv_path, md_path = write_codebook(df, out_dir)
        if as_json:
            echo_json({"csv": str(csv_path), "markdown": str(md_path), "variables": len(df)})
        else:
            click.echo(f"wrote {csv_path} and {md_path} ({len(df)} variables)")
        return
    if as_json:
        records = df.to_dict(orient="records")
        for r in records:
            r["value_labels"] = {str(k): v for k, v in r["value_labels"].items()}
        echo_json(records)
    else:
        click.echo(codebook_markdown(df))


COMMANDS = [instruments_group, codebook_cmd]
