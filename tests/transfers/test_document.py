"""Document-level rules read from the raw text alone, without the model."""

from __future__ import annotations

from sanctrace.transfers.document import speaker_turns


def test_document_speaker_turns_run_from_label_to_label() -> None:
    text = "HOST: Where were you?\nR.: At sea.\nHOST: And then?"
    assert speaker_turns(text) == [(0, 22, "HOST"), (22, 34, "R."), (34, len(text), "HOST")]


def test_document_field_labels_and_one_speaker_make_no_transcript() -> None:
    assert speaker_turns("Goods: rifles\nConsignee: a firm in Minsk\nDate: May") == []
    assert speaker_turns("HOST: Hello.\nHOST: Goodbye.") == []


def test_document_a_line_label_is_no_speaker() -> None:
    assert speaker_turns("UPDATE: The ship docked.\nBREAKING: Cargo seized.") == []
    assert [label for *_, label in speaker_turns("Q: Why?\nNOTE: cut\nA: Money.")] == ["Q", "A"]
