"""Law: sanctions regimes as data, and the engine that turns transfers into findings."""

from sanctrace.law.engine import Regimes
from sanctrace.law.spec import RegimeError

__all__ = ["RegimeError", "Regimes"]
