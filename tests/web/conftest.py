"""A served workspace for the web tests: real store (SQLite or PostgreSQL), real uvicorn.

Each backend's workspace is filled once per module: the bundled reports
(screened against a small list written here), a hostile article, and one
user of each role with an API token and a password.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from uuid import uuid4

import httpx
import pytest
import uvicorn
from followthemoney import EntityProxy, ValueEntity, model
from sqlalchemy import create_engine, text

from sanctrace.documents import load_inputs
from sanctrace.model import Document
from sanctrace.pipeline import Analyzer
from sanctrace.screening import Screener
from sanctrace.screening.loaders import ListFile
from sanctrace.store import Store
from sanctrace.store.ingest import ingest
from sanctrace.store.users import add_user, new_token
from sanctrace.store.workspace import Workspace
from sanctrace.web import create_app
from store.conftest import POSTGRES_URL
from store.helpers import WORKSPACE_EXAMPLES

ROLES = ("reader", "analyst", "admin")
PASSWORD = "correct horse battery"
#: An article written to attack the page that shows it.
HOSTILE = Document(
    text="North Korea sold 500 tonnes of coal to <script>window.pwned=1</script> Evil Ltd "
    'on 3 March 2023, <img src=x onerror="window.pwned=2"> port officials said.',
    input="hostile",
    id="hostile-1",
    published="2023-04-01",
    title="<script>window.pwned=3</script>Coal deal",
    source="<b>Attacker</b> Times",
    url="javascript:window.pwned=4",
)


def _entity(schema: str, entity_id: str, dataset: str, **props: str | list[str]) -> EntityProxy:
    entity = ValueEntity(model.get(schema), {"id": entity_id, "datasets": [dataset]})
    for prop, value in props.items():
        entity.add(prop, value)
    return entity


def small_lists() -> list[ListFile]:
    """Two small lists: people and organisations the bundled reports name, and one more."""
    main = [
        _entity("Person", "t-kim", "test_un", name="Kim Jong Un", birthDate="1984-01-08",
                nationality="kp", program="DPRK"),
        _entity("Person", "t-choe", "test_un", name="Choe Ryong Hae", nationality="kp",
                program="DPRK"),
        _entity("Organization", "t-komid", "test_un",
                name="Korea Mining Development Trading Corporation", alias="KOMID",
                country="kp", program="DPRK"),
        _entity("Vessel", "t-chon", "test_un", name="Chon Ma San", imoNumber="IMO8660313",
                flag="kp", program="DPRK"),
    ]  # fmt: skip
    other = [
        _entity("Person", "o-putin", "test_ofac", name="Vladimir Vladimirovich Putin",
                birthDate="1952-10-07", nationality="ru", program="RUSSIA-EO14024"),
    ]  # fmt: skip
    return [
        ListFile("test_un", "Test UN list", "test-un.json", "2024-05-03", iter(main), "ftm_json"),
        ListFile("test_ofac", "Test OFAC list", "test-ofac.json", "2024-05-03", iter(other),
                 "ftm_json"),
    ]  # fmt: skip


@dataclass
class Served:
    """A running server over a filled workspace, and what the tests need to talk to it."""

    url: str
    store: str
    tokens: dict[str, str]

    def client(self, role: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60, follow_redirects=False)


def fill(store_url: str, analyzer: Analyzer) -> dict[str, str]:
    """Lists, the bundled reports (screened), the hostile article, a user of each role."""
    with Store(store_url) as lists:
        for listfile in small_lists():
            lists.import_list(listfile)
        analyzer.screener = Screener.from_store(lists)
        try:
            with Workspace(store_url) as workspace:
                ingest(workspace, analyzer, [*load_inputs([str(WORKSPACE_EXAMPLES)]), HOSTILE])
                tokens = {}
                for role in ROLES:
                    add_user(workspace, role, role, PASSWORD, "test")
                    tokens[role], _ = new_token(workspace, role, "api", "tests")
        finally:
            analyzer.screener = None
    return tokens


@contextmanager
def serving(
    store_url: str, analyzer: Analyzer, tokens: dict[str, str], **options: int | bool
) -> Iterator[Served]:
    """The real app under a real uvicorn on a free loopback port, in a thread."""
    app = create_app(store_url, analyzer=lambda: analyzer, **options)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("The web server did not start within 30 seconds.", pytrace=False)
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield Served(f"http://127.0.0.1:{port}", store_url, tokens)
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer
) -> Iterator[Served]:
    """The filled workspace served, on SQLite and on PostgreSQL (one schema per module)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'store.sqlite'}"
        with serving(url, analyzer, fill(url, analyzer)) as running:
            yield running
        return
    schema = f"sanctrace_web_{uuid4().hex[:12]}"
    engine = create_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    try:
        with serving(url, analyzer, fill(url, analyzer)) as running:
            yield running
    finally:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()
