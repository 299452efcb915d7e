"""What every command shares: one red sentence on stderr instead of a traceback.

User data (file names, dates, names, list titles) reaches Rich only through
`escape_markup` or a console with markup off, so a "[/x]" in it prints as
written instead of ending the run in a MarkupError.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

#: Write errors that mean the output went away or filled up, not a bug.
_OUTPUT_ERRNOS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def escape_markup(text: object) -> str:
    """`text` as Rich markup that prints literally, brackets and backslashes included."""
    return escape(str(text))


def stderr_console() -> Console:
    # soft_wrap: one sentence stays on one line when stderr is not a terminal.
    return Console(stderr=True, soft_wrap=True)


class _DataConsole(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit without a word; raised on, a closed pipe reaches `output_guard`
        # and gets its sentence, as a full disk does.
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def data_console(soft_wrap: bool = False) -> Console:
    """A stdout console for output made of user data: markup off, every bracket printed."""
    return _DataConsole(markup=False, soft_wrap=soft_wrap)


def warn(sentence: str) -> None:
    """Print one sentence about one input in red on stderr; the run goes on."""
    stderr_console().print(f"[red]{escape_markup(sentence)}[/red]", highlight=False)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clear sentence on stderr and exit with `code`."""
    _say_error(message)
    raise typer.Exit(code=code)


@contextmanager
def output_guard() -> Iterator[None]:
    """Turn a full disk or a closed pipe on standard output into one sentence and exit 1.

    Standard output is flushed on leaving, even on the way out of a command,
    so the failure is met here and not at interpreter exit, where Python
    would print its own traceback. Works inside a command and around the app.
    """
    try:
        try:
            yield
        finally:
            sys.stdout.flush()
    except OSError as error:
        if error.errno not in _OUTPUT_ERRNOS:
            raise
        _silence_stdout()
        if error.errno == errno.EPIPE:
            _say_error("The output was closed before sanctrace finished writing it (broken pipe).")
        else:
            _say_error(
                f"Cannot write the output ({error.strerror}); "
                "free some disk space or send the output somewhere else."
            )
        # SystemExit, not typer.Exit: this may run outside the command line's own handling.
        raise SystemExit(1) from None


def _say_error(message: str) -> None:
    stderr_console().print(f"[red]Error:[/red] {escape_markup(message)}", highlight=False)


def _silence_stdout() -> None:
    # What is still buffered must go somewhere harmless, or the final flush fails again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass  # not a real file descriptor (a test runner's buffer): nothing to silence
