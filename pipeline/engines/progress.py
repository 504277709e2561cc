"""A progress bar on stderr for long runs; silent when stderr is not a terminal (logs, CI, pipes)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def progress_reporter(total: int) -> Iterator[Callable[[Any], None]]:
    if not sys.stderr.isatty() or total < 2:
        yield lambda _outcome: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("extract", total=total)
        yield lambda _outcome: progress.advance(task)
