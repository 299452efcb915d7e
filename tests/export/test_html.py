"""The HTML report: exact highlights, escaping, self-containment and content."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import lxml.html

from sanctrace.export.html import render_report
from sanctrace.model import (
    AnalysedDocument,
    Analysis,
    Document,
    Item,
    PartyRef,
    Span,
    Transfer,
)

from .conftest import build_analysis


@dataclass
class Mark:
    start: int
    end: int = -1
    text: str = ""
    id: str | None = None
    transfer: str = ""
    kind: str = ""


@dataclass
class TextReader(HTMLParser):
    """Reads each `div.text`: its characters, and where every mark starts and ends."""

    texts: list[str] = field(default_factory=list)
    marks: list[list[Mark]] = field(default_factory=list)
    _depth: int = 0  # > 0 while inside a div.text
    _open: list[Mark] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "div" and values.get("class") == "text":
            self._depth = 1
            self.texts.append("")
            self.marks.append([])
        elif self._depth:
            assert tag == "mark", f"only marks belong in the text, not <{tag}>"
            mark = Mark(
                start=len(self.texts[-1]),
                id=values.get("id"),
                transfer=values.get("data-transfer") or "",
                kind=values.get("class") or "",
            )
            self._open.append(mark)
            self.marks[-1].append(mark)

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag == "mark":
            mark = self._open.pop()
            mark.end = len(self.texts[-1])
            mark.text = self.texts[-1][mark.start : mark.end]
        elif self._depth and tag == "div":
            self._depth = 0

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.texts[-1] += data


def _read(html: str) -> TextReader:
    reader = TextReader()
    reader.feed(html)
    reader.close()
    return reader


def _analysis(text: str, spans: list[tuple[int, int]], title: str = "Test") -> Analysis:
    """One document whose transfers have the given evidence offsets."""
    transfers = [
        Transfer(
            id=f"t{number}",
            giver=PartyRef("p1", "Vladimir Putin", "ru"),
            recipient=PartyRef("p2", "Kim Jong Un", "kp"),
            items=[Item("limousine", ["vehicle", "luxury"])],
            date=None,
            evidence=Span(text[start:end], start, end),
        )
        for number, (start, end) in enumerate(spans, start=1)
    ]
    document = Document(text=text, input="test.txt", id="test", title=title)
    return Analysis(documents=[AnalysedDocument(document, transfers=transfers)])


def test_html_marks_hold_exactly_the_evidence_at_its_offsets(analysis: Analysis) -> None:
    reader = _read(render_report(analysis))
    assert reader.texts == [analysed.document.text for analysed in analysis.documents]
    marks = {mark.id: mark for mark in reader.marks[0] if mark.id}
    transfers = analysis.documents[0].transfers
    assert set(marks) == {"d1-t1", "d1-t2"}
    for number, transfer in enumerate(transfers, start=1):
        mark = marks[f"d1-t{number}"]
        assert (mark.start, mark.end) == (transfer.evidence.start, transfer.evidence.end)
        assert mark.text == transfer.evidence.text
    (also,) = [mark for mark in reader.marks[0] if mark.kind == "also"]
    assert (also.transfer, also.text) == ("d1-t1", transfers[0].also_evidence[0].text)


def test_html_marks_by_offset_not_by_searching_the_sentence() -> None:
    sentence = "Putin gave Kim a limousine."
    text = f"{sentence} Officials denied it. {sentence}"
    second = text.rindex(sentence)
    reader = _read(render_report(_analysis(text, [(second, second + len(sentence))])))
    (mark,) = reader.marks[0]
    assert (mark.start, mark.end, mark.id) == (second, len(text), "d1-t1")


def test_html_two_transfers_in_one_sentence_both_get_exact_marks() -> None:
    text = "Russia sent Kim a car and a truck. Nothing else happened."
    reader = _read(render_report(_analysis(text, [(0, 34), (0, 34)])))
    assert reader.texts == [text]
    by_id = {mark.id: mark.text for mark in reader.marks[0]}
    assert by_id == {"d1-t1": text[:34], "d1-t2": text[:34]}


def test_html_crossing_spans_keep_each_transfer_text_and_unique_ids() -> None:
    text = "One two three four five six seven."
    spans = [(0, 18), (8, 28)]  # "One two three four" and "three four five six"
    reader = _read(render_report(_analysis(text, spans)))
    assert reader.texts == [text]
    marks = reader.marks[0]
    ids = [mark.id for mark in marks if mark.id]
    assert sorted(ids) == ["d1-t1", "d1-t2"]
    for number, (start, end) in enumerate(spans, start=1):
        pieces = sorted(
            (mark.start, mark.end) for mark in marks if mark.transfer == f"d1-t{number}"
        )
        assert pieces[0][0] == start and pieces[-1][1] == end
        assert "".join(text[a:b] for a, b in pieces) == text[start:end]


def test_html_escapes_markup_in_text_and_fields() -> None:
    text = "Before. Putin <script>alert('x')</script> gave Kim a car & a <b>truck</b>. After."
    start = text.index("Putin")
    end = text.index(". After") + 1
    analysis = _analysis(text, [(start, end)], title="<script>alert(1)</script>")
    analysis.documents[0].transfers[0].items[0].text = "<img src=x onerror=alert(2)>"
    html = render_report(analysis)
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    tree = lxml.html.document_fromstring(html)
    assert not tree.xpath("//script | //img | //b")
    reader = _read(html)
    assert reader.texts == [text]
    (mark,) = reader.marks[0]
    assert mark.text == text[start:end]


def test_html_has_no_external_resources_or_scripts(analysis: Analysis) -> None:
    html = render_report(analysis)
    tree = lxml.html.document_fromstring(html)
    assert not tree.xpath("//script | //link | //img | //iframe | //object | //embed")
    for element in tree.iter():
        for name in ("src", "href", "action", "srcset", "data"):
            value = element.get(name)
            assert value is None or value.startswith("#"), f"<{element.tag} {name}={value!r}>"
    styles = " ".join(tree.xpath("//style/text()"))
    assert "url(" not in styles and "@import" not in styles


def test_html_cards_show_every_transfer_fact_and_finding(analysis: Analysis) -> None:
    tree = lxml.html.document_fromstring(render_report(analysis))
    limousine = tree.get_element_by_id("d1-t1-card").text_content()
    for expected in [
        "Transfer 1: Vladimir Putin (ru) → Kim Jong Un (kp)",
        "Aurus limousine",
        "vehicle",
        "luxury",
        "HS 87, 8703",
        "2024-02-20",
        "publication date",
        "ru → kp",
        "confirmed",
        "completed",
        "KCNA",
        "UNSCR 2397 (2017) OP7",
        "confidence 0.81",
        "Measure: supplying transportation vehicles",
        "the ban has applied since 22 December 2017",
    ]:
        assert expected in limousine, expected
    shells = tree.get_element_by_id("d1-t2-card").text_content()
    for expected in [
        "(not named) → Russia (ru)",
        "more than 1,000,000",
        "from the text: “last year”",
        "Rajin (kp)",
        "reported",
        "officials in Seoul",
        "No potential breach found.",
    ]:
        assert expected in shells, expected
    assert tree.get_element_by_id("d1-t1-card").xpath(".//a/@href") == ["#d1-t1"]


def test_html_shows_screening_hits_and_errors(analysis: Analysis) -> None:
    tree = lxml.html.document_fromstring(render_report(analysis))
    (hit,) = tree.find_class("hit")
    hit_text = hit.text_content()
    for expected in ["PUTIN, Vladimir Vladimirovich", "us_ofac_sdn", "35096", "score 0.93"]:
        assert expected in hit_text, expected
    assert hit.xpath("ancestor::tr[1]/td[1]/text()") == ["Vladimir Putin"]
    errors = tree.get_element_by_id("errors").text_content()
    assert analysis.errors[0].input in errors and analysis.errors[0].error in errors
    assert tree.get_element_by_id("d2").text_content().count("No transfers found.") == 1


def test_html_report_is_deterministic() -> None:
    assert render_report(build_analysis()) == render_report(build_analysis())
