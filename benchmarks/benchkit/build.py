"""kg's end-to-end build (files -> store): throughput, then a re-build after changing one file."""

from __future__ import annotations

import importlib
import shutil
import time
from pathlib import Path

from .measure import NotBuilt

__all__ = ["build_fresh", "rebuild_one_changed"]


def _build_fn():
    try:
        module = importlib.import_module("kg.build")
    except ImportError:
        raise NotBuilt("kg.build") from None
    fn = getattr(module, "build", None)
    if fn is None:
        raise NotBuilt("kg.build.build")
    return fn


def _input(store: Path) -> Path:
    return store.parent / (store.name + "-input")


def build_fresh(corpus: Path, store: Path) -> dict:
    """Build a fresh store from a copy of the corpus (the copy is what the re-build changes)."""
    build = _build_fn()
    work = _input(store)
    for folder in (store, work):
        shutil.rmtree(folder, ignore_errors=True)
    work.mkdir(parents=True)
    for p in sorted(Path(corpus).glob("*.txt")):
        shutil.copyfile(p, work / p.name)
    files = sorted(work.glob("*.txt"))
    t0 = time.perf_counter()
    report = build(files, store)
    seconds = time.perf_counter() - t0
    try:
        from kg.pool import usable_cores

        cores = usable_cores()
    except ImportError:
        cores = None
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files), "seconds": seconds,
            "tasks": _count(report, "tasks"), "cores": cores}


def rebuild_one_changed(store: Path) -> dict:
    """Change one file of the built copy, build again: only that file's graph should be redone."""
    build = _build_fn()
    files = sorted(_input(store).glob("*.txt"))
    if not files:
        raise NotBuilt("a fresh build first (the build stage did not finish)")
    target = files[len(files) // 2]
    target.write_text(target.read_text(encoding="utf-8").replace("。", "。 ", 1), encoding="utf-8")
    t0 = time.perf_counter()
    build(files, store)
    return {"seconds": time.perf_counter() - t0, "changed": target.name}


def _count(report, name: str) -> int | None:
    value = getattr(report, name, None)
    if isinstance(value, int):
        return value
    for attr in ("files", "per_file"):
        items = getattr(report, attr, None)
        if items and not isinstance(items, int):
            try:
                return sum(getattr(f, name) for f in items)
            except (AttributeError, TypeError):
                return None
    return None
