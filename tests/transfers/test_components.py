"""The extractor's spaCy components on hand-built Docs: fast, and without the model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sanctrace.transfers.components import (
    EVENTS,
    ROLES,
    TRIGGERS,
    GerundTagger,
    RoleFinder,
    TriggerFinder,
    add_components,
    default_reader,
    roles_of,
)
from sanctrace.transfers.lexicon import LEXICON_PATH, load_lexicon
from sanctrace.transfers.relations import RelationMatcher
from sanctrace.transfers.roles import RoleReader

VOCAB = spacy.blank("en").vocab


def _doc(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """A parsed Doc from (word, lemma, pos, dep, head index) rows."""
    words, lemmas, pos, deps, heads = zip(*rows, strict=True)
    return Doc(
        VOCAB,
        words=list(words),
        lemmas=list(lemmas),
        pos=list(pos),
        deps=list(deps),
        heads=list(heads),
    )


def _sale() -> Doc:
    # "Belarus sold tractors to Cuba"
    return _doc(
        [
            ("Belarus", "Belarus", "PROPN", "nsubj", 1),
            ("sold", "sell", "VERB", "ROOT", 1),
            ("tractors", "tractor", "NOUN", "dobj", 1),
            ("to", "to", "ADP", "prep", 1),
            ("Cuba", "Cuba", "PROPN", "pobj", 3),
        ]
    )


def _run(doc: Doc, reader: RoleReader | None = None) -> Doc:
    reader = reader or default_reader()
    relations = RelationMatcher(VOCAB, reader.lexicon)
    return RoleFinder(reader, relations)(TriggerFinder(reader)(doc))


def test_components_trigger_span_names_its_frame() -> None:
    doc = TriggerFinder(default_reader())(_sale())
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans[TRIGGERS]] == [("sold", "send", "verb")]


def test_components_roles_written_with_their_patterns() -> None:
    doc = _run(_sale())
    assert [s.text for s in doc.spans[EVENTS]] == ["sold"]
    roles = {(s.label_, s.text, s.kb_id_, s.id_) for s in doc.spans[ROLES]}
    assert roles == {
        ("giver", "Belarus", "subject", "1"),
        ("items", "tractors", "object", "1"),
        ("recipient", "Cuba", "prep", "1"),
    }


def test_components_roles_of_rebuilds_the_roles() -> None:
    [(trigger, frame, outcome, roles)] = roles_of(_run(_sale()))
    assert (trigger.text, frame, outcome) == ("sold", "send", None)
    assert [t.text for t in roles.giver] == ["Belarus"]
    assert roles.pattern_of("recipient", roles.recipient[0]) == "prep"


def test_components_roles_come_from_the_relations_in_the_data(tmp_path) -> None:
    # Without the `prep` relation nothing reaches "Cuba" from "sold": the matcher, fed by
    # the data, is what finds the dependents the frame maps to roles.
    text = LEXICON_PATH.read_text(encoding="utf-8")
    start = text.index("\n  prep:\n")
    end = text.index("\n  value-prep:\n")
    edited = tmp_path / "lexicon.yaml"
    edited.write_text(text[:start] + text[end:], encoding="utf-8")
    base = default_reader()
    reader = RoleReader(load_lexicon(edited), base.goods, base.gazetteer)
    doc = _run(_sale(), reader)
    assert {(s.label_, s.text) for s in doc.spans[ROLES]} == {
        ("giver", "Belarus"),
        ("items", "tractors"),
    }


def test_components_passive_agent_is_the_giver() -> None:
    # "Tractors were sold by Belarus"
    doc = _run(
        _doc(
            [
                ("Tractors", "tractor", "NOUN", "nsubjpass", 2),
                ("were", "be", "AUX", "auxpass", 2),
                ("sold", "sell", "VERB", "ROOT", 2),
                ("by", "by", "ADP", "agent", 2),
                ("Belarus", "Belarus", "PROPN", "pobj", 3),
            ]
        )
    )
    roles = {(s.label_, s.text, s.kb_id_) for s in doc.spans[ROLES]}
    assert ("giver", "Belarus", "passive-agent") in roles
    assert ("items", "Tractors", "passive-subject") in roles


def test_components_rule_sentence_marks_a_trigger_but_no_event() -> None:
    # "Resolutions ban selling tractors": the trigger states a rule
    doc = _run(
        _doc(
            [
                ("Resolutions", "resolution", "NOUN", "nsubj", 1),
                ("ban", "ban", "VERB", "ROOT", 1),
                ("selling", "sell", "VERB", "xcomp", 1),
                ("tractors", "tractor", "NOUN", "dobj", 2),
            ]
        )
    )
    assert [s.text for s in doc.spans[TRIGGERS]] == ["selling"]
    assert list(doc.spans[EVENTS]) == []
    assert list(doc.spans[ROLES]) == []


def test_components_added_once_after_the_model() -> None:
    nlp = spacy.blank("en")
    add_components(add_components(nlp))
    assert nlp.pipe_names == ["sanctrace_gerunds", "sanctrace_triggers", "sanctrace_roles"]


def test_components_shown_in_the_analysers_pipeline(analyzer: object) -> None:
    names = analyzer.nlp.pipe_names  # type: ignore[attr-defined]
    assert names[-3:] == ["sanctrace_gerunds", "sanctrace_triggers", "sanctrace_roles"]
    assert {"parser", "ner"} <= set(names)


def test_components_a_gerund_read_as_a_modifier_of_the_object_is_the_verb() -> None:
    # "Acme denied shipping parts", the tagger reading "shipping" as a noun on "parts"
    doc = _doc(
        [
            ("Acme", "Acme", "PROPN", "nsubj", 1),
            ("denied", "deny", "VERB", "ROOT", 1),
            ("shipping", "shipping", "NOUN", "compound", 3),
            ("parts", "part", "NOUN", "dobj", 1),
        ]
    )
    GerundTagger(default_reader().lexicon.gerunds())(doc)
    assert (doc[2].pos_, doc[2].lemma_) == ("VERB", "ship")
    assert [s.text for s in TriggerFinder(default_reader())(doc).spans[TRIGGERS]] == ["shipping"]
    # a noun modifying a subject stays a noun: "shipping data show"
    data = _doc(
        [
            ("shipping", "shipping", "NOUN", "compound", 1),
            ("data", "datum", "NOUN", "nsubj", 2),
            ("show", "show", "VERB", "ROOT", 2),
        ]
    )
    GerundTagger(default_reader().lexicon.gerunds())(data)
    assert data[0].pos_ == "NOUN"
