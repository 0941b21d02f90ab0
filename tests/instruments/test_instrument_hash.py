"""The content hash: it follows what participants see and how answers are scored, not the YAML."""

from __future__ import annotations

import copy

import yaml

from craftwave.instruments import LIBRARY_DIR, load_instrument


def _icraft_text() -> str:
    return (LIBRARY_DIR / "icraft.yaml").read_text(encoding="utf-8")


def test_reformatting_and_comments_keep_the_hash(write_yaml):
    original = load_instrument(LIBRARY_DIR / "icraft.yaml")
    raw = yaml.safe_load(_icraft_text())
    # block style everywhere, keys sorted, no comments, different quoting and line breaks
    block = yaml.safe_dump(raw, sort_keys=True, default_flow_style=False, width=60)
    flow = yaml.safe_dump(raw, sort_keys=False, default_flow_style=True, width=4000)
    commented = "# a comment on top\n" + _icraft_text().replace(
        "items:\n", "items:  # the questions\n# between the keys\n"
    )
    hashes = {load_instrument(write_yaml(text, name=f"v{n}.yaml")).content_hash
              for n, text in enumerate([block, flow, commented])}
    assert hashes == {original.content_hash}


def test_hash_is_a_sha256_and_stable():
    a = load_instrument(LIBRARY_DIR / "icraft.yaml")
    b = load_instrument(LIBRARY_DIR / "icraft.yaml")
    assert a.content_hash == b.content_hash
    assert len(a.content_hash) == 64 and int(a.content_hash, 16) >= 0
    assert a.short_hash == a.content_hash[:12]


def _hash_after(change, write_yaml) -> str:
    raw = yaml.safe_load(_icraft_text())
    changed = copy.deepcopy(raw)
    change(changed)
    return load_instrument(write_yaml(changed, name="changed.yaml")).content_hash


def test_every_substantive_change_moves_the_hash(write_yaml):
    base = load_instrument(LIBRARY_DIR / "icraft.yaml").content_hash

    def wording(d):
        d["items"][0]["text"]["en"] = d["items"][0]["text"]["en"].replace("enjoy", "like")

    def one_character(d):
        d["items"][3]["text"]["en"] += " "  # even a trailing space is a different wording

    def anchor(d):
        d["response_scales"][0]["options"][2]["label"]["en"] = "Now and then"

    def reverse(d):
        d["scoring"]["reverse"] = ["task_4"]

    def min_items(d):
        d["scoring"]["min_items"] = 3

    def order(d):
        d["items"][0], d["items"][1] = d["items"][1], d["items"][0]

    def instructions(d):
        d["instructions"]["en"] = "Think about the last week."

    hashes = [_hash_after(c, write_yaml) for c in
              (wording, one_character, anchor, reverse, min_items, order, instructions)]
    assert base not in hashes
    assert len(set(hashes)) == len(hashes)
