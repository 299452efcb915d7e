"""Which analyser and which knowledge produced a stored analysis."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path

from sanctrace import __version__

#: Knowledge that changes what the analyser outputs; the event rules are
#: applied at query time from the stored analysis, so they are not part of it.
_KNOWLEDGE_PACKAGES = ("goods", "law", "parties", "transfers")


def analyser_version(model_name: str, model_version: str) -> str:
    """ "0.1.0 en_core_web_sm-3.8.0": the package and the spaCy pipeline."""
    return f"{__version__} {model_name}-{model_version}"


@cache
def knowledge_version() -> str:
    """ "k-" and 12 hex digits of the SHA-1 of every knowledge file (path and bytes)."""
    root = Path(str(resources.files("sanctrace")))
    digest = hashlib.sha1()
    for package in _KNOWLEDGE_PACKAGES:
        for path in sorted((root / package).rglob("*.yaml")):
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return "k-" + digest.hexdigest()[:12]
