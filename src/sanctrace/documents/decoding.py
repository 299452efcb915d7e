"""Bytes to text, refusing binary files and naming the first bad byte."""

from __future__ import annotations

from sanctrace.documents.problems import UnreadableInput

_BOM = b"\xef\xbb\xbf"


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
