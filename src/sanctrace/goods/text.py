"""Token-level normalisation shared by the goods taxonomy and the law engine.

Goods words are compared as lower-case alphanumeric tokens, so hyphens,
spaces and punctuation do not matter ("Mercedes-Maybach" == "mercedes
maybach"). Plurals are handled by generating the singular forms a token
could stand for and looking those up, which keeps the data files in
singular while still accepting irregular-looking English plurals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

#: In a term, matches any model number such as "21" in "MiG-21" or "23" in "KN-23".
NUMBER = "#"

_TOKEN = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s\b")
_MODEL_NUMBER = re.compile(r"\d+[a-z]*")


def tokens(text: str) -> list[str]:
    """Split text into lower-case word tokens, dropping possessive "'s"."""
    return _TOKEN.findall(_POSSESSIVE.sub("", text.lower()))


def is_number(token: str) -> bool:
    """True for model-number tokens: "21", "47s", "560", "23bis"."""
    return _MODEL_NUMBER.fullmatch(token) is not None


@lru_cache(maxsize=8192)
def forms(token: str) -> frozenset[str]:
    """Every form a text token may be a plural of, itself included."""
    found = {token}
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        found.add(token[:-1])
        if token.endswith("es"):
            found.add(token[:-2])
        if token.endswith("ies"):
            found.add(token[:-3] + "y")
        if token.endswith("ves"):
            found.update((token[:-3] + "f", token[:-3] + "fe"))
    if len(token) > 3 and token.endswith("men"):
        found.add(token[:-3] + "man")
    return frozenset(found)


def plurals(token: str) -> set[str]:
    """The surface forms a singular data-file token may take in text."""
    found = {token, token + "s"}
    if token.endswith(("s", "x", "z", "ch", "sh", "o")):
        found.add(token + "es")
    if token.endswith("y") and len(token) > 2 and token[-2] not in "aeiou":
        found.add(token[:-1] + "ies")
    if token.endswith("f"):
        found.add(token[:-1] + "ves")
    if token.endswith("fe"):
        found.add(token[:-2] + "ves")
    if token.endswith("man"):
        found.add(token[:-3] + "men")
    return found


def token_matches(pattern: str, token: str) -> bool:
    """Does one data-file token accept one text token?"""
    if pattern == NUMBER:
        return is_number(token)
    return pattern in forms(token)


def match_at(pattern: Sequence[str], words: Sequence[str], start: int) -> bool:
    """Does the token pattern match the text tokens beginning at `start`?"""
    end = start + len(pattern)
    if end > len(words):
        return False
    return all(token_matches(p, w) for p, w in zip(pattern, words[start:end], strict=True))


def contains(pattern: Sequence[str], words: Sequence[str]) -> bool:
    """Does the token pattern occur anywhere in the text tokens?"""
    return any(match_at(pattern, words, i) for i in range(len(words) - len(pattern) + 1))
