"""nomenklatura's matching algorithms, each imported only when it is asked for.

Importing `nomenklatura.matching` imports every algorithm nomenklatura ships,
and with its regression models scikit-learn and SciPy: 1.5 s of a cold
`sanctrace screen` on an idle machine, more than the rest of the imports.
logic-v2, the default, needs neither, so its module is imported on its own,
without running the package's `__init__`; any other name goes through
nomenklatura's own registry.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nomenklatura.matching.types import ScoringAlgorithm

#: Algorithms imported from their own module: name -> (module, class).
_STANDALONE = {"logic-v2": ("nomenklatura.matching.logic_v2.model", "LogicV2")}

_PACKAGE = "nomenklatura.matching"


def get_algorithm(name: str) -> type[ScoringAlgorithm] | None:
    """The nomenklatura algorithm called `name`, or None when there is none."""
    standalone = _STANDALONE.get(name)
    if standalone is None or _PACKAGE in sys.modules:
        from nomenklatura.matching import get_algorithm as registry_lookup

        return registry_lookup(name)
    module_name, class_name = standalone
    module = sys.modules.get(module_name) or _import_past_package(module_name)
    algorithm: type[ScoringAlgorithm] = getattr(module, class_name)
    return algorithm


def algorithm_names() -> list[str]:
    """The names of every algorithm nomenklatura ships (imports them all)."""
    from nomenklatura.matching import ALGORITHMS

    return sorted(algorithm.NAME for algorithm in ALGORITHMS)


def _import_past_package(module_name: str) -> object:
    """Import a submodule of nomenklatura.matching without running the package's __init__.

    An empty module stands in for the package while the submodule loads and
    is removed afterwards, so that a later `import nomenklatura.matching`
    runs the real `__init__` (which then finds the submodule already loaded
    and uses the same classes).
    """
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None:
        raise ImportError(f"No module named {_PACKAGE!r}")
    sys.modules[_PACKAGE] = importlib.util.module_from_spec(spec)
    try:
        return importlib.import_module(module_name)
    finally:
        del sys.modules[_PACKAGE]
