"""One run, distinct documents: repeated texts analysed once, repeated ids renamed."""

import json

from sanctrace.documents import load_inputs
from sanctrace.documents.distinct import distinct_documents
from sanctrace.model import Document, InputError


def _doc(text: str, input_: str, id_: str) -> Document:
    return Document(text=text, input=input_, id=id_)


def test_distinct_repeated_id_is_renamed_with_one_error_each():
    loaded = [
        _doc("Barges carried coal to Nampo.", "f.jsonl:1", "a"),
        _doc("A freighter took rifles to Tartus.", "f.jsonl:2", "a"),
        _doc("Tankers met off the coast.", "f.jsonl:3", "a"),
    ]
    results = list(distinct_documents(loaded))
    documents = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [d.id for d in documents] == ["a", "a-2", "a-3"]
    assert [e.input for e in errors] == ["f.jsonl:2", "f.jsonl:3"]
    assert errors[0].error == (
        "f.jsonl:2 has the id 'a', which f.jsonl:1 already has; it is analysed as 'a-2' "
        "(give each document its own id)."
    )


def test_distinct_renamed_id_never_takes_one_in_use():
    loaded = [
        _doc("First text.", "f.jsonl:1", "a-2"),
        _doc("Second text.", "f.jsonl:2", "a"),
        _doc("Third text.", "f.jsonl:3", "a"),
    ]
    ids = [r.id for r in distinct_documents(loaded) if isinstance(r, Document)]
    assert ids == ["a-2", "a", "a-3"]
    assert len(set(ids)) == len(ids)


def test_distinct_repeated_text_is_analysed_once(tmp_path):
    text = "A freighter took rifles to Tartus in March.\n"
    (tmp_path / "one.txt").write_text(text)
    (tmp_path / "copy.txt").write_text(text.replace(" ", "  "))  # same text, other spacing
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "w1", "text": text}) + "\n")
    paths = [str(tmp_path / "one.txt"), str(tmp_path / "copy.txt"), str(feed)]
    results = list(load_inputs(paths))
    assert [type(r).__name__ for r in results] == ["Document", "InputError", "InputError"]
    assert results[1].error == (
        f"{paths[1]} repeats the text of {paths[0]}; it is analysed once, as {paths[0]} "
        "(remove the copy to silence this)."
    )
    assert results[2].input == f"{feed}:1"


def test_distinct_other_documents_pass_through_unchanged(tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "a", "text": "Coal went north."}, {"id": "b", "text": "Oil went south."}]
    feed.write_text("".join(json.dumps(row) + "\n" for row in rows) + "not json\n")
    results = list(load_inputs([str(feed)]))
    assert [getattr(r, "id", None) for r in results] == ["a", "b", None]
