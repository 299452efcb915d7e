"""Read the project's YAML knowledge files quickly.

libyaml's C loader is several times faster than the pure-Python one, which
matters because every `analyze` run reads the gazetteer, taxonomy, lexicon
and regimes at start.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse YAML text safely; raises yaml.YAMLError on bad input."""
    return yaml.load(text, Loader=_LOADER)
