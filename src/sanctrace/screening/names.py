"""Names as the screener sees them: checked query names and index keys.

A query name is checked before anything else so that bad input becomes one
sentence instead of a traceback. Index keys are computed from rigour's
analysed `Name` objects, the same objects nomenklatura's matcher compares,
so that the candidate index and the scorer agree on what a name part is.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from rigour.names import Name

from sanctrace.errors import InputProblem

#: Longer query names are refused. The longest name on the UN and OFAC lists
#: is about 330 characters (a name with its bracketed variants); anything far
#: longer is a paragraph pasted by mistake, and scoring it would only waste
#: time and produce noise.
MAX_NAME_LENGTH = 400

#: Key prefixes: a name part's comparable (latinised) form, its metaphone,
#: its one-letter deletions, and a rigour symbol (a known given/family name
#: across scripts, an organisation type, a number).
TOKEN, PHONETIC, DELETION, SYMBOL = "t:", "p:", "d:", "s:"

#: Parts of at least this many letters also get DELETION keys: the part
#: itself and each form with one letter left out. Two spellings one edit
#: apart share one of them ("Wael" and "Vael" share "ael", "Modjtaba" is
#: "Mojtaba" with one letter more), where their phonetic codes may differ.
#: Shorter parts would share deletions with too many others.
DELETION_MIN = 4


class ScreeningInputError(InputProblem, ValueError):
    """A name or qualifier given to the screener cannot be used."""


def check_query_name(name: str) -> str:
    """Return `name` with runs of whitespace collapsed, or raise.

    Raises ScreeningInputError for names that are empty, only whitespace or
    punctuation, or longer than MAX_NAME_LENGTH characters. Mixed scripts
    are accepted: rigour transliterates each part on its own.
    """
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ScreeningInputError(
            "The name to screen is empty: give a name with at least one letter or digit."
        )
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ScreeningInputError(
            f"The name to screen is {len(cleaned):,} characters long, more than the "
            f"{MAX_NAME_LENGTH} allowed: give the name alone, not the text around it."
        )
    if not any(char.isalnum() for char in cleaned):
        raise ScreeningInputError(
            f"The name to screen ({cleaned!r}) has no letters or digits: give a real name."
        )
    return cleaned


def part_keys(names: Iterable[Name]) -> dict[str, set[str]]:
    """Return the index keys of a set of analysed names, grouped by name part.

    Each part (by its comparable form) has its own form, its phonetic code,
    its one-letter deletions (for longer parts), its glued form with each
    neighbour (stored as a part form, so that "Jong Un" and "Jongun" find
    each other whichever side glues them), and the symbols rigour attached
    to spans covering it (so "Чен Ын" and "Jong Un" share the key of the
    Korean given name they both spell).
    """
    found: dict[str, set[str]] = {}
    for name in names:
        for part in name.parts:
            keys = found.setdefault(part.comparable, set())
            keys.add(TOKEN + part.comparable)
            if part.metaphone:
                keys.add(PHONETIC + part.metaphone)
            form = part.comparable
            if len(form) >= DELETION_MIN:
                keys.add(DELETION + form)
                keys.update(DELETION + form[:at] + form[at + 1 :] for at in range(len(form)))
        for left, right in pairwise(name.parts):
            glued = TOKEN + left.comparable + right.comparable
            found[left.comparable].add(glued)
            found[right.comparable].add(glued)
        for span in name.spans:
            key = f"{SYMBOL}{span.symbol.category.value}:{span.symbol.id}"
            for part in span.parts:
                found[part.comparable].add(key)
    return found


def name_keys(names: Iterable[Name]) -> set[str]:
    """Return all index keys of a set of analysed names."""
    keys: set[str] = set()
    for part in part_keys(names).values():
        keys.update(part)
    return keys
