"""Real `sanctrace analyze` output over the dev corpus keeps the contract.

JSON: valid against the project's JSON Schema, offsets that index the texts,
stable order, byte-identical on a second run. ftm: entities that
followthemoney reads back unchanged, with every reference resolved.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model
from typer.testing import Result

from sanctrace.documents import load_inputs
from sanctrace.export.contract import validate_contract
from sanctrace.model import Document

EXAMPLE = "examples/limousine-gift.txt"


def _is_repeat(sentence: str) -> bool:
    return " repeats the text of " in sentence


@pytest.fixture(scope="module")
def dev_dir(shared_file: Callable[[str], Path]) -> Path:
    """The shared dev corpus folder (the seed article and both gold files)."""
    for name in ("seed-2024-02-20-limousine.txt", "seed.gold.jsonl", "dev.gold.jsonl"):
        shared_file(f"corpus/dev/{name}")
    return shared_file("corpus/dev/seed.gold.jsonl").parent


@pytest.fixture(scope="module")
def texts(dev_dir: Path) -> dict[str, str]:
    """Document text by input name, as the input layer reads it."""
    loaded = list(load_inputs([str(dev_dir), EXAMPLE]))
    assert all(isinstance(item, Document) or _is_repeat(item.error) for item in loaded)
    return {item.input: item.text for item in loaded if isinstance(item, Document)}


@pytest.fixture(scope="module")
def contract(invoke: Callable[..., Result], dev_dir: Path) -> dict[str, Any]:
    result = invoke(["analyze", str(dev_dir), EXAMPLE, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_contract_output_validates_against_schema(contract: dict[str, Any]) -> None:
    assert validate_contract(contract) == []
    # The only errors: the seed article, in the folder both as .txt and as a gold
    # line, is analysed once.
    assert all(_is_repeat(e["error"]) for e in contract["errors"])
    assert sum(len(d["transfers"]) for d in contract["documents"]) > 20


def test_contract_output_offsets_index_every_text(
    contract: dict[str, Any], texts: dict[str, str]
) -> None:
    assert [d["input"] for d in contract["documents"]] == list(texts)
    for document in contract["documents"]:
        text = texts[document["input"]]
        spans = [t["evidence"] for t in document["transfers"]]
        spans += [s for t in document["transfers"] for s in t.get("also_evidence", [])]
        spans += [m for p in document["parties"] for m in p["mentions"]]
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"], document["input"]


def test_contract_output_order_and_references(contract: dict[str, Any]) -> None:
    ids = [d["id"] for d in contract["documents"]]
    assert len(set(ids)) == len(ids)
    for document in contract["documents"]:
        starts = [t["evidence"]["start"] for t in document["transfers"]]
        assert starts == sorted(starts), f"{document['input']}: transfers out of text order"
        parties = {p["id"]: p for p in document["parties"]}
        for transfer in document["transfers"]:
            for ref in (transfer["giver"], transfer["recipient"]):
                if ref is not None:
                    party = parties[ref["party"]]
                    assert (ref["name"], ref["country"]) == (party["name"], party["country"])


def test_contract_output_ftm_lines_read_back_by_followthemoney(
    invoke: Callable[..., Result], dev_dir: Path, contract: dict[str, Any]
) -> None:
    result = invoke(["analyze", str(dev_dir), EXAMPLE, "--format", "ftm"])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    entities = {line["id"]: line for line in lines}
    assert len(entities) == len(lines), "entity ids repeat"
    for data in lines:
        schema = model.get(data["schema"])
        assert schema is not None, data["schema"]
        schema.validate(data)
        proxy = model.get_proxy(data, cleaned=False)
        read_back = proxy.to_dict()["properties"]
        assert {k: sorted(v) for k, v in read_back.items()} == {
            k: sorted(v) for k, v in data["properties"].items()
        }, f"followthemoney changed or dropped properties of {data['id']}"
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                for target in proxy.get(prop):
                    assert target in entities, f"{data['id']}.{prop.name} -> missing {target}"
    counts = Counter(line["schema"] for line in lines)
    assert counts["Article"] == len(contract["documents"])
    assert counts["EconomicActivity"] == sum(len(d["transfers"]) for d in contract["documents"])
    for activity in (line for line in lines if line["schema"] == "EconomicActivity"):
        assert activity["properties"].get("goodsDescription")
        assert activity["properties"].get("proof")


def test_contract_output_is_byte_identical_across_runs(
    dev_dir: Path, repo_root: Path, cli_env: dict[str, str]
) -> None:
    command = [str(repo_root / ".venv" / "bin" / "sanctrace"), "analyze", str(dev_dir), EXAMPLE]
    command += ["--format", "json"]
    env = {**os.environ, **cli_env}
    # Two separate processes, side by side: nothing may depend on process state.
    runs = [
        subprocess.Popen(
            command, cwd=repo_root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=180) for run in runs]
    assert all(run.returncode == 0 for run in runs), [err for _, err in outputs]
    first, second = (out for out, _ in outputs)
    assert first == second
    assert json.loads(first)["documents"]
