"""Time to generate each interactive view from the store."""

from __future__ import annotations

from pathlib import Path

from .measure import NotBuilt

__all__ = ["view_times"]


def view_times(store: Path, out: Path) -> dict:
    raise NotBuilt("kg.views")
