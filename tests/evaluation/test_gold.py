import json
from pathlib import Path

import pytest

from sanctrace.evaluation import GoldFileError, parse_gold, read_gold
from sanctrace.evaluation.gold import GoldEntry
from sanctrace.model import InputError

from .helpers import TEXT, gold_line, gold_transfer, sentence

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev"


def write(path: Path, *rows: object) -> str:
    path.write_text(
        "".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows),
        encoding="utf-8",
    )
    return str(path)


def test_gold_reads_lines_named_like_analyze_inputs(tmp_path):
    coal = sentence("China shipped")
    path = write(
        tmp_path / "g.jsonl",
        gold_line([gold_transfer([coal], ["coal"], un_instruments=["2371"])], id="a"),
        "",
        gold_line([], id="b"),
    )
    first, second = read_gold([path])
    assert isinstance(first, GoldEntry) and isinstance(second, GoldEntry)
    assert (first.document.input, second.document.input) == (f"{path}:1", f"{path}:3")
    assert (first.gold.input, first.document.id, first.document.text) == (f"{path}:1", "a", TEXT)
    [transfer] = first.gold.transfers
    start = TEXT.index(coal)
    assert transfer.spans == ((start, start + len(coal)),)
    assert transfer.un_instruments == {"2371"} and not transfer.optional
    assert second.gold.transfers == ()


def test_gold_finds_every_occurrence_of_evidence():
    line = gold_line([gold_transfer(["aa"], ["coal"])], text="aaa aa")
    [transfer] = parse_gold(line, "x").transfers
    assert transfer.spans == ((0, 2), (1, 3), (4, 6))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("{not json", "is not valid JSON"),
        ({"id": "a", "text": TEXT}, 'has no "gold" object'),
        ({"id": "a", "text": TEXT, "gold": {"notes": "x"}}, '"transfers" list'),
        (gold_line([gold_transfer(["Not in the text."], ["coal"])]), "evidence not found"),
        (gold_line([gold_transfer([TEXT[:20]], ["coals"])]), "unknown item tags coals"),
        (gold_line([gold_transfer([TEXT[:20]], [])]), 'empty "item_tags"'),
        (gold_line([gold_transfer([TEXT[:20]], ["coal"], date="June 2023")]), "YYYY-MM"),
        (gold_line([gold_transfer([TEXT[:20]], ["coal"], optional="yes")]), '"optional"'),
        (
            gold_line([gold_transfer([TEXT[:20]], ["coal"], un_instruments=[2371])]),
            "un_instruments",
        ),
        (gold_line(["a transfer"]), "transfer 1 is not a JSON object"),
    ],
)
def test_gold_bad_line_is_one_error_and_reading_goes_on(tmp_path, row, message):
    path = write(tmp_path / "g.jsonl", row, gold_line([], id="fine"))
    error, entry = read_gold([path])
    assert isinstance(error, InputError) and error.input == f"{path}:1"
    assert message in error.error and "\n" not in error.error
    assert isinstance(entry, GoldEntry) and entry.document.id == "fine"


def test_gold_missing_empty_and_foreign_files_are_errors(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    text_file = tmp_path / "article.txt"
    text_file.write_text("Coal left Nampo.", encoding="utf-8")
    missing = str(tmp_path / "missing.jsonl")
    errors = list(read_gold([missing, str(empty), str(text_file)]))
    assert [error.input for error in errors] == [missing, str(empty), str(text_file)]
    assert "does not exist" in errors[0].error
    assert "holds no gold lines" in errors[1].error
    assert "not a .jsonl file" in errors[2].error


def test_gold_parse_raises_a_named_error():
    with pytest.raises(GoldFileError, match=r"^doc-7 has no"):
        parse_gold({"id": "x"}, "doc-7")


def test_gold_every_dev_file_is_valid():
    files = sorted(DEV.glob("*.gold.jsonl"))
    assert files, f"no gold files in {DEV}: the shared corpus (../shared/corpus/dev) is missing"
    results = list(read_gold([str(path) for path in files]))
    assert [r for r in results if isinstance(r, InputError)] == []
    assert sum(len(r.gold.transfers) for r in results) >= 30
