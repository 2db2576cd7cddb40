"""The local FalkorDB server: start on free addresses, reuse, stop cleanly, keep data under the store."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from kg.cypher_client import FalkorClient
from kg.cypher_writer import read_fingerprint, write_fingerprint
from kg.errors import BackendError
from kg.falkor_server import (
    ServerInfo,
    connect,
    find_server,
    free_port,
    local_server,
    server_folder,
    start_server,
    stop_server,
)


def _client(info: ServerInfo, graph: str = "kg") -> FalkorClient:
    return FalkorClient(connect(info, graph), info.address)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a TCP listener on `port`, from /proc/net/tcp{,6}."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as handle:
            next(handle)
            for line in handle:
                local, state = line.split()[1], line.split()[3]
                address, hex_port = local.split(":")
                if state == "0A" and int(hex_port, 16) == port:
                    found.add(address)
    return found


def test_session_server_is_on_a_unix_socket_in_the_store(falkordb_server: ServerInfo):
    socket_path = Path(falkordb_server.unix_socket)
    assert socket_path.is_socket()
    assert socket_path.parent == Path(falkordb_server.folder)
    assert falkordb_server.port is None and falkordb_server.bolt_port is None
    assert read_fingerprint(_client(falkordb_server, "probe")) is None  # answers; empty graph


def test_running_server_is_found_and_reused(falkordb_server: ServerInfo):
    store = Path(falkordb_server.folder).parent
    assert find_server(store) == falkordb_server
    assert start_server(store) == falkordb_server


def test_local_server_starts_stops_and_keeps_the_graph(tmp_path: Path):
    with local_server(tmp_path) as info:
        assert _alive(info.pid)
        write_fingerprint(_client(info), "p1")
    assert not _alive(info.pid)
    assert find_server(tmp_path) is None
    assert (server_folder(tmp_path) / "graph.rdb").is_file()
    with local_server(tmp_path) as again:
        assert again.pid != info.pid
        kept = read_fingerprint(_client(again))
    assert kept == "p1"


def test_local_server_leaves_a_running_server_running(tmp_path: Path):
    info = start_server(tmp_path)
    try:
        with local_server(tmp_path) as reused:
            assert reused == info
        assert _alive(info.pid)
    finally:
        stop_server(info, save=False)
    assert not _alive(info.pid)


def test_stale_state_is_discarded(tmp_path: Path):
    folder = server_folder(tmp_path)
    folder.mkdir()
    dead = ServerInfo(folder=str(folder), pid=2**22 + 12345, unix_socket=str(folder / "x.sock"), port=None)
    (folder / "server.json").write_text(json.dumps(dead.__dict__), encoding="utf-8")
    assert find_server(tmp_path) is None
    assert not (folder / "server.json").exists()


def test_long_store_path_falls_back_to_a_loopback_port(tmp_path: Path):
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    info = start_server(deep)
    try:
        assert info.unix_socket is None
        assert _listening_addresses(info.port) == {"0100007F"}  # 127.0.0.1 only
        write_fingerprint(_client(info), "ok")
        assert read_fingerprint(_client(info)) == "ok"
    finally:
        stop_server(info, save=False)


def test_bolt_listener_stays_on_loopback(falkordb_bolt_server: ServerInfo):
    addresses = _listening_addresses(falkordb_bolt_server.bolt_port)
    # 127.0.0.1, or ::ffff:127.0.0.1 on the dual-stack socket; never 0.0.0.0 or ::
    assert addresses and addresses <= {"0100007F", "0000000000000000FFFF00000100007F"}
    with socket.create_connection(("127.0.0.1", falkordb_bolt_server.bolt_port), timeout=5):
        pass


def test_free_port_is_bindable():
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_server_that_cannot_start_is_a_one_line_backend_error(tmp_path: Path):
    (tmp_path / "falkordb").write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(BackendError, match=r"cannot start FalkorDB: cannot create .*falkordb"):
        start_server(tmp_path)
