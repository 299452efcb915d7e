"""The errors the input layer raises, each a sentence a user can act on."""

from __future__ import annotations

from sanctrace.errors import InputProblem


class UnreadableInput(InputProblem):
    """One input cannot be turned into a document; the loader reports it and goes on."""


class InvalidSetting(InputProblem, ValueError):
    """An option or environment setting of the input layer has a bad value."""
