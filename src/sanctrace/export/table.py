"""Terminal tables: one Rich table of transfers per document, for reading at a glance.

Every cell is built as `rich.text.Text`, never as markup, so that brackets in
article text ("[vehicle, luxury]", a name like "[Unit 39]") print as written.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sanctrace.export.wording import party_text, quantity_text
from sanctrace.model import AnalysedDocument, Analysis, Finding, Item, Transfer


def render_table(analysis: Analysis, console: Console) -> None:
    """Print each document's transfers, its designated parties, then the input errors."""
    for analysed in analysis.documents:
        _render_document(analysed, console)
    for error in analysis.errors:
        console.print(Text(f"{error.input}: {error.error}", style="bold red"))


def _render_document(analysed: AnalysedDocument, console: Console) -> None:
    document = analysed.document
    heading = Text(document.title or document.input, style="bold")
    details = [document.published, document.source, document.input if document.title else None]
    heading.append("".join(f"  {value}" for value in details if value), style="dim")
    console.print(heading)
    if analysed.transfers:
        console.print(_transfer_table(analysed.transfers))
    else:
        console.print(Text("No transfers found.", style="dim"))
    for party in analysed.parties:
        if not party.screening:
            continue
        # The best match says who the party is; weaker ones are namesakes to check.
        hit = max(party.screening, key=lambda h: h.score)
        line = Text("Designated: ", style="bold yellow")
        programs = ", ".join(hit.programs) or "no programme given"
        listed = f", listed {hit.listed_on}" if hit.listed_on else ""
        line.append(
            f"{party.name} ~ {hit.name} ({hit.list} {hit.entry_id}; score {hit.score:.2f}; "
            f"{programs}{listed})"
        )
        weaker = len(party.screening) - 1
        if weaker:
            line.append(f" and {weaker} weaker match(es), see the JSON output", style="dim")
        console.print(line)
    console.print()


def _transfer_table(transfers: list[Transfer]) -> Table:
    table = Table(show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Giver → recipient", ratio=2)
    table.add_column("Items", ratio=3)
    table.add_column("Date", no_wrap=True)
    table.add_column("Certainty\noutcome", no_wrap=True)
    table.add_column("Findings", ratio=2, min_width=32)
    for number, transfer in enumerate(transfers, start=1):
        date = (
            Text(f"{transfer.date.value}\n({transfer.date.basis})") if transfer.date else Text("—")
        )
        table.add_row(
            Text(str(number)),
            Text(f"{party_text(transfer.giver)}\n→ {party_text(transfer.recipient)}"),
            Text("\n".join(_item(item) for item in transfer.items)) + _why(transfer),
            date,
            Text(f"{transfer.certainty}\n{transfer.outcome}"),
            _findings(transfer.findings),
        )
    return table


def _why(transfer: Transfer) -> Text:
    """The trigger word and its frame, in brief: the full rules are in JSON and HTML."""
    if transfer.rules is None:
        return Text()
    return Text(f"\n“{transfer.rules.trigger.text}” {transfer.rules.frame}", style="dim")


def _item(item: Item) -> str:
    text = f"{item.text} [{', '.join(item.tags)}]"
    if item.quantity is not None:
        text += f" ({quantity_text(item.quantity)})"
    return text


def _findings(findings: list[Finding]) -> Text:
    if not findings:
        return Text("—", style="dim")
    return Text(
        "\n".join(
            f"{finding.instrument} {finding.provision} ({finding.confidence:.2f})"
            for finding in findings
        ),
        style="red",
    )
