"""``craftwave fit --bootstrap``: the general bootstrap from the command line."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from craftwave.analysis.bootstrap import bootstrap
from craftwave.analysis.sem import fit
from craftwave.cli import main

MODEL = "visual =~ x1 + x2 + a*x3\ntextual =~ x4 + x5 + b*x6\nab := a*b\n"


@pytest.fixture(scope="module")
def files(tmp_path_factory, reference_dir):
    tmp = tmp_path_factory.mktemp("boot")
    model = tmp / "m.lav"
    model.write_text(MODEL, encoding="utf-8")
    return str(model), str(reference_dir / "data" / "sem_hs.csv")


def _run(files, *extra):
    out = CliRunner().invoke(main, ["fit", *files, "--bootstrap", "200", "--seed", "7",
                                    "--json", *extra])
    assert out.exit_code == 0, out.output
    return json.loads(out.output)


def test_cli_bootstrap_equals_the_library_and_ignores_the_number_of_workers(files):
    one = _run(files)
    two = _run(files, "--jobs", "2")
    assert one["bootstrap"] == two["bootstrap"]
    data = pd.read_csv(files[1])
    direct = bootstrap(fit(MODEL, data), data, n=200, seed=7).to_dict()
    assert one["bootstrap"]["parameters"] == direct["parameters"]
    defined = {d["name"] if "name" in d else d["lhs"]: d for d in one["bootstrap"]["defined"]}
    assert "ab" in defined and defined["ab"]["ci_lower"] < defined["ab"]["ci_upper"]
    assert one["bootstrap"]["bootstrap"]["n"] == 200


def test_cli_bootstrap_seed_and_interval_type_change_the_intervals(files):
    base = _run(files)["bootstrap"]["parameters"]
    assert _run(files)["bootstrap"]["parameters"] == base  # same seed, same answer
    out = CliRunner().invoke(main, ["fit", *files, "--bootstrap", "200", "--seed", "8", "--json"])
    assert json.loads(out.output)["bootstrap"]["parameters"] != base
    bca = _run(files, "--ci", "bca")["bootstrap"]
    assert bca["bootstrap"]["ci"] == "bca" and bca["parameters"] != base
