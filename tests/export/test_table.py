"""Terminal tables: what an analyst sees in the console."""

from __future__ import annotations

from rich.console import Console

from sanctrace.export.table import render_table
from sanctrace.model import Analysis, PartyRef, ScreeningHit


def _render(analysis: Analysis, **options: object) -> Console:
    console = Console(record=True, width=160, **options)  # type: ignore[arg-type]
    render_table(analysis, console)
    return console


def test_table_shows_each_transfer_with_parties_goods_date_and_finding(
    analysis: Analysis,
) -> None:
    text = _render(analysis).export_text()
    for expected in [
        "Putin hands Kim a limousine",
        "Vladimir Putin (ru)",
        "→ Kim Jong Un (kp)",
        "Aurus limousine [vehicle, luxury]",
        "2024-02-20",
        "(published)",
        "confirmed",
        "UNSCR 2397 (2017) OP7 (0.81)",
        "(not named)",
        "→ Russia (ru)",
        "artillery shells [arms, ammunition] (more than",
        "1,000,000)",
        "reported",
    ]:
        assert expected in text, expected
    assert text.index("Aurus limousine") < text.index("artillery shells"), "text order"


def test_table_lists_designated_parties_and_empty_documents(analysis: Analysis) -> None:
    lines = _render(analysis).export_text().splitlines()
    designated = [line for line in lines if line.startswith("Designated:")]
    assert designated == [
        "Designated: Vladimir Putin ~ PUTIN, Vladimir Vladimirovich (us_ofac_sdn 35096; "
        "score 0.93; RUSSIA-EO14024, listed 2022-02-25)"
    ]
    quiet = lines.index("news/quiet.txt")
    assert lines[quiet + 1] == "No transfers found."
    assert quiet > lines.index(designated[0]), "documents keep their input order"


def test_table_prints_errors_in_red(analysis: Analysis) -> None:
    console = _render(analysis, force_terminal=True, color_system="standard")
    styled = console.export_text(styles=True)
    error = analysis.errors[0]
    assert f"\x1b[1;31m{error.input}: {error.error}" in styled


def test_table_prints_brackets_literally_not_as_markup(analysis: Analysis) -> None:
    transfer = analysis.documents[0].transfers[1]
    transfer.giver = PartyRef("p-odd", "[bold]Unit 39[/bold]", "kp")
    text = _render(analysis).export_text()
    assert "[bold]Unit 39[/bold] (kp)" in text


def test_table_shows_each_party_once_by_its_best_match(analysis: Analysis) -> None:
    party = next(p for doc in analysis.documents for p in doc.parties if p.screening)
    best = party.screening[0]
    namesake = ScreeningHit(best.list, "namesake-1", "A NAMESAKE", best.score - 0.1)
    party.screening.insert(0, namesake)  # order must not matter: the best is chosen
    lines = _render(analysis).export_text().splitlines()
    designated = [line for line in lines if line.startswith("Designated:")]
    assert len(designated) == 1
    assert best.name in designated[0]
    assert "and 1 weaker match(es)" in designated[0]
