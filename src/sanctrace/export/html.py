"""The HTML report: one self-contained page an analyst can open, save or mail.

The page has inline CSS, no scripts and no external resources. The document
text is cut at the evidence offsets (never found again by searching for the
sentence, which could match the wrong occurrence) into a flat token list
that the template renders with autoescaping on, so article text can never
inject markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from jinja2 import Environment, PackageLoader, StrictUndefined

from sanctrace import __version__
from sanctrace.export.wording import party_text, quantity_text
from sanctrace.model import AnalysedDocument, Analysis, Span


@dataclass(frozen=True, slots=True)
class Highlight:
    """A stretch of text to mark: a transfer's evidence or a retelling of it."""

    start: int
    end: int
    anchor: str  # the transfer's anchor, e.g. "d1-t2"
    number: int  # the transfer's number in its document, from 1
    primary: bool  # the `evidence` sentence rather than one of `also_evidence`


@dataclass(frozen=True, slots=True)
class Token:
    """One piece of the marked-up text: plain text, or a mark opening or closing.

    A mark that is closed early because another one crossing it ended first
    is reopened as a continuation: it carries no id, so each id stays unique.
    """

    kind: Literal["text", "open", "close"]
    text: str = ""
    highlight: Highlight | None = None
    continued: bool = False


@dataclass(frozen=True, slots=True)
class DocumentView:
    """What the template needs for one document besides the analysis itself."""

    analysed: AnalysedDocument
    anchor: str
    tokens: list[Token]


def render_report(analysis: Analysis) -> str:
    """The whole report as one HTML string."""
    views = [
        DocumentView(analysed, f"d{number}", mark_text(analysed, f"d{number}"))
        for number, analysed in enumerate(analysis.documents, start=1)
    ]
    return (
        _environment()
        .get_template("report.html")
        .render(
            analysis=analysis,
            documents=views,
            version=__version__,
            transfer_count=sum(len(view.analysed.transfers) for view in views),
            finding_count=sum(
                len(transfer.findings) for view in views for transfer in view.analysed.transfers
            ),
        )
    )


def mark_text(analysed: AnalysedDocument, anchor: str) -> list[Token]:
    """The document text as tokens, with a mark around every evidence span."""
    highlights: list[Highlight] = []
    for number, transfer in enumerate(analysed.transfers, start=1):
        transfer_anchor = f"{anchor}-t{number}"
        spans = [(transfer.evidence, True)] + [(span, False) for span in transfer.also_evidence]
        highlights.extend(
            Highlight(span.start, span.end, transfer_anchor, number, primary)
            for span, primary in spans
            if _fits(span, analysed.document.text)
        )
    return _tokens(analysed.document.text, highlights)


def _fits(span: Span, text: str) -> bool:
    """Offsets outside the text, or empty, would mark nothing meaningful."""
    return 0 <= span.start < span.end <= len(text)


def _tokens(text: str, highlights: list[Highlight]) -> list[Token]:
    # Outer (earlier, longer) spans open first so that nested spans nest.
    ordered = sorted(highlights, key=lambda h: (h.start, -h.end))
    tokens: list[Token] = []
    stack: list[Highlight] = []
    position = 0

    def emit_text(until: int) -> None:
        nonlocal position
        if until > position:
            tokens.append(Token("text", text[position:until]))
            position = until

    def close_until(limit: int) -> None:
        """Close every open mark that ends at or before `limit`, earliest end first.

        Among marks ending together the innermost closes first, so that equal
        spans (two transfers in one sentence) nest without reopening.
        """
        while stack and (first := min(reversed(stack), key=lambda h: h.end)).end <= limit:
            emit_text(first.end)
            reopen: list[Highlight] = []
            while (top := stack.pop()) is not first:
                tokens.append(Token("close", highlight=top))
                reopen.append(top)
            tokens.append(Token("close", highlight=first))
            for highlight in reversed(reopen):
                tokens.append(Token("open", highlight=highlight, continued=True))
                stack.append(highlight)

    for highlight in ordered:
        close_until(highlight.start)
        emit_text(highlight.start)
        tokens.append(Token("open", highlight=highlight))
        stack.append(highlight)
    close_until(len(text))
    emit_text(len(text))
    return tokens


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("sanctrace.export", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["party"] = party_text
    environment.filters["quantity"] = quantity_text
    return environment
