"""A process pool whose workers never outlive the process that started them.

`imap_ordered(fn, items, workers)` maps `fn` over `items` on worker processes (forkserver: they do not
inherit the caller's threads, e.g. the store's) and yields the results in order. A worker ignores
Ctrl-C (the caller handles it) and exits as soon as the caller is gone, however it ended — killed
included — so an interrupted build leaves nothing running or holding its output open. (A
multiprocessing.Pool was dropped: it restarts workers that die at start-up for ever.)
"""

from __future__ import annotations

import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from kg.errors import KgError

__all__ = ["imap_ordered", "usable_cores"]

T = TypeVar("T")
R = TypeVar("R")
_AHEAD = 4  # items submitted ahead per worker (a parsed notice holds ~1 MB until the caller has used it)


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def imap_ordered(fn: Callable[[T], R], items: Iterable[T], workers: int) -> Iterator[R]:
    """`map(fn, items)` on `workers` processes (in this process when workers <= 1), in order.

    Leaving the iteration early (an exception, Ctrl-C, `close()`) cancels what has not started. When
    the workers cannot start at all (e.g. the caller's __main__ cannot be imported again, as for
    `python -`), everything is mapped in this process instead; a worker that dies once results have
    come is a KgError (mapping its item here could kill this process too).
    """
    if workers <= 1:
        yield from map(fn, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    todo = list(items)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver"),
                               initializer=_worker_init, initargs=(os.getpid(),))
    pending: deque = deque()  # submitted, not yet yielded: at most _AHEAD per worker, so results do not pile up
    done = submitted = 0
    try:
        while True:
            while len(pending) < _AHEAD * workers and submitted < len(todo):
                pending.append(pool.submit(fn, todo[submitted]))
                submitted += 1
            if not pending:
                break
            try:
                result = pending.popleft().result()
            except BrokenProcessPool:
                if done:
                    raise KgError(f"a worker process died after {done} of {len(todo)} items "
                                  "(killed, or a crash in a parser); run again with one process (--jobs 1)") from None
                break
            yield result
            del result
            done += 1
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    yield from map(fn, todo[done:])


def _worker_init(caller: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(caller,), name="kg-exit-with-caller", daemon=True).start()


def _exit_with(caller: int) -> None:
    """Wait for the calling process to end, then end this worker (a pidfd where there is one)."""
    try:
        fd = os.pidfd_open(caller)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):  # no pidfd: poll
        import time

        while True:
            try:
                os.kill(caller, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass
            time.sleep(0.5)
    import select

    select.select([fd], [], [])
    os._exit(1)
