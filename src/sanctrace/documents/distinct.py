"""One run, distinct documents: a repeated text is analysed once, a repeated id is renamed.

Party, transfer and followthemoney entity ids are derived from the document
id, so two documents sharing an id would give colliding entities. Both cases
are reported as one InputError each, where the repeat stands in the input
order; the first document keeps its id.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sanctrace.documents.identity import document_id
from sanctrace.model import Document, InputError


def distinct_documents(
    loaded: Iterable[Document | InputError],
) -> Iterator[Document | InputError]:
    """Pass `loaded` through, skipping repeated texts and renaming repeated ids.

    A document whose normalised text (see `document_id`) equals an earlier
    one's is dropped: its analysis would be the same. A document with a new
    text but an id already used gets the first free id of "ID-2", "ID-3" ...
    """
    first_with_text: dict[str, str] = {}  # text fingerprint -> input that brought it
    first_with_id: dict[str, str] = {}  # document id -> input that holds it
    suffixes: dict[str, int] = {}  # repeated id -> last suffix tried, so renaming stays linear
    for item in loaded:
        if isinstance(item, InputError):
            yield item
            continue
        fingerprint = document_id(item.text)
        earlier = first_with_text.get(fingerprint)
        if earlier is not None:
            yield InputError(
                item.input,
                f"{item.input} repeats the text of {earlier}; it is analysed once, "
                f"as {earlier} (remove the copy to silence this).",
            )
            continue
        first_with_text[fingerprint] = item.input
        holder = first_with_id.get(item.id)
        if holder is not None:
            renamed = _free_id(item.id, first_with_id, suffixes)
            yield InputError(
                item.input,
                f"{item.input} has the id {item.id!r}, which {holder} already has; it is "
                f"analysed as {renamed!r} (give each document its own id).",
            )
            item.id = renamed
        first_with_id[item.id] = item.input
        yield item


def _free_id(taken: str, used: dict[str, str], suffixes: dict[str, int]) -> str:
    number = suffixes.get(taken, 1) + 1
    while f"{taken}-{number}" in used:
        number += 1
    suffixes[taken] = number
    return f"{taken}-{number}"
