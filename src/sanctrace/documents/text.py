"""Plain-text inputs (.txt files and standard input) with their optional date header."""

from __future__ import annotations

import re

from sanctrace.documents.dates import InvalidPublishedDate, parse_published
from sanctrace.documents.decoding import decode_text
from sanctrace.documents.identity import document_id
from sanctrace.documents.problems import UnreadableInput
from sanctrace.model import Document

# "date 2024-02-20 " as the first non-blank token: the contract's header. The
# date must be a whole token so that "date 2024-02-201" is not cut short.
_HEADER = re.compile(r"\s*date\s+(\d{4}-\d{2}-\d{2})(?=\s|\Z)")


def split_date_header(text: str, name: str) -> tuple[str | None, str]:
    """Return (published, body) for a text that may open with a date header.

    The body is everything after the date and the one whitespace character
    that follows it, untouched, because offsets index it exactly. A text
    without a header comes back whole, with no date.
    """
    match = _HEADER.match(text)
    if match is None:
        return None, text
    try:
        published = parse_published(match.group(1))
    except InvalidPublishedDate:
        raise UnreadableInput(
            f"{name} opens with the date header 'date {match.group(1)}', which is not a real "
            "calendar date; correct it to YYYY-MM-DD or remove the header."
        ) from None
    return published, text[match.end() + 1 :]


def parse_text(raw: bytes, name: str) -> Document:
    """Turn the bytes of a .txt file (or of standard input) into a Document.

    Raises UnreadableInput for binary, undecodable (UTF-8, or UTF-16/32 with a byte
    order mark), empty or header-only input.
    """
    text = decode_text(raw, name)
    if not text.strip():
        raise UnreadableInput(
            f"{name} is empty or holds only whitespace; give a file with the article text."
        )
    published, body = split_date_header(text, name)
    if not body.strip():
        raise UnreadableInput(
            f"{name} has a date header but no text after it; add the article text below the date."
        )
    return Document(text=body, input=name, id=document_id(body), published=published)
