"""Web pages (.html/.htm): the article body and its metadata, found by trafilatura.

The body text trafilatura returns is the document text every offset indexes.
Everything happens on the bytes given: trafilatura and htmldate get a parsed
page, never a URL, so nothing is fetched, and the date comes from the page's
markup and address alone (no guessing from dates in the body text).
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import Any

from sanctrace.documents.dates import InvalidPublishedDate, parse_published
from sanctrace.documents.decoding import decode_text, decode_utf8, refuse_binary, wide_encoding
from sanctrace.documents.identity import document_id
from sanctrace.documents.problems import UnreadableInput
from sanctrace.model import Document

# A page's own statement of its encoding, looked for near the top as browsers do.
_DECLARED_CHARSET = re.compile(rb"<meta[^>]*charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_CHARSET_WINDOW = 4096

_DATE_SEARCH = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}

# trafilatura returns whatever text a page has, menus included; an article has
# at least one line of running prose: this many words ending like a sentence.
_MIN_SENTENCE_WORDS = 6
_SENTENCE_END = (".", "!", "?", "。", "！", "？")
_CLOSING = "\"'”’»)]"


# trafilatura and htmldate log a warning for every page they discard; without a
# handler of their own these reach the terminal through logging's last-resort
# handler. An application that configures logging still gets them by propagation.
for _library in ("trafilatura", "htmldate"):
    logging.getLogger(_library).addHandler(logging.NullHandler())


def parse_html(raw: bytes, name: str) -> Document:
    """Turn the bytes of a saved web page into a Document of its article body.

    Raises UnreadableInput for binary or undecodable bytes, a page that cannot
    be parsed, and a page without an article body.
    """
    markup = _decode(raw, name)
    if not markup.strip():
        raise UnreadableInput(
            f"{name} is empty or holds only whitespace; save the whole web page again."
        )
    extracted = _extract(markup, name)
    text = getattr(extracted, "text", None)
    if not text or not _has_prose(text):
        raise UnreadableInput(
            f"{name} has no article body that could be found; "
            "save the article's text as a .txt file instead."
        )
    return Document(
        text=text,
        input=name,
        id=document_id(text),
        published=_page_date(extracted.date),
        title=extracted.title or None,
        source=extracted.sitename or None,
        url=extracted.url or None,
    )


def _has_prose(text: str) -> bool:
    """True when some line reads as a sentence, not as a menu, form or button row."""
    return any(
        len(line.split()) >= _MIN_SENTENCE_WORDS
        and line.rstrip().rstrip(_CLOSING).endswith(_SENTENCE_END)
        for line in text.splitlines()
    )


def _decode(raw: bytes, name: str) -> str:
    """A byte order mark's encoding; else UTF-8; else the encoding the page declares."""
    if wide_encoding(raw) is not None:
        return decode_text(raw, name)
    refuse_binary(raw, name)
    try:
        return decode_utf8(raw, name)
    except UnreadableInput:
        declared = _DECLARED_CHARSET.search(raw[:_CHARSET_WINDOW])
        if declared is None or not _known_codec(declared.group(1).decode("ascii")):
            raise
        encoding = declared.group(1).decode("ascii")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableInput(
            f"{name} is not valid {encoding} as its page declares (bad byte at byte offset "
            f"{error.start}); save the page again as UTF-8."
        ) from None


def _known_codec(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def _extract(markup: str, name: str) -> Any:
    """Run trafilatura; any failure inside it becomes a sentence, not a traceback."""
    # Imported here: trafilatura takes a noticeable time to import, which the
    # command line should not pay when no page is read.
    try:
        import trafilatura
    except ImportError as error:
        reason = str(error).partition("\n")[0].rstrip(".") or type(error).__name__
        raise UnreadableInput(
            f"{name} cannot be read because the HTML extractor trafilatura does not import "
            f"({reason}); reinstall sanctrace with its dependencies."
        ) from None
    try:
        return trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=dict(_DATE_SEARCH),  # a copy: it is passed on and may change
        )
    except Exception as error:  # third-party parser on untrusted input: report, never crash
        raise UnreadableInput(
            f"{name} could not be read as a web page ({type(error).__name__}); "
            "check that it is an HTML file or save the article as .txt."
        ) from None


def _page_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parse_published(value)
    except InvalidPublishedDate:
        return None
