"""Where the default store lives."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctrace.store import DEFAULT_STORE_ENV, default_store_url


def test_location_environment_variable_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DEFAULT_STORE_ENV, "postgresql+psycopg://team@db/sanctrace")
    assert default_store_url() == "postgresql+psycopg://team@db/sanctrace"


def test_location_xdg_data_home_folder_is_created(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(DEFAULT_STORE_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert (
        default_store_url() == f"sqlite:///{tmp_path / 'data' / 'sanctrace' / 'sanctrace.sqlite'}"
    )
    assert (tmp_path / "data" / "sanctrace").is_dir()


def test_location_relative_xdg_falls_back_to_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(DEFAULT_STORE_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")
    monkeypatch.setenv("HOME", str(tmp_path))
    expected = tmp_path / ".local" / "share" / "sanctrace" / "sanctrace.sqlite"
    assert default_store_url() == f"sqlite:///{expected}"
