"""`sanctrace users`: roles, tokens that open the API, one sentence for bad input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from sanctrace.store.users import authenticate, session_of
from sanctrace.store.workspace import Workspace


def test_users_add_list_token_remove(invoke: Callable[..., Result], tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'users.sqlite'}"
    added = invoke(
        ["users", "add", "ana", "--role", "analyst", "--store", store], stdin="long secret\n"
    )
    assert added.exit_code == 0 and added.output.strip() == "User ana has the role analyst."
    listed = invoke(["users", "list", "--store", store])
    assert listed.output.startswith("ana\tanalyst\t")
    token = invoke(["users", "token", "ana", "--store", store]).output.strip()
    with Workspace(store) as workspace:
        session = session_of(workspace, token, "api")
        assert session is not None and session.user.role == "analyst"
        assert authenticate(workspace, "ana", "long secret") is not None
        assert authenticate(workspace, "ana", "wrong one") is None
        assert "long secret" not in str(workspace.engine.url)
    bad_role = invoke(
        ["users", "add", "bo", "--role", "boss", "--store", store], stdin="long secret\n"
    )
    assert bad_role.exit_code == 1
    assert "The role 'boss' is not known: use one of reader, analyst, admin." in bad_role.output
    short = invoke(["users", "add", "bo", "--store", store], stdin="short\n")
    assert short.exit_code == 1 and "The password is too short" in short.output
    assert invoke(["users", "remove", "ana", "--store", store]).exit_code == 0
    gone = invoke(["users", "remove", "ana", "--store", store])
    assert gone.exit_code == 1 and "No user 'ana' is in the store" in gone.output
    with Workspace(store) as workspace:
        assert session_of(workspace, token, "api") is None
