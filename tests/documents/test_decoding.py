import pytest

from sanctrace.documents.decoding import decode_text, decode_utf8
from sanctrace.documents.problems import UnreadableInput


def test_decoding_drops_byte_order_mark():
    assert decode_utf8("Seoul said".encode("utf-8-sig"), "a.txt") == "Seoul said"


def test_decoding_keeps_text_exactly():
    text = "Line one\r\n  Łódź — 平壤\n"
    assert decode_utf8(text.encode(), "a.txt") == text


def test_decoding_names_offset_of_bad_byte():
    raw = b"Pyongyang" + b"\xff" + b" more"
    with pytest.raises(UnreadableInput) as caught:
        decode_utf8(raw, "notes.txt")
    assert str(caught.value).startswith(
        "notes.txt is not valid UTF-8 text (bad byte at byte offset 9)"
    )


def test_decoding_counts_offset_from_file_start_past_bom():
    raw = b"\xef\xbb\xbfab\xe9cd"
    with pytest.raises(UnreadableInput, match="byte offset 5"):
        decode_utf8(raw, "latin.txt")


def test_decoding_refuses_binary_with_nul_offset():
    with pytest.raises(UnreadableInput) as caught:
        decode_utf8(b"\x89PNG\r\n\x1a\n\x00\x00", "image.txt")
    message = str(caught.value)
    assert message.startswith("image.txt looks like a binary file (NUL byte at byte offset 8)")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_decoding_text_with_a_wide_byte_order_mark(encoding):
    text = "Łódź sent tractors to 평양."
    marked = ("\ufeff" + text) if encoding.endswith("-be") else text
    assert decode_text(marked.encode(encoding), "notes.txt") == text


def test_decoding_broken_utf16_names_the_encoding():
    raw = "Ships".encode("utf-16") + b"\x00\xd8"  # a lone high surrogate
    with pytest.raises(UnreadableInput) as caught:
        decode_text(raw, "notes.txt")
    assert str(caught.value).startswith(
        "notes.txt opens with a UTF-16 byte order mark but is not valid UTF-16"
    )


def test_decoding_text_without_a_mark_is_utf8():
    with pytest.raises(UnreadableInput, match="binary"):
        decode_text("Ships".encode("utf-16-le"), "notes.txt")
