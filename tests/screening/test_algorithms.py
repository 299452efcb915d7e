"""nomenklatura's algorithms by name: logic-v2 without scikit-learn, the rest from the registry."""

from __future__ import annotations

import subprocess
import sys

from sanctrace.screening.algorithms import algorithm_names, get_algorithm


def test_algorithms_logic_v2_is_imported_without_scikit_learn() -> None:
    # A fresh interpreter: this test process may have imported everything already.
    code = (
        "import sys\n"
        "from sanctrace.screening.algorithms import get_algorithm\n"
        "found = get_algorithm('logic-v2')\n"
        "assert found is not None and found.NAME == 'logic-v2'\n"
        "assert 'sklearn' not in sys.modules, 'scikit-learn was imported'\n"
        "from nomenklatura.matching import ALGORITHMS, LogicV2\n"
        "assert LogicV2 is found and found in ALGORITHMS\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_algorithms_other_names_come_from_nomenklatura() -> None:
    found = get_algorithm("logic-v1")
    assert found is not None and found.NAME == "logic-v1"
    assert get_algorithm("no-such-algorithm") is None
    assert {"logic-v1", "logic-v2", "name-based"} <= set(algorithm_names())
