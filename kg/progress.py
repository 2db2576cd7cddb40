"""A progress bar for long commands on a terminal (rich), silent anywhere else."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

__all__ = ["progress_bar"]

Tick = Callable[[int, int, str], None]


@contextmanager
def progress_bar(label: str, stream: TextIO | None = None, min_total: int = 2) -> Iterator[Tick | None]:
    """Yield a `tick(done, total, item)` callback drawing a bar on `stream` (default stderr), or None
    when `stream` is not a terminal; the bar shows once `total` reaches `min_total`, and is cleared at the end."""
    out = sys.stderr if stream is None else stream
    if not out.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   TextColumn("{task.fields[item]}", markup=False), console=Console(file=out), transient=True)
    task = None

    def tick(done: int, total: int, item: str) -> None:
        nonlocal task
        if total < min_total:
            return
        if task is None:
            bar.start()
            task = bar.add_task(label, total=total, item="")
        bar.update(task, completed=done, total=total, item=item)

    try:
        yield tick
    finally:
        if task is not None:
            bar.stop()
