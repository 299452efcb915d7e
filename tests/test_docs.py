"""The documentation says what the code does: commands, options, settings, files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.core import TyperGroup

from sanctrace.documents import MAX_BYTES_ENV
from sanctrace.nlp.model import DEFAULT_MODEL, MODEL_ENV
from sanctrace.store.location import DEFAULT_STORE_ENV

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
USAGE = ROOT / "docs" / "usage.md"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _commands() -> dict[str, Any]:
    """Every command of the CLI by its path ("lists import"), groups included."""
    from sanctrace.cli import _register, app

    if not app.registered_commands:
        _register()
    found: dict[str, Any] = {}

    def walk(group: TyperGroup, prefix: str) -> None:
        for name, command in group.commands.items():
            path = f"{prefix} {name}".strip()
            found[path] = command
            if isinstance(command, TyperGroup):
                walk(command, path)

    root = typer.main.get_command(app)
    assert isinstance(root, TyperGroup)
    walk(root, "")
    return found


def _section(markdown: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    assert match, f"README.md has no '## {title}' section"
    return match.group(1)


def test_docs_usage_documents_every_command_and_option() -> None:
    usage = USAGE.read_text("utf-8")
    for path, command in _commands().items():
        assert f"sanctrace {path}" in usage, f"docs/usage.md does not show 'sanctrace {path}'"
        for parameter in command.params:
            if parameter.param_type_name != "option":
                continue
            for option in [*parameter.opts, *parameter.secondary_opts]:
                if option != "--help":
                    assert option in usage, f"docs/usage.md misses {option} of 'sanctrace {path}'"


def test_docs_readme_quick_start_is_exactly_make_demo_and_make_test() -> None:
    quick = _section(README.read_text("utf-8"), "Quick start")
    blocks = re.findall(r"```[a-z]*\n(.*?)```", quick, re.S)
    assert blocks, "the quick start shows no command block"
    commands = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]


def test_docs_readme_shows_every_command() -> None:
    readme = README.read_text("utf-8")
    for path in _commands():
        assert f"sanctrace {path}" in readme, f"README.md shows no example of 'sanctrace {path}'"


def test_docs_name_the_real_settings() -> None:
    readme = README.read_text("utf-8")
    for name in (MODEL_ENV, DEFAULT_STORE_ENV, MAX_BYTES_ENV, DEFAULT_MODEL):
        assert name in readme, f"README.md does not mention {name}"


def test_docs_architecture_names_existing_knowledge_files() -> None:
    architecture = ARCHITECTURE.read_text("utf-8")
    knowledge = [
        "src/sanctrace/transfers/lexicon.yaml",
        "src/sanctrace/goods/taxonomy.yaml",
        "src/sanctrace/parties/gazetteer.yaml",
        *(str(p.relative_to(ROOT)) for p in sorted(ROOT.glob("src/sanctrace/law/regimes/*.yaml"))),
    ]
    for path in knowledge:
        assert (ROOT / path).is_file()
        assert Path(path).name in architecture, f"docs/architecture.md does not mention {path}"


@pytest.mark.parametrize("document", [README, USAGE, ARCHITECTURE])
def test_docs_relative_links_resolve(document: Path) -> None:
    links = [link for link in _LINK.findall(document.read_text("utf-8")) if "://" not in link]
    for link in links:
        assert (document.parent / link).exists(), f"{document.name} links to missing {link}"


def test_docs_readme_links_the_other_documents() -> None:
    links = set(_LINK.findall(README.read_text("utf-8")))
    assert {"docs/usage.md", "docs/architecture.md", "benchmarks/README.md", "LICENSE"} <= links


def test_docs_licence_is_mit() -> None:
    licence = (ROOT / "LICENSE").read_text("utf-8")
    assert licence.startswith("MIT License")
    assert "Copyright (c) 2026 sanctrace developers" in licence
