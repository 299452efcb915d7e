"""sanctrace: evidence-backed sanctions findings from news text."""

__version__ = "0.1.0"
