"""Print an evaluation: per-document rows, the details, then a plain total summary.

The summary comes last and is plain text, one figure per line, so that
`tail -n 6` of the output is the whole score.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sanctrace.evaluation.scoring import DocumentScore, EvalReport, Tally

_SHORT = {
    "giver_country": "giver",
    "recipient_country": "recip.",
    "date": "date",
    "certainty": "cert.",
    "outcome": "outc.",
}


def rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def summary_lines(report: EvalReport) -> list[str]:
    """The total score as six plain lines."""
    total = report.total
    t, f, a = total.transfers, total.findings, total.attributes
    accuracy = {
        name: f"{rate(agreement.accuracy)} ({agreement.agree}/{agreement.total})"
        for name, agreement in a.items()
    }
    return [
        f"total over {len(report.documents)} documents: {t.tp + t.fn} gold transfers "
        f"to find, {t.tp + t.fp + t.optional} predicted ({t.optional} on optional ones)",
        f"transfers P/R/F1 {rate(t.precision)} / {rate(t.recall)} / {rate(t.f1)} "
        f"(tp {t.tp}, fp {t.fp}, fn {t.fn})",
        f"findings P/R/F1 {rate(f.precision)} / {rate(f.recall)} / {rate(f.f1)} "
        f"(right {f.right}, false {f.false}; {f.found} of {f.expected} breaches found)",
        f"giver country acc {accuracy['giver_country']}",
        f"recipient country acc {accuracy['recipient_country']}",
        f"date/certainty/outcome acc {accuracy['date']} / {accuracy['certainty']} / "
        f"{accuracy['outcome']}",
    ]


def render_report(report: EvalReport, console: Console, details: bool = False) -> None:
    """Print the per-document table (with a total row), details if asked, then the summary."""
    table = Table(title="sanctrace eval", title_justify="left")
    table.add_column("document", overflow="fold")
    for name in ("tp", "fp", "fn", "P", "R", "F1", "find P", "find R"):
        table.add_column(name, justify="right")
    for name in _SHORT.values():
        table.add_column(name, justify="right")
    for document in report.documents:
        label = document.id or document.input or "?"
        table.add_row(
            label if document.analysed else f"{label} (not analysed)", *_cells(document.tally)
        )
    table.add_section()
    table.add_row("total", *_cells(report.total), style="bold")
    console.print(table)
    if details:
        for document in report.documents:
            _print_details(document, console)
    for line in summary_lines(report):
        console.print(line, highlight=False, markup=False, soft_wrap=True)


def _cells(tally: Tally) -> list[str]:
    t, f = tally.transfers, tally.findings
    counts = [str(t.tp), str(t.fp), str(t.fn)]
    rates = [rate(t.precision), rate(t.recall), rate(t.f1), rate(f.precision), rate(f.recall)]
    return counts + rates + [rate(tally.attributes[name].accuracy) for name in _SHORT]


def _print_details(document: DocumentScore, console: Console) -> None:
    lines = [
        f"miss: gold #{miss.gold} [{', '.join(miss.item_tags)}] "
        f"{miss.giver or '?'} -> {miss.recipient or '?'}: {miss.evidence}"
        for miss in document.misses
    ]
    lines += [
        f"false positive{' (duplicate)' if fp.duplicate else ''} "
        f"[{', '.join(fp.tags)}]: {fp.evidence}"
        for fp in document.false_positives
    ]
    lines += [
        f"false finding {finding.instrument}"
        f"{f' on gold #{finding.gold}' if finding.gold else ''}: {finding.evidence}"
        for finding in document.false_findings
    ]
    lines += [
        f"{d.attribute} on gold #{d.gold}: expected {d.expected}, got {d.predicted}"
        for d in document.disagreements
    ]
    if lines:
        console.print(f"[bold]{escape(document.id or document.input or '?')}[/bold]")
        for line in lines:
            console.print(f"  {escape(line)}", highlight=False)
