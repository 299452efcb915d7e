"""Records of labelled fields, found in raw text without the model."""

from __future__ import annotations

from sanctrace.transfers.lexicon import default_lexicon
from sanctrace.transfers.records import RecordFinder

FINDER = RecordFinder(default_lexicon().record_fields)


def test_records_a_paragraph_of_fields_is_one_record() -> None:
    text = "Case 4 - 2 May 2023. Goods: 60 rifles. Consignee: a firm in Minsk.\n\nNext case."
    [record] = FINDER.records(text)
    assert [field.role for field in record.fields] == ["items", "recipient"]
    goods, consignee = record.fields
    assert text[goods.value.start : goods.value.end] == "60 rifles"
    assert text[consignee.label.start : consignee.label.end] == "Consignee"
    assert record.paragraph.end == text.index("\n\n")


def test_records_each_paragraph_is_its_own_record() -> None:
    text = "Goods: rifles. Supplier: Acme.\n\nGoods: mortars. Buyer: Belkom."
    assert [record.of("items")[0].value.text for record in FINDER.records(text)] == [
        "rifles",
        "mortars",
    ]


def test_records_need_goods_and_a_party() -> None:
    assert FINDER.records("Goods: 60 rifles. Date: 2 May 2023.") == []
    assert FINDER.records("Supplier: Acme. Buyer: Belkom.") == []


def test_records_a_label_must_open_its_sentence() -> None:
    assert FINDER.records("The goods: rifles, the buyer: Belkom, all seized.") == []
    assert FINDER.records("Police said the rifles were seized in May.") == []
