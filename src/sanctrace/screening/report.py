"""Screening hits as plain lines that stay readable in an 80-column terminal.

Each hit is one line (score, list, entry id, listed name) with its
programmes and reasons wrapped below it, not squeezed into table columns.
The best hit comes first; the hits scoring lower than it are grouped under
"namesakes", as they are usually other people or firms sharing the name.
Reasons are each feature's contribution to the score (signed), then the
name parts nomenklatura matched.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from sanctrace.model import ScreeningHit

_INDENT = " " * 6


def hit_lines(name: str, hits: list[ScreeningHit], width: int = 80) -> Iterator[str]:
    """The lines printed for `hits` (best first) of the screened `name`."""
    width = max(width, 40)
    yield f"Screening {name!r}: {len(hits)} hit{'s' if len(hits) != 1 else ''}"
    best = hits[0].score
    top = [hit for hit in hits if hit.score == best]
    namesakes = [hit for hit in hits if hit.score < best]
    for hit in top:
        yield from _hit(hit, width)
    if namesakes:
        yield f"Namesakes scoring lower than the best hit ({len(namesakes)}):"
        for hit in namesakes:
            yield from _hit(hit, width)


def reasons(hit: ScreeningHit) -> tuple[list[str], list[str]]:
    """(feature contributions such as "country_mismatch -0.20", name evidence)."""
    features = [
        f"{label} {value:+.2f}"
        for label, value in sorted(hit.explanation.items(), key=lambda item: -abs(item[1]))
        if not label.startswith("name: ")
    ]
    parts = [
        f"{label.removeprefix('name: ')} {value:.2f}"
        for label, value in hit.explanation.items()
        if label.startswith("name: ")
    ]
    return features, parts


def _hit(hit: ScreeningHit, width: int) -> Iterator[str]:
    head = f"{hit.score:.2f}  {hit.list}  {hit.entry_id}  {hit.name}"
    yield from textwrap.wrap(head, width, subsequent_indent=_INDENT) or [head]
    listing = f"programmes: {', '.join(hit.programs) or 'none given'}"
    if hit.listed_on:
        listing += f"; listed on {hit.listed_on}"
    features, parts = reasons(hit)
    for text in (
        listing,
        f"score: {', '.join(features) or 'no feature'}",
        f"name parts: {'; '.join(parts)}" if parts else "",
    ):
        if text:
            yield from textwrap.wrap(
                text, width, initial_indent=_INDENT, subsequent_indent=_INDENT + "  "
            )
