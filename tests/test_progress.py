"""kg.progress: a bar on a terminal, nothing anywhere else."""

from __future__ import annotations

import io

from kg.progress import progress_bar


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_bar_when_not_a_terminal():
    out = io.StringIO()
    with progress_bar("kg build", stream=out) as tick:
        assert tick is None
    assert out.getvalue() == ""


def test_a_terminal_gets_a_bar_naming_the_item():
    out = _Terminal()
    with progress_bar("kg build", stream=out) as tick:
        assert tick is not None
        for k in range(1, 4):
            tick(k, 3, f"file{k}.txt")
    text = out.getvalue()
    assert "kg build" in text and "3/3" in text and "file3.txt" in text


def test_a_single_item_draws_no_bar():
    out = _Terminal()
    with progress_bar("kg build", stream=out) as tick:
        tick(1, 1, "only.txt")
    assert out.getvalue() == ""
