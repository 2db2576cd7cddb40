"""Run a stage in a child process and collect its JSON result, wall time and peak memory."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["NotBuilt", "StageResult", "run_stage", "self_peak_mb"]

RUN = Path(__file__).resolve().parent.parent / "run.py"


class NotBuilt(Exception):
    """The library function a stage needs is not there (yet)."""


@dataclass(frozen=True)
class StageResult:
    ok: bool
    data: dict
    seconds: float
    peak_mb: float  # largest resident set of the stage's process or its workers
    error: str = ""


def self_peak_mb() -> float:
    """Peak RSS of this process and of its finished children (pool workers), in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def run_stage(stage: str, args: dict, timeout: float = 3600.0) -> StageResult:
    """`python benchmarks/run.py --stage STAGE --args JSON` in a fresh process (so memory is its own)."""
    cmd = [sys.executable, str(RUN), "--stage", stage, "--args", json.dumps(args, ensure_ascii=False)]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return StageResult(False, {}, time.perf_counter() - t0, 0.0, f"timed out after {timeout:.0f} s")
    seconds = time.perf_counter() - t0
    lines = [x for x in proc.stdout.splitlines() if x.startswith("{")]
    if proc.returncode != 0 or not lines:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return StageResult(False, {}, seconds, 0.0, f"failed: {last}")
    data = json.loads(lines[-1])
    if "not_built" in data:
        return StageResult(False, data, seconds, 0.0, f"n/a (not built yet: {data['not_built']})")
    return StageResult(True, data, seconds, float(data.get("peak_mb", 0.0)))
