"""Benchmark the project on generated notices and print one table (benchmarks/README.md).

usage: python benchmarks/run.py [--sizes 100,1000] [--seed 1] [--jobs 2] [--work DIR] [--neo4j-uri bolt://…]

For each size: generate (or reuse) that many notices, then in fresh processes: parse them with the loaders
and score the planted attributions with ../shared/eval/score.py; build the store end to end and re-build
after changing one file; time each canned SPARQL query on the embedded store and on rdflib's engine; write
the property graph into a fresh local FalkorDB (and a Neo4j over Bolt when --neo4j-uri is given); at the
largest size, generate every view. Parts whose library function is not there yet print n/a.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchkit.measure import NotBuilt, StageResult, run_stage, self_peak_mb  # noqa: E402
from benchkit.report import Table  # noqa: E402


# -- stages, each run in its own process ----------------------------------------------------------

def _stage(name: str, a: dict) -> dict:
    corpus = Path(a.get("corpus", "."))
    store = Path(a["store"]) if a.get("store") else None
    if name == "load":
        from benchkit.accuracy import score_corpus
        from benchkit.load import load_corpus

        r = load_corpus(corpus, a["jobs"])
        duties = r.pop("duties")
        return r | score_corpus(corpus, duties)
    if name == "build":
        from benchkit.build import build_fresh

        return build_fresh(corpus, store)
    if name == "rebuild":
        from benchkit.build import rebuild_one_changed

        return rebuild_one_changed(store)
    if name == "sparql":
        from benchkit.sparql import query_latencies

        return query_latencies(store, a["query_timeout"], a["rdflib_timeout"], a["rdflib_max_quads"])
    if name == "sparql_one":
        from benchkit.sparql import store_query

        return store_query(store, a["name"])
    if name == "sparql_rdflib":
        from benchkit.sparql import rdflib_queries

        return rdflib_queries(store, a["names"], a["timeout"], a["max_quads"])
    if name == "export_score":
        from benchkit.accuracy import score_store

        return score_store(corpus, store)
    if name == "falkor":
        from benchkit.falkor import falkor_rate

        return falkor_rate(corpus, store)
    if name == "bolt":
        from benchkit.falkor import bolt_rate

        return bolt_rate(corpus, store, a["uri"], a.get("user", ""), a.get("password", ""))
    if name == "views":
        from benchkit.views import view_times

        return view_times(store, Path(a["out"]))
    raise SystemExit(f"unknown stage {name}")


def stage_main(name: str, args_json: str) -> int:
    try:
        out = _stage(name, json.loads(args_json))
    except NotBuilt as e:
        out = {"not_built": str(e)}
    out["peak_mb"] = self_peak_mb()
    print(json.dumps(out, ensure_ascii=False))
    return 0


# -- the table -----------------------------------------------------------------------------------

def _corpus(work: Path, n: int, seed: str) -> Path:
    from corpusgen import generate
    from corpusgen.generate import generator_sha

    folder = work / f"corpus-{n}-seed{seed}"
    manifest = folder / "manifest.json"
    if manifest.exists():
        m = json.loads(manifest.read_text(encoding="utf-8"))
        if m.get("n") == n and str(m.get("seed")) == str(seed) and m.get("generator_sha") == generator_sha():
            return folder
    generate(n, seed, folder)
    return folder


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated (default 100,1000)")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="loader processes (default: all cores)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kg-bench",
                    help="where corpora, stores and views go (reused between runs)")
    ap.add_argument("--neo4j-uri", default=os.environ.get("NEO4J_URI"))
    ap.add_argument("--neo4j-user", default=os.environ.get("NEO4J_USER", "neo4j"))
    ap.add_argument("--neo4j-password", default=os.environ.get("NEO4J_PASSWORD", ""))
    ap.add_argument("--query-timeout", type=float, default=60.0, help="seconds per canned query on the store (default 60)")
    ap.add_argument("--rdflib-timeout", type=float, default=20.0, help="seconds per query on rdflib (default 20)")
    ap.add_argument("--rdflib-max-quads", type=int, default=1_000_000,
                    help="skip rdflib above this many quads (loading runs at ~7k quads/s; default 1,000,000)")
    ap.add_argument("--stage-timeout", type=float, default=900.0, help="seconds per stage (default 900)")
    ap.add_argument("--skip", default="", help="stages to skip, comma-separated (load,build,sparql,falkor,views)")
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    ap.add_argument("--args", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.stage:
        return stage_main(a.stage, a.args or "{}")
    try:
        sizes = [int(x) for x in a.sizes.split(",") if x.strip()]
    except ValueError:
        ap.error(f"--sizes: not a list of integers: {a.sizes!r}")
    if not sizes or min(sizes) < 1:
        ap.error("--sizes: give at least one size >= 1")
    skip = {x.strip() for x in a.skip.split(",") if x.strip()}
    table = Table(sizes)
    a.work.mkdir(parents=True, exist_ok=True)
    for n in sizes:
        corpus = _corpus(a.work, n, a.seed)
        store = a.work / f"store-{n}"
        common = {"corpus": str(corpus), "store": str(store), "jobs": a.jobs,
                  "query_timeout": a.query_timeout, "rdflib_timeout": a.rdflib_timeout,
                  "rdflib_max_quads": a.rdflib_max_quads}
        m = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
        table.corpus(n, m)
        print(f"[{n}] corpus {corpus} ({m['bytes'] / 1e6:.1f} MB, {m['duties']} planted tasks)", file=sys.stderr)
        stages = [("load", {}), ("build", {}), ("rebuild", {}), ("export_score", {}), ("sparql", {}), ("falkor", {})]
        if a.neo4j_uri:
            stages.append(("bolt", {"uri": a.neo4j_uri, "user": a.neo4j_user, "password": a.neo4j_password}))
        if n == max(sizes):
            stages.append(("views", {"out": str(a.work / f"views-{n}")}))
        for name, extra in stages:
            if name in skip or (name in ("export_score", "rebuild") and "build" in skip):
                table.add(name, n, StageResult(False, {}, 0.0, 0.0, "skipped"))
                continue
            print(f"[{n}] {name} …", file=sys.stderr)
            table.add(name, n, run_stage(name, common | extra, timeout=a.stage_timeout))
    print(table.render(machine=_machine(a.jobs)))
    return 0


def _machine(jobs: int) -> str:
    import platform

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores{mem}, {cpu or platform.processor()}, Python {platform.python_version()}, {jobs} loader processes"


if __name__ == "__main__":
    sys.exit(main())
