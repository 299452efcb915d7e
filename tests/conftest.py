"""Session-wide fixtures: one loaded analyser, the shared corpus, and the CLI.

spaCy loads once per test session (through the `analyzer` fixture; the CLI
reuses the same cached model). CLI runs never touch the user's store: they
get a fresh SQLite file through SANCTRACE_STORE.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from sanctrace.model import AnalysedDocument, Document
from sanctrace.pipeline import Analyzer

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SANCTRACE = Path(sys.executable).with_name("sanctrace")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_file() -> Callable[[str], Path]:
    """A file of the shared material (../shared), failing clearly when it is missing."""

    def find(relative: str) -> Path:
        path = SHARED / relative
        if not path.is_file():
            pytest.fail(
                f"{path} is missing: this test needs the shared material checked out "
                f"at {SHARED} (beside the repository)."
            )
        return path

    return find


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """The one analyser of the session: the default spaCy model, no screening."""
    return Analyzer(model=None, screener=None)


@pytest.fixture(scope="session")
def analyse(analyzer: Analyzer) -> Callable[..., AnalysedDocument]:
    """Analyse one text written in a test, as a document published on `published`."""

    def run(text: str, published: str | None = "2024-03-01") -> AnalysedDocument:
        document = Document(text=text, input="test", id="test", published=published)
        analysis = analyzer.analyze([document])
        assert not analysis.errors
        return analysis.documents[0]

    return run


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for CLI runs: an empty store of their own, wide lines, no colour."""
    home = tmp_path_factory.mktemp("cli-home")
    return {
        "SANCTRACE_STORE": f"sqlite:///{home / 'store.sqlite'}",
        "XDG_DATA_HOME": str(home),
        "COLUMNS": "200",
        "NO_COLOR": "1",
        "TERM": "dumb",
    }


@pytest.fixture(scope="session")
def invoke(analyzer: Analyzer, cli_env: dict[str, str]) -> Callable[..., Result]:
    """Run `sanctrace ARGS...` in this process (the model is already loaded)."""
    from sanctrace.cli import _register, app

    if not app.registered_commands:
        _register()
    runner = CliRunner()

    def run(args: Sequence[str], stdin: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=stdin, env=cli_env)

    return run


@pytest.fixture(scope="session")
def run_sanctrace(cli_env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the installed `sanctrace` console script in a child process."""

    def run(args: Sequence[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(SANCTRACE), *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            env={**os.environ, **cli_env},
            timeout=120,
        )

    return run
