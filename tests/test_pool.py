"""kg.pool: ordered results on worker processes that never outlive their caller."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.pool import imap_ordered, usable_cores

ROOT = Path(__file__).resolve().parent.parent


def _square(x: int) -> int:
    return x * x


def _pid(_: int) -> int:
    time.sleep(0.05)
    return os.getpid()


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_back_in_order(workers):
    assert list(imap_ordered(_square, range(20), workers)) == [x * x for x in range(20)]


def test_two_workers_are_other_processes():
    pids = set(imap_ordered(_pid, range(8), 2))
    assert os.getpid() not in pids and 1 <= len(pids) <= 2


def _mark(item: tuple[str, int]) -> int:
    Path(item[0], f"{item[1]}.started").touch()
    return item[1]


def test_workers_run_only_a_few_items_ahead_of_the_caller(tmp_path):
    # results the caller has not taken stay in memory: a build of 3,000 notices held them all (1.7 GB at 1,500)
    from kg.pool import _AHEAD

    results = imap_ordered(_mark, [(str(tmp_path), k) for k in range(40)], 2)
    assert next(results) == 0
    time.sleep(1.0)  # the workers are idle long before this: only the window was submitted
    assert len(list(tmp_path.glob("*.started"))) == 2 * _AHEAD
    assert list(results) == list(range(1, 40))
    assert len(list(tmp_path.glob("*.started"))) == 40


def test_one_worker_runs_in_this_process():
    assert set(imap_ordered(_pid, range(3), 1)) == {os.getpid()}


def test_usable_cores_is_positive():
    assert usable_cores() >= 1


_CALLER = """
import sys, time
sys.path.insert(0, {root!r})
from kg.pool import imap_ordered

def slow(x):
    time.sleep(60)
    return x

if __name__ == "__main__":
    for _ in imap_ordered(slow, range(4), 2):
        pass
"""


def _children(pid: int) -> set[int]:
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def _eof_within(fd: int, seconds: float) -> bool:
    """True when the pipe reaches end of file (every writer gone) within `seconds`."""
    import select

    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if ready and not os.read(fd, 65536):
            return True
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_the_caller_is_killed(tmp_path):
    script = tmp_path / "caller.py"
    script.write_text(_CALLER.format(root=str(ROOT)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:  # the forkserver, then its two workers
        workers = {w for server in _children(proc.pid) for w in _children(server)}
        time.sleep(0.1)
    assert len(workers) == 2
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert _eof_within(proc.stderr.fileno(), 10.0), "a worker still holds the killed caller's stderr"
    time.sleep(0.2)
    assert not any(Path(f"/proc/{w}").exists() and "Z" not in Path(f"/proc/{w}/stat").read_text().split()[2]
                   for w in workers)


def _dies_on_three(x: int) -> int:
    if x == 3:
        time.sleep(1.0)  # after 0, 1 and 2 are back
        os._exit(3)  # a crash in a parser, as seen from the pool
    time.sleep(0.05)
    return x


def test_a_worker_dying_midway_is_one_kg_error():
    from kg.errors import KgError

    got = []
    with pytest.raises(KgError) as err:
        for r in imap_ordered(_dies_on_three, range(8), 2):
            got.append(r)
    assert got == [0, 1, 2]
    assert str(err.value) == ("a worker process died after 3 of 8 items (killed, or a crash in a parser); "
                              "run again with one process (--jobs 1)")


def test_workers_that_cannot_start_leave_the_work_to_this_process(tmp_path):
    # `python -` has no main module the workers could import again
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r})\n" + \
        "from kg.pool import imap_ordered\nprint(list(imap_ordered(abs, [-1, -2, -3], 2)))\n"
    done = subprocess.run([sys.executable, "-"], input=code, capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout == "[1, 2, 3]\n"
