"""Turn RAMS and WikiEvents files into sanctrace input documents (.jsonl).

The text comes from the public repository LWL-cpu/SCPRG-master on GitHub
(`data/rams/dev.jsonlines`, `data/wikievents/dev.jsonl`,
`data/wikievents/test.jsonl`). It is not part of sanctrace: get it yourself
and keep it out of the repository. Use RAMS dev only; its test split is kept
for independent measurement. From a clone:

    git clone https://github.com/LWL-cpu/SCPRG-master /tmp/scprg
    .venv/bin/python benchmarks/news_corpus.py /tmp/scprg/data/rams/dev.jsonlines \\
        /tmp/scprg/data/wikievents/dev.jsonl /tmp/scprg/data/wikievents/test.jsonl \\
        --out /tmp/news.jsonl

Each input line becomes one document whose text is its tokens joined by
single spaces (RAMS gives sentences of tokens, WikiEvents one token list).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def documents(path: Path) -> Iterator[dict[str, str]]:
    """One sanctrace input record per line of a RAMS or WikiEvents file."""
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            record: dict[str, Any] = json.loads(line)
            yield {
                "id": str(record.get("doc_key") or record.get("doc_id") or f"{path.name}:{number}"),
                "text": " ".join(_tokens(record)),
                "source": f"{path.parent.name}/{path.name}",
            }


def _tokens(record: dict[str, Any]) -> list[str]:
    if "tokens" in record:  # WikiEvents: one token list (its sentences hold offsets too)
        return list(record["tokens"])
    return [token for sentence in record["sentences"] for token in sentence]  # RAMS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", type=Path, help="RAMS .jsonlines / WikiEvents .jsonl")
    parser.add_argument("--out", type=Path, required=True, help="JSON lines file to write")
    args = parser.parse_args()
    count = words = 0
    with args.out.open("w", encoding="utf-8") as out:
        for path in args.inputs:
            for document in documents(path):
                out.write(json.dumps(document, ensure_ascii=False) + "\n")
                count += 1
                words += len(document["text"].split())
    print(f"wrote {count} documents, {words:,} words, to {args.out}")


if __name__ == "__main__":
    main()
