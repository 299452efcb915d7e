"""Fuzzing `sanctrace analyze` with hypothesis: whatever the input holds, one sentence per problem.

Random bytes as a .txt, .html or .jsonl file, and random `.jsonl` field
values (any Unicode, Rich markup, backslashes, huge and empty strings), go
through the real command line beside one ordinary article. Every run must
end without a traceback, print each problem as one line that is also in
the JSON `errors`, and still analyse the article. Few examples, so that
`make test` stays quick; the model is the session's, loaded once.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import Result

ARTICLE = "Kestrel Freight shipped two armoured cars to North Korea in May 2023.\n"
FUZZ = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure reproduces
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

MARKUP = st.sampled_from(["[", "]", "[/]", "[/x]", "[bold]", "\\", "[x]", "[link=a]", "\n"])
SMALL_TEXT = st.lists(st.one_of(MARKUP, st.text(max_size=12)), max_size=8).map("".join)
# Past spaCy's 1,000,000-character limit without a sentence end, and long
# runs of short sentences or markup; built once, as strategies only pick them.
HUGE_TEXT = st.sampled_from(
    ["x" * 1_100_000, "[/x]" * 300_000, "é " * 5_000, "quiet day. " * 2_000, "\\[" * 5_000]
)
VALUE = st.one_of(st.none(), st.just(""), SMALL_TEXT, HUGE_TEXT, st.integers(), st.booleans())


def _analyse(invoke: Callable[..., Result], folder: Path, name: str, raw: bytes) -> dict[str, Any]:
    """Analyse the fuzzed file beside an ordinary article; check what every run must hold."""
    fuzzed = folder / name
    fuzzed.write_bytes(raw)
    article = folder / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = invoke(["analyze", str(fuzzed), str(article), "--format", "json", "--no-screen"])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert str(article) in [document["input"] for document in output["documents"]]
    for error in output["errors"]:
        sentence = error["error"]
        assert sentence.startswith(error["input"]), sentence
        assert "\n" not in sentence and sentence.endswith("."), sentence
    assert result.stderr.splitlines() == [error["error"] for error in output["errors"]]
    return output


@FUZZ
@given(raw=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_fuzz_input_bytes(invoke: Callable[..., Result], raw: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        # A name with markup in it: the messages about it must print it whole.
        _analyse(invoke, Path(folder), f"[fuzz]{suffix}", raw)


@FUZZ
@given(
    records=st.lists(
        st.fixed_dictionaries(
            {"text": VALUE},
            optional={"id": VALUE, "published": VALUE, "title": VALUE, "url": VALUE},
        ),
        min_size=1,
        max_size=3,
    )
)
def test_fuzz_jsonl_field_values(
    invoke: Callable[..., Result], records: list[dict[str, Any]]
) -> None:
    raw = "".join(json.dumps(record) + "\n" for record in records).encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        output = _analyse(invoke, Path(folder), "feed[x].jsonl", raw)
    # Every line is accounted for: analysed, or named in one error.
    named = {error["input"] for error in output["errors"]}
    analysed = {document["input"] for document in output["documents"]}
    for number in range(1, len(records) + 1):
        where = str(Path(folder) / f"feed[x].jsonl:{number}")
        assert where in named or where in analysed
