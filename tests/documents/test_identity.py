import re

from sanctrace.documents import document_id


def test_identity_document_id_has_stable_shape():
    assert re.fullmatch(r"doc-[0-9a-f]{16}", document_id("Some article text."))
    assert document_id("Some article text.") == document_id("Some article text.")


def test_identity_document_id_ignores_whitespace_and_composition():
    composed = "Caf\u00e9 owner  sold\n\ncoal."
    decomposed = "  Cafe\u0301 owner sold coal.\n"
    assert document_id(composed) == document_id(decomposed)


def test_identity_document_id_differs_for_different_text():
    assert document_id("Ship A sold coal.") != document_id("Ship B sold coal.")
