"""Small builders for the workspace tests: generated articles and a filled store."""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: The bundled workspace articles: several reports of the same events, one denial.
WORKSPACE_EXAMPLES = REPO / "examples" / "workspace" / "reports.jsonl"


def generated_articles(count: int, start: int = 0) -> list[dict[str, str]]:
    """`count` short articles, each with one coal sale from North Korea (a finding)."""
    return [
        {
            "id": f"gen-{number}",
            "text": f"North Korea sold {100 + number} tonnes of coal to the firm Trader {number} "
            f"Ltd on {1 + number % 28} March 2023, port officials said.",
            "published": "2023-04-01",
            "source": f"Outlet {number % 7}",
        }
        for number in range(start, start + count)
    ]


def write_jsonl(path: Path, articles: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path
