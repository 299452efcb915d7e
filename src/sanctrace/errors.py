"""Errors the faces turn into one clear sentence for the user."""


class SanctraceError(Exception):
    """Base class: `str(error)` is a complete sentence fit to show a user."""


class InputProblem(SanctraceError):
    """An input cannot be read or analysed."""


class DataFileError(SanctraceError):
    """A knowledge file (taxonomy, regime, gazetteer, lexicon) is invalid."""


class ListImportError(SanctraceError):
    """A sanctions list file cannot be imported; nothing stored was changed."""


class StoreError(SanctraceError):
    """The store cannot be opened or written."""


class NotFound(StoreError):
    """The store holds no row with the id asked for."""
