"""Web latency: findings list, a finding page and /match at 50 concurrent clients.

Builds an SQLite workspace with at least 10,000 stored findings (generated
coal-sale articles, analysed once and stored again under distinct texts)
and the real UN list, serves it with `sanctrace serve` in its own process,
then sends a bounded number of requests per route from 50 concurrent
clients on loopback and prints p50/p95/p99.

    .venv/bin/python benchmarks/web.py [--findings 10000] [--requests 1500]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
UN_LIST = ROOT.parent / "shared" / "data" / "lists" / "un-consolidated-2026-02-27.xml"
CLIENTS = 50


def build(url: str, wanted: int) -> str:
    """The workspace with `wanted` findings or more; returns an API token."""
    sys.path.insert(0, str(ROOT / "tests"))
    from sanctrace.model import Document
    from sanctrace.pipeline import Analyzer
    from sanctrace.screening.loaders import read_list
    from sanctrace.store import Store
    from sanctrace.store.derive import rebuild
    from sanctrace.store.ingest import versions_of
    from sanctrace.store.users import add_user, new_token
    from sanctrace.store.workspace import Workspace
    from store.helpers import generated_articles

    analyzer = Analyzer()
    documents = [
        Document(a["text"], a["id"], a["id"], a["published"], None, a["source"])
        for a in generated_articles(50)
    ]
    analysed = analyzer.analyze(documents).documents
    analyser, knowledge = versions_of(analyzer)
    with Workspace(url) as workspace:
        stored, copy = 0, 0
        while stored < wanted:
            for item in analysed:
                # A distinct text (so a distinct document) with the same offsets.
                text = item.document.text + f" Copy {copy}."
                clone = replace(item, document=replace(item.document, text=text))
                workspace.add_document(clone, analyser, knowledge)
                stored += sum(len(t.findings) for t in item.transfers)
            copy += 1
        rebuild(workspace)
        add_user(workspace, "bench", "reader", "benchmark password", "bench")
        token, _ = new_token(workspace, "bench", "api")
    if UN_LIST.exists():
        with Store(url) as lists:
            lists.import_list(read_list(UN_LIST))
    print(f"stored {stored} findings in {copy} rounds of {len(analysed)} documents")
    return token


async def hammer(base: str, token: str, method: str, path: str, body: dict | None, count: int):
    """`count` requests from CLIENTS concurrent clients; the latencies in ms."""
    latencies: list[float] = []
    queue = list(range(count))
    limits = httpx.Limits(max_connections=CLIENTS)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=60) as c:

        async def client() -> None:
            while queue:
                queue.pop()
                started = time.perf_counter()
                response = await c.request(method, path, json=body)
                latencies.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()

        await asyncio.gather(*(client() for _ in range(CLIENTS)))
    return latencies


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--findings", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=1500, help="per route")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="sanctrace-web-bench-")
    url = f"sqlite:///{folder}/store.sqlite"
    started = time.perf_counter()
    token = build(url, args.findings)
    print(f"built in {time.perf_counter() - started:.0f} s")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sanctrace = Path(sys.executable).with_name("sanctrace")
    server = subprocess.Popen(
        [str(sanctrace), "serve", "--store", url, "--port", str(port)],
        env={**os.environ, "SANCTRACE_STORE": url},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                httpx.get(f"{base}/login", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.5)
        first = httpx.get(
            f"{base}/api/findings",
            params={"limit": 1},
            headers={"Authorization": f"Bearer {token}"},
        ).json()["results"][0]["key"]
        match = {
            "queries": {
                "q": {"schema": "Person", "properties": {"name": ["Kim Yong Chol"],
                      "nationality": ["kp"]}}
            }
        }  # fmt: skip
        routes = [
            ("findings list", "GET", "/findings?limit=50", None),
            ("finding page", "GET", f"/findings/{first}", None),
            ("/match", "POST", "/match/default", match),
        ]
        print(
            f"{'route':16} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>7}"
        )
        for name, method, path, body in routes:
            asyncio.run(hammer(base, token, method, path, body, CLIENTS))  # warm up
            began = time.perf_counter()
            latencies = asyncio.run(hammer(base, token, method, path, body, args.requests))
            rate = len(latencies) / (time.perf_counter() - began)
            print(
                f"{name:16} {len(latencies):>8} {statistics.median(latencies):>8.1f} "
                f"{percentile(latencies, 0.95):>8.1f} {percentile(latencies, 0.99):>8.1f} "
                f"{rate:>7.0f}"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
