"""Where the default store lives."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctrace.errors import StoreError
from sanctrace.store import DEFAULT_STORE_ENV, default_store_url
from sanctrace.store.location import checked_store_url


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


def test_location_url_with_a_word_for_port_is_one_sentence() -> None:
    with pytest.raises(StoreError) as caught:
        checked_store_url("postgresql+psycopg://team:secret@db:port/sanctrace")
    assert str(caught.value) == (
        "The store URL postgresql+psycopg://team:***@db:port/sanctrace has the port 'port', "
        "which is not a number; write it like postgresql+psycopg://user@host:5432/database."
    )


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://team@db:5432/sanctrace",
        "postgresql+psycopg://team@[::1]:5432/sanctrace",
        "sqlite:////data/run:2/store.sqlite",
        "sqlite://",
    ],
)
def test_location_usable_urls_pass_unchanged(url: str) -> None:
    assert checked_store_url(url) == url
