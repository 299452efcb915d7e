"""Rich tables of stored findings and events for the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def findings_table(rows: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(rows)} findings", show_lines=False)
    for column in ("key", "review", "basis", "transfer", "date", "evidence"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            row["key"],
            row["review"],
            f"{row.get('instrument')} {row.get('provision')} ({row.get('regime')})",
            f"{row.get('giver_name') or '?'} → {row.get('recipient_name') or '?'}"
            f" ({', '.join(row.get('tags') or [])})",
            row.get("date_value") or "",
            row.get("evidence_text") or "",
        )
    Console().print(table)


def events_table(rows: list[dict[str, Any]]) -> None:
    console = Console()
    console.print(f"[bold]{len(rows)} events[/bold]")
    for event in rows:
        dispute = " [red]disputed[/red]" if event["disputed"] else ""
        console.print(
            f"\n[bold]{event['id']}[/bold] {event['giver_name'] or '?'} → "
            f"{event['recipient_name'] or '?'} {escape('[' + ', '.join(event['tags']) + ']')} "
            f"{event['date_start'] or '?'}..{event['date_end'] or '?'}: {event['certainty']}, "
            f"confidence {event['confidence']:.2f}{dispute}",
            highlight=False,
        )
        console.print(f"  {event['explanation']['certainty']}", highlight=False)
        for report in event["reports"]:
            source = report.get("source") or report.get("title") or report["document"]
            said = (
                f", according to {', '.join(report['attributed_to'])}"
                if report["attributed_to"]
                else ""
            )
            when = report.get("published") or "undated"
            console.print(
                f"  - {escape('[' + report['certainty'] + ']')} {source} ({when})"
                f"{said}: “{report['evidence_text']}” — {report['reason']}",
                highlight=False,
            )
