"""The four network views on the built corpus, opened in headless Chromium with the network off.

What a page draws is compared with what the graph says, computed here independently of the views:
straight from the store's triples (no SPARQL), and task statuses from the canned queries."""

from __future__ import annotations

from collections import defaultdict

import pytest
from typer.testing import CliRunner

from cli import app
from kg.queries import run_query
from kg.views import render_view

SD = "https://w3id.org/safety-duty/ontology#"
PROV = "http://www.w3.org/ns/prov#"
ELI = "http://data.europa.eu/eli/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ORG_CLASS = "http://www.w3.org/ns/org#classification"
VAGUE = "https://w3id.org/safety-duty/unit-kind/vague"
ID = "https://w3id.org/safety-duty/id/"
VIEWS = ("responsibility", "co-responsibility", "unit", "documents")


class Triples:
    """The file graphs of a store as sets of (subject, predicate, object) strings."""

    def __init__(self, store):
        graphs = [g for g in store.named_graphs() if g.startswith(ID + "file/")]
        self.triples = {(q.subject.value, q.predicate.value, q.object.value) for q in store.graph_quads(graphs)}
        self.by_p: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for s, p, o in self.triples:
            self.by_p[p].append((s, o))

    def subjects(self, p: str, o: str) -> set[str]:
        return {s for s, obj in self.by_p[p] if obj == o}

    def pairs(self, p: str) -> list[tuple[str, str]]:
        return self.by_p[p]

    def one(self, p: str) -> dict[str, str]:
        return dict(self.by_p[p])

    def assignments(self) -> list[dict]:
        """Every task's assignments: task, unit, role, inherited, vague."""
        tasks = self.subjects(TYPE, SD + "Task")
        agent, role, inherited = self.one(PROV + "agent"), self.one(PROV + "hadRole"), self.one(SD + "inherited")
        vague = self.subjects(ORG_CLASS, VAGUE)
        return [
            {"task": t, "assignment": a, "unit": agent[a], "role": role[a].rsplit("/", 1)[-1],
             "inherited": inherited.get(a) == "true", "vague": agent[a] in vague}
            for t, a in self.pairs(PROV + "qualifiedAssociation") if t in tasks
        ]


@pytest.fixture(scope="module")
def triples(corpus_store):
    return Triples(corpus_store)


@pytest.fixture(scope="module")
def pages(tmp_path_factory, corpus_store_dir):
    """Each view of the corpus written by `kg viz` (the unit view for the alias 市应急局)."""
    folder = tmp_path_factory.mktemp("views-corpus")
    out = {}
    for view in VIEWS:
        path = folder / f"{view}.html"
        extra = ["--unit", "市应急局"] if view == "unit" else []
        r = CliRunner().invoke(app, ["viz", view, "--store", str(corpus_store_dir), "-o", str(path), *extra])
        assert r.exit_code == 0, r.output
        assert r.output.startswith(f"wrote {path}: {view} view, ")
        out[view] = path
    return out


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    return tmp_path_factory.mktemp("views-screenshots")


def drawn_items(chromium) -> dict:
    return chromium.js(
        "var v = window.kgView; return {drawn: v.drawn(),"
        " nodes: v.nodes.get().map(function (n) { return {id: n.id, label: n.label, color: n.color.background}; }),"
        " edges: v.edges.get().map(function (e) { return {from: e.from, to: e.to, label: e.label || ''}; })};"
    )


def expected(view: str, triples: Triples) -> tuple[set[str], int]:
    """Node ids and edge count the view should draw, from the triples."""
    rows = triples.assignments()
    if view == "responsibility":
        tasks = triples.subjects(TYPE, SD + "Task")
        return tasks | {r["unit"] for r in rows}, len(rows)
    if view == "co-responsibility":
        owners = defaultdict(set)
        for r in rows:
            if not r["inherited"] and not r["vague"]:
                owners[r["task"]].add(r["unit"])
        pairs = {(u, v) for units in owners.values() for u in units for v in units if u < v}
        return {u for pair in pairs for u in pair}, len(pairs)
    if view == "unit":
        centres = triples.subjects(SKOS + "altLabel", "市应急局") | triples.subjects(SKOS + "prefLabel", "市应急局")
        held = {r["task"] for r in rows if r["unit"] in centres}
        mine = [r for r in rows if r["task"] in held]
        return held | {r["unit"] for r in mine}, len(mine)
    assert view == "documents"
    documents = triples.subjects(TYPE, SD + "Document")
    task_doc = triples.one(SD + "document")
    links = {(d, x) for d, x in triples.pairs(ELI + "cites") if d in documents}
    links |= {(task_doc[t], x) for t, x in triples.pairs(ELI + "cites") if t in task_doc and t not in documents}
    return documents | {x for _, x in links}, len(links)


@pytest.mark.parametrize("view", VIEWS)
def test_view_draws_what_the_graph_says(chromium, pages, triples, shots, view):
    visit = chromium.open(pages[view])
    assert visit.errors == []
    assert visit.external == [] and visit.requests == [visit.url]
    items = drawn_items(chromium)
    nodes, edges = expected(view, triples)
    assert len(nodes) > 5 and edges > 5
    assert {n["id"] for n in items["nodes"]} == nodes
    assert items["drawn"] == {"nodes": len(nodes), "edges": edges}
    assert chromium.js("return window.kgView.network.physics.physicsEnabled;") is False
    # legend and search box are on the page
    assert chromium.js("return document.querySelectorAll('#kg-legend .kg-legend-entry').length;") >= 3
    assert chromium.js("return !!document.getElementById('kg-search');")
    heading = chromium.js("return document.getElementById('kg-header').textContent;")
    assert f"showing {len(nodes)} of {len(nodes)} nodes, {edges} of {edges} links" in heading
    assert chromium.screenshot(shots / f"{view}.png").stat().st_size > 20_000


def test_task_colours_follow_the_canned_questions(chromium, pages, corpus_store):
    chromium.open(pages["responsibility"])
    colour = {n["id"]: n["color"] for n in drawn_items(chromium)["nodes"]}

    def task_iris(query: str) -> set[str]:
        return {ID + "task/" + r["task_id"].replace("#", "%23") for r in run_query(corpus_store, query).dicts()}

    unowned, overlap = task_iris("unowned_duties"), task_iris("overlaps_no_lead")
    leads = task_iris("multiple_leads") - unowned
    tasks = {i for i in colour if i.startswith(ID + "task/")}
    assert unowned and overlap and unowned <= tasks and overlap <= tasks
    assert {i for i in tasks if colour[i] == "#dc2626"} == unowned
    assert {i for i in tasks if colour[i] == "#f59e0b"} == overlap
    assert {i for i in tasks if colour[i] == "#7c3aed"} == leads
    assert {i for i in tasks if colour[i] == "#16a34a"} == tasks - unowned - overlap - leads


def test_co_responsibility_weights_match_the_canned_pairs(chromium, pages, corpus_store):
    chromium.open(pages["co-responsibility"])
    items = drawn_items(chromium)
    name = {n["id"]: n["label"] for n in items["nodes"]}
    drawn = {tuple(sorted((name[e["from"]], name[e["to"]]))): int(e["label"]) for e in items["edges"]}
    canned = {(r["unit_a"], r["unit_b"]): r["shared_tasks"] for r in run_query(corpus_store, "co_responsibility_pairs").dicts()}
    assert canned and {k: v for k, v in drawn.items() if v >= 2} == canned


def test_unit_view_centres_every_unit_printed_as_the_alias(chromium, pages):
    chromium.open(pages["unit"])
    title = chromium.js("return document.getElementById('kg-title').textContent;")
    assert title == "单位视图 Unit view — 临汾市应急管理局、忻州市应急管理局"
    selected = chromium.js(
        "var b = document.getElementById('kg-search'); b.value = '市应急局';"
        "b.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'})); return window.kgView.network.getSelectedNodes();"
    )
    assert selected == [ID + "unit/临汾市应急管理局"]


@pytest.mark.parametrize(
    ("args", "tasks_kept"),
    [
        (["--document", "临政发〔2024〕1号"], lambda t: t["doc"] == "临政发〔2024〕1号"),
        (["--sector", "煤矿"], lambda t: t["sector"] == "coal_mine"),
        (["--document", "忻政发〔2024〕1号", "--sector", "hazardous_chemicals"],
         lambda t: t["doc"] == "忻政发〔2024〕1号" and t["sector"] == "hazardous_chemicals"),
    ],
)
def test_heading_counts_what_a_filter_left_out(chromium, corpus_store_dir, triples, tmp_path, args, tasks_kept):
    rows = triples.assignments()
    doc_id = {d: i for d, i in triples.pairs("http://purl.org/dc/terms/identifier")}
    task_doc, sector = triples.one(SD + "document"), triples.one(SD + "primarySector")
    tasks = {t: {"doc": doc_id[task_doc[t]], "sector": sector.get(t, "").rsplit("/", 1)[-1]}
             for t in triples.subjects(TYPE, SD + "Task")}
    kept = {t for t, info in tasks.items() if tasks_kept(info)}
    units_all = {r["unit"] for r in rows}
    units_kept = {r["unit"] for r in rows if r["task"] in kept}
    left = len(tasks) + len(units_all) - len(kept) - len(units_kept)
    assert 0 < len(kept) < len(tasks)
    path = tmp_path / "filtered.html"
    r = CliRunner().invoke(app, ["viz", "responsibility", "--store", str(corpus_store_dir), "-o", str(path), *args])
    assert r.exit_code == 0, r.output
    visit = chromium.open(path)
    assert visit.errors == []
    assert chromium.js("return window.kgView.drawn().nodes;") == len(kept) + len(units_kept)
    summary = chromium.js("return document.getElementById('kg-summary').textContent;")
    assert f"left out {left} nodes of {len(tasks) + len(units_all)}" in summary


GROUPINGS = [("document", "sector"), ("document",), ("sector",)]


@pytest.mark.parametrize("limit", [150, 40, 5])
def test_aggregates_past_the_limit(chromium, corpus_store, corpus_store_dir, triples, tmp_path, limit):
    def task_iris(query: str) -> set[str]:
        return {ID + "task/" + r["task_id"].replace("#", "%23") for r in run_query(corpus_store, query).dicts()}

    unowned, overlap, leads = task_iris("unowned_duties"), task_iris("overlaps_no_lead"), task_iris("multiple_leads")
    status = {}
    for t in triples.subjects(TYPE, SD + "Task"):
        status[t] = "unowned" if t in unowned else "multi_lead" if t in leads else "overlap" if t in overlap else "clear"
    task_doc, sector = triples.one(SD + "document"), triples.one(SD + "primarySector")
    assert len(status) > limit
    # the finest grouping with no more than `limit` groups, else the coarsest
    for fields in GROUPINGS:
        group = {t: (task_doc[t] if "document" in fields else "", sector.get(t, "") if "sector" in fields else "", s)
                 for t, s in status.items()}
        if len(set(group.values())) <= limit:
            break
    rows = triples.assignments()
    links = {(group[r["task"]], r["unit"], r["role"], r["inherited"]) for r in rows}
    path = tmp_path / "aggregated.html"
    r = CliRunner().invoke(app, ["viz", "responsibility", "--store", str(corpus_store_dir), "-o", str(path),
                                 "--limit", str(limit)])
    assert r.exit_code == 0, r.output
    visit = chromium.open(path)
    assert visit.errors == [] and visit.external == []
    assert chromium.js("return window.kgView.drawn();") == {
        "nodes": len(set(group.values())) + len({r["unit"] for r in rows}), "edges": len(links)}
    note = chromium.js("return document.querySelector('.kg-note').textContent;")
    assert f"more than {limit} tasks: tasks are aggregated by {' × '.join(fields + ('status',))}" in note


@pytest.mark.parametrize("view", VIEWS)
def test_same_store_same_bytes(corpus_store_dir, view):
    unit = "市应急局" if view == "unit" else None
    assert render_view(view, corpus_store_dir, unit=unit).html == render_view(view, corpus_store_dir, unit=unit).html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["unit"], "kg: the unit view needs --unit NAME (a unit's name or the alias it is printed as)\n"),
        (["unit", "--unit", "火星应急局"], "kg: --unit '火星应急局': no unit of that name or alias in the store\n"),
        (["responsibility", "--sector", "coal"], "kg: --sector 'coal': unknown sector (known: coal_mine, "),
        (["documents", "--document", "临政发〔2099〕1号"], "kg: --document '临政发〔2099〕1号': no such document in the store"),
        (["responsibility", "--limit", "0"], "kg: --limit must be at least 1, got 0\n"),
    ],
)
def test_bad_arguments_are_one_line(corpus_store_dir, tmp_path, args, message):
    out = tmp_path / "v.html"
    r = CliRunner().invoke(app, ["viz", args[0], "--store", str(corpus_store_dir), "-o", str(out), *args[1:]])
    assert r.exit_code == 2
    assert r.output.startswith(message) and r.output.count("\n") == 1
    assert not out.exists()


def test_missing_store_is_one_line(tmp_path):
    r = CliRunner().invoke(app, ["viz", "documents", "--store", str(tmp_path / "none"), "-o", str(tmp_path / "v.html")])
    assert r.exit_code == 2
    assert r.output == f"kg: {tmp_path / 'none'}: no built store here (run `kg build PATH --store {tmp_path / 'none'}` first)\n"


@pytest.mark.parametrize("view", ["responsibility", "co-responsibility", "unit"])
def test_a_filter_that_selects_nothing_draws_an_empty_page(chromium, corpus_store_dir, triples, tmp_path, view):
    doc = ID + "doc/临政函〔2024〕11号"
    used = {triples.one(SD + "primarySector").get(t, "").rsplit("/", 1)[-1] for t in triples.subjects(SD + "document", doc)}
    sector = next(code for code in ("coal_mine", "gas", "fire") if code not in used)
    path = tmp_path / "empty.html"
    extra = ["--unit", "市应急局"] if view == "unit" else []
    r = CliRunner().invoke(app, ["viz", view, "--store", str(corpus_store_dir), "-o", str(path),
                                 "--document", "临政函〔2024〕11号", "--sector", sector, *extra])
    assert r.exit_code == 0, r.output
    assert r.output.endswith(f"{view} view, 0 nodes, 0 edges\n")
    visit = chromium.open(path)
    assert visit.errors == [] and visit.external == []
    assert chromium.js("return window.kgView.drawn();") == {"nodes": 0, "edges": 0}
    header = chromium.js("return document.getElementById('kg-header').textContent;")
    assert "nothing to draw: the filters select no task." in header
    assert "left out 0 nodes" not in header and "of 0." not in header


def test_same_bytes_across_processes_and_hash_seeds(corpus_store_dir, tmp_path):
    import os
    import subprocess
    import sys

    script = (
        "import sys\nfrom kg.views import render_view\n"
        "for v in ('responsibility', 'co-responsibility', 'unit', 'documents'):\n"
        "    sys.stdout.write(render_view(v, sys.argv[1], unit='市应急局' if v == 'unit' else None).html)\n"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, str(corpus_store_dir)], env=env, capture_output=True,
                              check=True, cwd=tmp_path)
        outputs.append(done.stdout)
    assert len(outputs[0]) > 1_000_000 and outputs[0] == outputs[1]
