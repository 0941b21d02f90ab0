"""``craftwave instruments list|show`` and ``craftwave codebook`` through click's runner."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from craftwave.cli import main
from craftwave.instruments.codebook import codebook, read_codebook


@pytest.fixture
def runner():
    return CliRunner()


def _json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_commands_are_registered(runner):
    out = runner.invoke(main, ["--help"]).output
    assert "instruments" in out and "codebook" in out
    assert "list" in runner.invoke(main, ["instruments", "--help"]).output


def test_list_json(runner, library):
    rows = _json(runner.invoke(main, ["instruments", "list", "--json"]))
    assert [r["id"] for r in rows] == list(library)
    by_id = {r["id"]: r for r in rows}
    assert by_id["icraft"]["hash"] == library["icraft"].content_hash
    assert by_id["icraft"]["subscales"] == ["task", "relational", "cognitive"]
    assert by_id["resil"]["items"] == 14
    assert by_id["attn"]["attention_checks"] == 4 and by_id["attn"]["scored"] is False


def test_list_text(runner, library):
    result = runner.invoke(main, ["instruments", "list"])
    assert result.exit_code == 0
    line = next(x for x in result.output.splitlines() if x.startswith("ccommit "))
    assert library["ccommit"].short_hash in line and "(one scale)" in line


def test_show_json(runner, library):
    payload = _json(runner.invoke(main, ["instruments", "show", "icraft", "--json"]))
    assert payload["hash"] == library["icraft"].content_hash
    assert payload["follows"]["dimensions"] == library["icraft"].follows.dimensions
    reversed_ids = [i["id"] for i in payload["items"] if i["reverse"]]
    assert reversed_ids == library["icraft"].scoring.reverse
    assert payload["scoring"]["min_items"] == 2


def test_show_text(runner):
    result = runner.invoke(main, ["instruments", "show", "ccommit"])
    assert result.exit_code == 0
    assert "2 (reversed):" in result.output
    assert "scoring: mean over all items, at least 5 answered; reverse: 2, 5" in result.output


def test_show_unknown(runner):
    result = runner.invoke(main, ["instruments", "show", "nope"])
    assert result.exit_code == 2
    assert "Error: unknown instrument 'nope' (known: attn, ccommit" in result.stderr


def test_codebook_json_matches_the_function(runner, library):
    rows = _json(runner.invoke(main, ["codebook", "--waves", "2", "--json"]))
    expected = codebook(library, 2)
    assert [r["variable"] for r in rows] == expected.variable.tolist()
    gender = next(r for r in rows if r["variable"] == "profile_gender_w2")
    assert gender["missing_codes"] == [99] and gender["value_labels"]["99"] == "Prefer not to say"
    assert gender["subscale"] is None


def test_codebook_markdown_to_stdout(runner):
    result = runner.invoke(main, ["codebook"])
    assert result.exit_code == 0
    assert result.output.startswith("# Codebook")
    assert "`icraft_task_1_w1`" in result.output and "_w2`" not in result.output


def test_codebook_out(runner, tmp_path, library):
    out = tmp_path / "export"
    payload = _json(runner.invoke(main, ["codebook", "--waves", "3", "--out", str(out), "--json"]))
    assert payload["variables"] == len(codebook(library, 3))
    assert (out / "codebook.md").read_text(encoding="utf-8").startswith("# Codebook")
    back = read_codebook(out / "codebook.csv")
    assert back.variable.tolist() == codebook(library, 3).variable.tolist()


def test_codebook_from_a_study_file(runner, tmp_path):
    study = {
        "id": "cli-mini",
        "title": {"en": "Mini"},
        "consent": {"version": "1", "text": {"en": "You agree."}},
        "waves": [{"number": 1, "pages": [{"id": "p", "blocks": [{"instrument": "meaning"}]}]}],
    }
    path = tmp_path / "study.yaml"
    path.write_text(yaml.safe_dump(study), encoding="utf-8")
    rows = _json(runner.invoke(main, ["codebook", "--study", str(path), "--json"]))
    assert {r["instrument"] for r in rows} == {"meaning"}
    assert rows[-1]["variable"] == "meaning_w1"
    both = runner.invoke(main, ["codebook", "--study", str(path), "--waves", "2"])
    assert both.exit_code == 2 and "either --study or --waves" in both.stderr


def test_a_bad_instrument_directory_fails_cleanly(runner, tmp_path, tiny, write_yaml):
    tiny["items"][0]["subscale"] = "zz"
    path = write_yaml(tiny, name="mine.yaml")
    for args in (["instruments", "list"], ["codebook"]):
        result = runner.invoke(main, [*args, "--instruments", str(path.parent)])
        assert result.exit_code == 2
        assert "Error: mine.yaml: item 'a_1': unknown subscale 'zz'" in result.stderr


def test_own_instrument_directory(runner, tiny, write_yaml):
    path = write_yaml(tiny, name="tiny.yaml")
    rows = _json(runner.invoke(main, ["codebook", "--instruments", str(path.parent), "--json"]))
    assert [r["variable"] for r in rows][-3:] == ["tiny_a_w1", "tiny_b_w1", "tiny_w1"]
