import socket
import sys
from pathlib import Path

import lxml.html
import pytest

from sanctrace.documents import document_id
from sanctrace.documents.html import parse_html
from sanctrace.documents.problems import UnreadableInput

FIXTURE = Path(__file__).parent / "fixtures" / "article.html"

BOILERPLATE = [
    "Subscribe",
    "Related stories",
    "Insurers tighten",
    "Privacy policy",
    "rights reserved",
]


def page(body: str, head: str = "<meta charset='utf-8'>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def story_paragraphs() -> list[str]:
    """The article's paragraphs, read from the fixture with lxml, whitespace collapsed."""
    tree = lxml.html.fromstring(FIXTURE.read_bytes())
    paragraphs = tree.xpath("//div[@class='story-body']/p")
    return [" ".join(p.text_content().split()) for p in paragraphs]


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the HTML loader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_html_fixture_gives_metadata(no_network):
    document = parse_html(FIXTURE.read_bytes(), "article.html")
    assert document.title == "Satellite images show night-time fuel transfer in the Yellow Sea"
    assert document.published == "2023-11-14"
    assert document.source == "Harbour Ledger"
    assert document.url == "https://harbour-ledger.example/news/yellow-sea-fuel-transfer"
    assert document.input == "article.html"
    assert document.id == document_id(document.text)


def test_html_body_is_the_article_and_offsets_index_it(no_network):
    document = parse_html(FIXTURE.read_bytes(), "article.html")
    paragraphs = story_paragraphs()
    assert len(paragraphs) == 4
    previous_end = 0
    for paragraph in paragraphs:
        start = document.text.find(paragraph, previous_end)
        assert start >= previous_end, f"paragraph missing or out of order: {paragraph[:40]}"
        assert document.text[start : start + len(paragraph)] == paragraph
        previous_end = start + len(paragraph)
    for noise in BOILERPLATE:
        assert noise not in document.text
    # An offset found in the body is an offset into the document text itself.
    start = document.text.index("1,500 tonnes")
    assert document.text[start : start + 12] == "1,500 tonnes"


@pytest.mark.parametrize(
    "body",
    [
        "<nav><a href='/'>Home</a> <a href='/login'>Log in</a></nav>",
        "<header><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></header>"
        "<form><label>Email</label><input name=e><button>Sign in</button></form>",
        "",
    ],
)
def test_html_page_without_article_body_is_an_error(body):
    with pytest.raises(UnreadableInput) as caught:
        parse_html(page(body).encode(), "login.html")
    assert str(caught.value).startswith("login.html has no article body that could be found")


def test_html_single_paragraph_story_is_an_article():
    text = "Seoul said on Tuesday that a tanker had delivered diesel to a North Korean ship."
    document = parse_html(page(f"<p>{text}</p>").encode(), "brief.html")
    assert document.text.strip() == text


def test_html_declared_charset_is_honoured():
    body = "<article><p>" + "Le caf\xe9 du port a re\xe7u du charbon. " * 6 + "</p></article>"
    raw = page(
        body, head='<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    )
    document = parse_html(raw.encode("cp1252"), "cafe.htm")
    assert "Le café du port a reçu du charbon." in document.text


def test_html_undeclared_non_utf8_names_the_byte():
    raw = page("<p>caf\xe9</p>", head="").encode("latin-1")
    with pytest.raises(UnreadableInput) as caught:
        parse_html(raw, "old.html")
    offset = raw.index(b"\xe9")
    assert str(caught.value).startswith(
        f"old.html is not valid UTF-8 text (bad byte at byte offset {offset})"
    )


def test_html_binary_and_empty_pages_are_errors():
    with pytest.raises(UnreadableInput, match=r"^shot\.html looks like a binary file"):
        parse_html(b"GIF89a\x01\x00\x00\x00", "shot.html")
    with pytest.raises(UnreadableInput, match=r"^dump\.html looks like a binary file"):
        parse_html(b"<meta charset='windows-1252'>\xff\x00", "dump.html")
    with pytest.raises(UnreadableInput, match=r"^blank\.html is empty"):
        parse_html(b"  \n", "blank.html")


def test_html_parser_failure_becomes_a_sentence(monkeypatch):
    import trafilatura

    def explode(*args, **kwargs):
        raise RuntimeError("internal parser failure")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    with pytest.raises(UnreadableInput) as caught:
        parse_html(FIXTURE.read_bytes(), "article.html")
    assert str(caught.value).startswith(
        "article.html could not be read as a web page (RuntimeError)"
    )


def test_html_missing_extractor_becomes_a_sentence(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(UnreadableInput) as caught:
        parse_html(FIXTURE.read_bytes(), "article.html")
    message = str(caught.value)
    assert message.startswith("article.html cannot be read because the HTML extractor trafilatura")
    assert message.endswith("reinstall sanctrace with its dependencies.")


def test_html_utf16_page_with_byte_order_mark_is_read():
    raw = FIXTURE.read_bytes()
    document = parse_html(raw.decode("utf-8").encode("utf-16"), "page.html")
    assert document.text == parse_html(raw, "page.html").text
