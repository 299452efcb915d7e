"""Bytes to text, refusing binary files and naming the first bad byte."""

from __future__ import annotations

import codecs

from sanctrace.documents.problems import UnreadableInput

_BOM = codecs.BOM_UTF8
# Byte order marks of the wider Unicode encodings, UTF-32 first: its
# little-endian mark starts with UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def wide_encoding(raw: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when `raw` opens with that encoding's byte order mark."""
    for bom, encoding in _WIDE_BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def decode_text(raw: bytes, name: str) -> str:
    """Decode a whole file: UTF-16 or UTF-32 when a byte order mark says so, else UTF-8.

    Editors on Windows save "Unicode" text as UTF-16 with a mark; its NUL
    bytes are not a sign of a binary file. Raises UnreadableInput as
    `decode_utf8` does.
    """
    encoding = wide_encoding(raw)
    if encoding is None:
        return decode_utf8(raw, name)
    try:
        text = raw.decode(encoding.lower())  # the codec reads and drops the mark
    except UnicodeDecodeError as error:
        raise UnreadableInput(
            f"{name} opens with a {encoding} byte order mark but is not valid {encoding} "
            f"(bad byte at byte offset {error.start}); convert it to UTF-8, for example "
            "with iconv."
        ) from None
    if "\x00" in text:
        raise UnreadableInput(
            f"{name} looks like a binary file (a NUL character in its {encoding} text); "
            "give a UTF-8 text, HTML or JSON lines file instead."
        )
    return text


def refuse_binary(raw: bytes, name: str, start: int = 0) -> None:
    """Raise UnreadableInput when `raw` holds a NUL byte, the mark of a binary file.

    `start` is the file offset of raw[0], so the message points into the file.
    """
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise UnreadableInput(
            f"{name} looks like a binary file (NUL byte at byte offset {start + nul}); "
            "give a UTF-8 text, HTML or JSON lines file instead."
        )


def decode_utf8(raw: bytes, name: str, start: int = 0) -> str:
    """Decode UTF-8 text, dropping a leading byte order mark.

    Raises UnreadableInput for binary data or invalid UTF-8, naming the byte
    offset (counted from `start`) so the user can find and fix it.
    """
    refuse_binary(raw, name, start)
    skipped = len(_BOM) if raw.startswith(_BOM) else 0
    try:
        return raw[skipped:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = start + skipped + error.start
        raise UnreadableInput(
            f"{name} is not valid UTF-8 text (bad byte at byte offset {offset}); "
            "convert it to UTF-8, for example with iconv."
        ) from None
