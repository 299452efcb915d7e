import pytest

from sanctrace.documents import document_id
from sanctrace.documents.problems import UnreadableInput
from sanctrace.documents.text import parse_text


def test_text_without_header_is_kept_whole():
    raw = b"  The ship left Nampo.\n"
    document = parse_text(raw, "a.txt")
    assert document.text == "  The ship left Nampo.\n"
    assert document.published is None
    assert document.title is None
    assert document.input == "a.txt"
    assert document.id == document_id("The ship left Nampo.")


def test_text_date_header_sets_published_and_drops_one_space():
    document = parse_text(b" date 2024-02-20 Kim Jong-un met Putin.", "seed.txt")
    assert document.published == "2024-02-20"
    assert document.text == "Kim Jong-un met Putin."


def test_text_date_header_drops_only_one_whitespace_character():
    document = parse_text(b"\n\ndate 2019-07-18\n\n  Ships met at sea.\n", "b.txt")
    assert document.published == "2019-07-18"
    assert document.text == "\n  Ships met at sea.\n"


def test_text_header_needs_a_whole_iso_date_token():
    for raw in (
        b"date 2024-02-201 is not a date",
        b"date palms were shipped.",
        b"update 2024-02-20 x",
    ):
        document = parse_text(raw, "c.txt")
        assert document.published is None
        assert document.text == raw.decode()


def test_text_header_with_impossible_date_is_an_error():
    with pytest.raises(UnreadableInput) as caught:
        parse_text(b"date 2024-02-31 Ships met.", "d.txt")
    assert str(caught.value).startswith("d.txt opens with the date header 'date 2024-02-31'")


def test_text_bom_before_header_is_dropped():
    document = parse_text("date 2024-02-20 Text.".encode("utf-8-sig"), "e.txt")
    assert (document.published, document.text) == ("2024-02-20", "Text.")


@pytest.mark.parametrize("raw", [b"", b"   \n\t\n"])
def test_text_empty_input_is_an_error(raw):
    with pytest.raises(UnreadableInput, match=r"^empty\.txt is empty or holds only whitespace"):
        parse_text(raw, "empty.txt")


def test_text_header_without_body_is_an_error():
    with pytest.raises(UnreadableInput, match=r"^h\.txt has a date header but no text after it"):
        parse_text(b"date 2024-02-20 \n ", "h.txt")


def test_text_utf16_with_byte_order_mark_is_read():
    raw = "date 2024-02-20 Coal went north by barge.".encode("utf-16")
    document = parse_text(raw, "notes.txt")
    assert document.text == "Coal went north by barge."
    assert document.published == "2024-02-20"
