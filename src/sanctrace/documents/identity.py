"""Stable document ids for inputs that do not bring their own."""

from __future__ import annotations

import hashlib
import unicodedata


def document_id(text: str) -> str:
    """Return "doc-" and 16 hex digits of the SHA-1 of the normalised text.

    Normalising (Unicode NFC, runs of whitespace collapsed to one space, ends
    trimmed) gives the same id to the same article saved with different line
    breaks or Unicode composition.
    """
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return "doc-" + hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]
