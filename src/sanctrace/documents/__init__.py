"""The input layer: files, directories and standard input to Documents.

See the "Inputs" section of the analysis contract. `load_inputs` never
raises; every bad input becomes one InputError with a sentence saying what
is wrong, where, and what to do.
"""

from sanctrace.documents.dates import InvalidPublishedDate, parse_published
from sanctrace.documents.discovery import SUPPORTED_SUFFIXES
from sanctrace.documents.identity import document_id
from sanctrace.documents.limits import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, resolve_max_bytes
from sanctrace.documents.loader import load_inputs
from sanctrace.documents.problems import InvalidSetting, UnreadableInput

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_ENV",
    "SUPPORTED_SUFFIXES",
    "InvalidPublishedDate",
    "InvalidSetting",
    "UnreadableInput",
    "document_id",
    "load_inputs",
    "parse_published",
    "resolve_max_bytes",
]
