"""Sentence spans over raw text: offsets exact, datelines trimmed, abbreviations kept whole."""

from __future__ import annotations

import pytest

from sanctrace.model import Span
from sanctrace.nlp.sentences import MAX_SENTENCE_CHARS, dateline, split_sentences


def _texts(text: str) -> list[str]:
    spans = split_sentences(text)
    for span in spans:
        assert text[span.start : span.end] == span.text
    return [span.text for span in spans]


def test_sentences_offsets_index_the_text_exactly() -> None:
    text = "  Ships left Nampo at dawn.   Two of them reached Ningbo!\n\nWhy? Nobody said.  "
    spans = split_sentences(text)
    assert spans == [
        Span("Ships left Nampo at dawn.", 2, 27),
        Span("Two of them reached Ningbo!", 30, 57),
        Span("Why?", 59, 63),
        Span("Nobody said.", 64, 76),
    ]


def test_sentences_dateline_is_trimmed() -> None:
    text = "SEOUL, Oct. 19 — Customs officers seized a cargo of cognac. The ship was held."
    first, second = split_sentences(text)
    assert first.text == "Customs officers seized a cargo of cognac."
    assert first.start == text.index("Customs")
    assert second.text == "The ship was held."
    assert _texts("NEW YORK — A jury heard the case on Monday.") == [
        "A jury heard the case on Monday."
    ]
    # an agency's name after the date is part of the dateline
    assert _texts("LIMA, Oct. 19 (Wire Service) - A jury heard the case.") == [
        "A jury heard the case."
    ]
    assert dateline("LIMA, Oct. 19 (Wire Service) - A jury heard the case.") == "Lima"


def test_sentences_break_after_a_spaced_quotation_mark() -> None:
    # tokenised text puts spaces around punctuation
    assert _texts("He said it was sold . ” The ship left .") == [
        "He said it was sold . ”",
        "The ship left .",
    ]


def test_sentences_abbreviations_do_not_split() -> None:
    text = (
        "The U.S. Treasury named a Dalian trading Co. that sold steel on Oct. 19 last year. "
        "Mr. Lee left at 5 p.m. on Friday. The firm denied it."
    )
    assert _texts(text) == [
        "The U.S. Treasury named a Dalian trading Co. that sold steel on Oct. 19 last year.",
        "Mr. Lee left at 5 p.m. on Friday.",
        "The firm denied it.",
    ]


def test_sentences_initials_do_not_split() -> None:
    assert _texts("The report by J. Smith named the tanker. It sailed.") == [
        "The report by J. Smith named the tanker.",
        "It sailed.",
    ]


def test_sentences_blank_lines_and_single_lines_separate_blocks() -> None:
    text = "Kim visits a factory - KCNA\nThe leader toured the plant\n\nHe left by train."
    assert _texts(text) == [
        "Kim visits a factory - KCNA",
        "The leader toured the plant",
        "He left by train.",
    ]


def test_sentences_keep_their_closing_quotation_mark() -> None:
    text = "An official said: “The cars were sent in May.” The ministry declined to comment."
    assert _texts(text) == [
        "An official said: “The cars were sent in May.”",
        "The ministry declined to comment.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He said: “They told me, ‘The cars left in May.’” The ministry declined to comment.",
        "He said : “ They said , ‘ The cars left in May . ’ ” The ministry declined to comment .",
    ],
)
def test_sentences_break_after_a_quotation_inside_a_quotation(text: str) -> None:
    # both quotations end with the full stop
    assert len(_texts(text)) == 2
    assert _texts(text)[1].startswith("The ministry")


def test_sentences_empty_text_has_none() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_sentences_overlong_stretch_is_cut_into_bounded_windows() -> None:
    text = "Aurelia Shipping sold diesel " + "x" * (3 * MAX_SENTENCE_CHARS) + ". Then it stopped."
    spans = split_sentences(text)
    assert all(len(span.text) <= MAX_SENTENCE_CHARS for span in spans)
    assert all(text[span.start : span.end] == span.text for span in spans)
    assert spans[0].text.startswith("Aurelia Shipping sold diesel ")
    assert spans[-1].text == "Then it stopped."
    # Nothing is lost between windows: they cover the text up to its last sentence.
    covered = "".join(span.text for span in spans[:-1])
    assert covered.replace(" ", "") == text[: spans[-2].end].replace(" ", "")


def test_sentences_windows_cut_between_words() -> None:
    words = " ".join(f"crate{n}" for n in range(2000))  # about 16,000 characters, no full stop
    spans = split_sentences(words)
    assert len(spans) > 1
    assert all(len(span.text) <= MAX_SENTENCE_CHARS for span in spans)
    assert [w for span in spans for w in span.text.split()] == words.split()
