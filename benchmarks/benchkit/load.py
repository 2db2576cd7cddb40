"""Parse every generated file with the loaders (process pool): throughput and the duties they find."""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

__all__ = ["duties_of", "load_corpus"]


def duties_of(path: str) -> tuple[int, int, list[dict]]:
    """(characters, bytes, duties in the export shape) of one file."""
    from loaders import load_file

    sf = load_file(path)
    duties = []
    for doc in sf.documents:
        for task in doc.tasks:
            duties.append({
                "source_file": sf.source_file, "text": task.text, "open_list": task.open_list, "sector": task.sector,
                "units": [{"name": a.name, "canonical": a.canonical, "role": a.role, "kind": a.kind,
                           "inherited": a.inherited} for a in task.assignments]})
    return sf.length, Path(path).stat().st_size, duties


def load_corpus(corpus: Path, jobs: int) -> dict:
    """Parse all files of `corpus` on `jobs` processes; figures plus the duties (for scoring)."""
    paths = [str(p) for p in sorted(Path(corpus).glob("*.txt"))]
    t0 = time.perf_counter()
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(duties_of, paths, chunksize=max(1, len(paths) // (jobs * 8))))
    else:
        results = [duties_of(p) for p in paths]
    seconds = time.perf_counter() - t0
    duties = [d for _, _, ds in results for d in ds]
    return {"files": len(paths), "bytes": sum(b for _, b, _ in results), "seconds": seconds,
            "tasks": len(duties), "assignments": sum(len(d["units"]) for d in duties), "duties": duties}
