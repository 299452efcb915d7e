"""Cheap sentence splitting on raw text, before any parsing.

Splitting first lets the prefilter skip sentences that cannot hold a
transfer, so the full parse runs only where it can matter. No span is longer
than MAX_SENTENCE_CHARS: a longer stretch without sentence ends is cut into
windows, so the model (and every evidence span) only ever sees bounded text.
"""

from __future__ import annotations

import re

from sanctrace.model import Span

#: Longest sentence handed to the parser, in characters. News sentences stay far
#: below it (the longest of the development corpus has about 300); a stretch
#: without sentence ends beyond it (a table, a dump, a run-on list) is cut into
#: windows of at most this length, at the last space inside each window.
MAX_SENTENCE_CHARS = 2000

# Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen",
        "rep", "st", "no", "nos", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.u", "inc", "co", "corp",
        "ltd", "jr", "sr", "vs", "etc", "approx", "dept", "est", "mt", "ft", "fig", "p.m", "a.m",
        "pte", "bhd", "sdn", "bros",
    }
)  # fmt: skip

# A break is the space after a full stop and any closing quotation marks, two when a
# quotation inside a quotation ends with it ("... call me.’” The").
# Tokenised text spaces the quotation marks off ("... said . ” The"): a break too.
_BREAK = re.compile(
    r"\n\s*\n|(?:(?<=[.!?])|(?<=[.!?][\"”’')\]])|(?<=[.!?][\"”’')\]]{2})"
    r"|(?<=[.!?] [\"”’])|(?<=[.!?] [\"”’] [\"”’]))\s+(?=[\"“‘(]?[A-Z0-9])"
)
_LAST_WORD = re.compile(r"([\w.]+)[.!?]?[\"”’')\]]*$")
# "SEOUL, Dec. 29 — " or "NEW YORK — " opening a wire story: a place, not a sentence part.
_DATELINE = re.compile(
    # "SEOUL -", "SEOUL, May 3 -", "SEOUL, May 3 (Reuters) -": the agency's name may follow
    r"^[A-Z][A-Z .,'’-]{2,40}?(?:,\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2})?(?:\s+\([A-Za-z .&]{2,30}\))?"
    r"\s+[—–-]{1,2}\s+"
)


def _ends_with_abbreviation(chunk: str) -> bool:
    match = _LAST_WORD.search(chunk.rstrip())
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[Span]:
    """Sentence spans over `text`, trimmed of surrounding whitespace."""
    spans: list[Span] = []
    start = 0
    for match in _BREAK.finditer(text):
        chunk = text[start : match.start()]
        if "\n" not in match.group() and _ends_with_abbreviation(chunk):
            continue
        _append(spans, text, start, match.start())
        start = match.end()
    _append(spans, text, start, len(text))
    return spans


def _append(spans: list[Span], text: str, start: int, end: int) -> None:
    for line_start, line in _lines(text, start, end):
        stripped = line.strip()
        offset = line_start + (len(line) - len(line.lstrip()))
        dateline = _DATELINE.match(stripped)
        if dateline:
            offset += dateline.end()
            stripped = stripped[dateline.end() :]
        if stripped:
            spans.extend(_windows(text, offset, offset + len(stripped)))


def _windows(text: str, start: int, end: int) -> list[Span]:
    """The span text[start:end], cut into pieces of at most MAX_SENTENCE_CHARS."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        # Cut after the last space in the window's second half, so words stay whole.
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit) + 1 or limit
        piece = text[start:cut].rstrip()
        pieces.append(Span(piece, start, start + len(piece)))
        start = cut
        while text[start].isspace():  # the span ends on a non-space, so this stops
            start += 1
    pieces.append(Span(text[start:end], start, end))
    return pieces


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    # A single newline inside a chunk still separates headlines and captions.
    out = []
    position = start
    for line in text[start:end].split("\n"):
        out.append((position, line))
        position += len(line) + 1
    return out


def dateline(text: str) -> str | None:
    """The place of a wire story's opening dateline ("HO CHI MINH CITY"), if any."""
    match = _DATELINE.match(text.lstrip())
    if match is None:
        return None
    return match.group().split(",")[0].strip(" —–-").title()
