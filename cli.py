"""`kg`: a thin command line over the library.

Each command parses its arguments, calls one library function, prints the result and maps
kg.errors.KgError to a one-line message and an exit code (0 ok, 1 checks found problems,
2 bad input / cannot run).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.errors import BackendError, KgError

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__.splitlines()[0])


# --- property graph: Neo4j push (helper B, issue 8) ---

neo4j_app = typer.Typer(no_args_is_help=True, help="Push the property graph to your own Neo4j (Desktop, server, Aura).")
app.add_typer(neo4j_app, name="neo4j")


class CypherDialect(str, Enum):
    """Which server speaks at the URI (FalkorDB announces itself as Neo4j over Bolt, so say it)."""

    neo4j = "neo4j"
    falkordb = "falkordb"


def _fail(exc: KgError) -> typer.Exit:
    typer.echo(f"kg: {exc}", err=True)
    return typer.Exit(code=exc.exit_code)


@neo4j_app.command("push")
def neo4j_push(
    uri: Annotated[Optional[str], typer.Option(envvar="NEO4J_URI", help="bolt://host:7687, neo4j+s://….databases.neo4j.io")] = None,
    user: Annotated[str, typer.Option(envvar="NEO4J_USER", help="Neo4j user.")] = "neo4j",
    password: Annotated[str, typer.Option(envvar="NEO4J_PASSWORD", help="Neo4j password.")] = "",
    database: Annotated[Optional[str], typer.Option(help="Database name (default: the server's default).")] = None,
    store: Annotated[Path, typer.Option(help="Store folder written by `kg build`.")] = Path("kg-data"),
    batch_bytes: Annotated[int, typer.Option(help="Upper bound of one batch's rows, in bytes.")] = 1_000_000,
    replace: Annotated[bool, typer.Option("--replace", help="First remove this project's nodes of the documents being pushed.")] = False,
    dialect: Annotated[CypherDialect, typer.Option(help="Schema statements for this server.")] = CypherDialect.neo4j,
) -> None:
    """Write the store's property graph to Neo4j over Bolt (idempotent: pushing twice changes nothing)."""
    from kg.neo4j_push import push_store

    if not uri:
        raise _fail(BackendError("no Neo4j URI: pass --uri bolt://… or set NEO4J_URI"))
    try:
        report = push_store(
            store, uri, user, password, database=database, batch_bytes=batch_bytes, replace=replace, dialect=dialect.value
        )
    except KgError as exc:
        raise _fail(exc) from None
    typer.echo(
        f"pushed {report.nodes} nodes and {report.relationships} relationships to {uri} in {report.batches} batches "
        f"({report.nodes_created} nodes and {report.relationships_created} relationships new"
        + (f", {report.nodes_deleted} nodes replaced)" if replace else ")")
    )


# --- year-over-year diff (helper E, issue 7) ---


class DiffFormat(str, Enum):
    table = "table"
    json = "json"
    html = "html"


@app.command("diff")
def diff(
    doc_a: Annotated[str, typer.Argument(help="Older document: a file (FILE or FILE::文号) or a 文号 in the store.")],
    doc_b: Annotated[str, typer.Argument(help="Newer document, same forms.")],
    store: Annotated[Path, typer.Option(help="Store folder written by `kg build` (for 文号 arguments).")] = Path("kg-data"),
    fmt: Annotated[DiffFormat, typer.Option("--format", help="Output format.")] = DiffFormat.table,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of stdout (- is stdout).")] = None,
) -> None:
    """Year-over-year diff: tasks added, removed and kept; owners added/removed and role changes; by sector."""
    from kg.diff import run_diff

    try:
        text = run_diff(doc_a, doc_b, fmt.value, store)
    except KgError as exc:
        raise _fail(exc) from None
    if _is_stdout(output):
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _fail(KgError(f"{output}: cannot write ({exc.strerror})")) from None
    typer.echo(f"wrote {output}")


class LineageFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("lineage")
def lineage_cmd(
    store: Annotated[Path, typer.Option(help="Store folder written by `kg build`.")] = Path("kg-data"),
    fmt: Annotated[LineageFormat, typer.Option("--format", help="Output format.")] = LineageFormat.table,
) -> None:
    """Which document cites which (by 文号 or title), and each lower-level task aligned to the task it implements."""
    from kg.lineage import run_lineage

    try:
        typer.echo(run_lineage(store, fmt.value), nl=False)
    except KgError as exc:
        raise _fail(exc) from None


# --- graph: build, export, query, stats, report (helper A, issue 4) ---

DEFAULT_STORE = Path("kg-data")
StoreOption = Annotated[Path, typer.Option("--store", help="Store folder (written by `kg build`).")]


def _is_stdout(output: Optional[Path]) -> bool:
    """No -o, or -o - (the usual name for standard output)."""
    return output is None or str(output) == "-"


def _write_or_print(data: bytes, output: Optional[Path]) -> None:
    """Write bytes to OUTPUT, or to stdout."""
    if _is_stdout(output):
        typer.echo(data.decode("utf-8"), nl=False)
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise _fail(KgError(f"{output}: cannot write ({exc.strerror})")) from None
    typer.echo(f"wrote {output}", err=True)


@app.command("build")
def build_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Notice files or folders (txt, md, docx, pdf, html).")],
    store: StoreOption = DEFAULT_STORE,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List the unplaced text spans.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) when text was left unplaced or a file has warnings.")] = False,
    max_size: Annotated[Optional[int], typer.Option("--max-size", help="Largest input file in MB.", min=1)] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Processes that parse files (default: every core).", min=1)] = None,
) -> None:
    """Read notices into the graph store: per file documents, sections, tasks and unplaced characters."""
    from kg.build import build
    from kg.progress import progress_bar

    try:
        with progress_bar("kg build") as tick:
            report = build(paths, store, max_size * 1024 * 1024 if max_size else None, jobs=jobs, progress=tick)
    except KgError as exc:
        raise _fail(exc) from None
    for line in report.lines(verbose):
        typer.echo(line)
    if report.errors or report.skipped:
        raise typer.Exit(code=2)
    if strict and report.doubts:
        typer.echo(f"kg: --strict: {len(report.doubts)} files with unplaced text or warnings", err=True)
        raise typer.Exit(code=1)


export_app = typer.Typer(no_args_is_help=True, help="Export what the store holds (JSON Lines or RDF).")
app.add_typer(export_app, name="export")
OutputOption = Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of stdout (- is stdout).")]


class RdfFormat(str, Enum):
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"


def _export(what: str, store: Path, output: Optional[Path], fmt: str = "ttl") -> None:
    from kg.export import export_file, write_export

    try:
        if _is_stdout(output):
            write_export(what, store, typer.get_binary_stream("stdout"), fmt)
        else:
            export_file(what, store, output, fmt)
    except KgError as exc:
        raise _fail(exc) from None
    if not _is_stdout(output):
        typer.echo(f"wrote {output}", err=True)


@export_app.command("documents")
def export_documents(store: StoreOption = DEFAULT_STORE, output: OutputOption = None) -> None:
    """One JSON line per document: 文号, issuer, title, date, jurisdiction, level, kind, lists, offsets."""
    _export("documents", store, output)


@export_app.command("duties")
def export_duties(store: StoreOption = DEFAULT_STORE, output: OutputOption = None) -> None:
    """One JSON line per task: document, section, text, offsets, units with roles, open list, sector."""
    _export("duties", store, output)


@export_app.command("rdf")
def export_rdf_cmd(
    store: StoreOption = DEFAULT_STORE,
    output: OutputOption = None,
    fmt: Annotated[RdfFormat, typer.Option("--format", help="Turtle, N-Triples or JSON-LD.")] = RdfFormat.ttl,
) -> None:
    """The graph of every built file as Turtle, N-Triples or JSON-LD."""
    _export("rdf", store, output, fmt.value)


@export_app.command("neo4j-csv")
def export_neo4j_csv_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the CSV files and import.sh.")],
    store: StoreOption = DEFAULT_STORE,
    database: Annotated[str, typer.Option(help="Database name in import.sh.")] = "neo4j",
) -> None:
    """The property graph as neo4j-admin bulk-import CSVs (nodes_*.csv, rels_*.csv, import.sh)."""
    from kg.neo4j_csv import export_store_csv

    try:
        report = export_store_csv(store, output, database)
    except KgError as exc:
        raise _fail(exc) from None
    typer.echo(f"wrote {len(report.files)} files to {output}: {report.nodes} nodes, {report.relationships} relationships")


class RowFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _params(values: list[str]) -> dict[str, str]:
    out = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"{item!r}: expected NAME=VALUE", param_hint="--param")
        out[key.strip()] = value
    return out


class QueryEngine(str, Enum):
    sparql = "sparql"
    cypher = "cypher"


@app.command("query")
def query_cmd(
    name: Annotated[Optional[str], typer.Argument(help="A canned query (see --list).")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the canned queries and their parameters.")] = False,
    sparql: Annotated[Optional[str], typer.Option("--sparql", help="Run free SPARQL from FILE, or - for stdin.")] = None,
    param: Annotated[list[str], typer.Option("--param", "-p", help="NAME=VALUE, repeatable.")] = [],
    fmt: Annotated[RowFormat, typer.Option("--format", help="Aligned table, CSV or JSON.")] = RowFormat.table,
    store: StoreOption = DEFAULT_STORE,
    output: OutputOption = None,
    engine: Annotated[QueryEngine, typer.Option("--engine", help="sparql: the embedded store. cypher: the same question in Cypher (queries/*.cypher) on the store's local FalkorDB, or on the server at --uri.")] = QueryEngine.sparql,
    uri: Annotated[Optional[str], typer.Option("--uri", help="With --engine cypher: a Bolt URI (Neo4j) instead of the local FalkorDB.")] = None,
    user: Annotated[str, typer.Option(envvar="NEO4J_USER", help="With --uri: user.")] = "neo4j",
    password: Annotated[str, typer.Option(envvar="NEO4J_PASSWORD", help="With --uri: password.")] = "",
    database: Annotated[Optional[str], typer.Option(help="With --uri: database name.")] = None,
    dialect: Annotated[Optional[CypherDialect], typer.Option(help="With --engine cypher: the server's dialect (default: falkordb locally, neo4j at --uri).")] = None,
) -> None:
    """Answer a canned question (queries/*.rq) or free SPARQL over the store."""
    from kg.queries import answer, describe_queries

    if list_:
        typer.echo(describe_queries(), nl=False)
        return
    if engine is QueryEngine.cypher:
        from kg.cypher_engine import answer_text

        if sparql is not None or name is None:
            raise _fail(KgError("--engine cypher answers a canned question: give its NAME (see --list), not --sparql"))
        try:
            text = answer_text(
                store, name, _params(param), fmt.value,
                uri=uri, user=user, password=password, database=database, dialect=dialect.value if dialect else None,
            )
        except KgError as exc:
            raise _fail(exc) from None
        _write_or_print(text.encode("utf-8"), output)
        return
    text = None
    if sparql is not None:
        try:
            text = typer.get_text_stream("stdin").read() if sparql == "-" else Path(sparql).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise _fail(KgError(f"{sparql}: cannot read ({getattr(exc, 'strerror', None) or exc})")) from None
    try:
        result = answer(store, name, text, _params(param), fmt.value)
    except KgError as exc:
        raise _fail(exc) from None
    _write_or_print(result.encode("utf-8"), output)


class StatsFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("stats")
def stats_cmd(
    store: StoreOption = DEFAULT_STORE,
    top: Annotated[int, typer.Option("--top", min=0, help="How many top units to list.")] = 10,
    fmt: Annotated[StatsFormat, typer.Option("--format", help="Aligned tables or JSON.")] = StatsFormat.table,
) -> None:
    """Per-document and corpus summary: tasks, units, % unowned, % overlaps, top units."""
    from kg.stats import stats_summary

    try:
        text = stats_summary(store, top, fmt.value)
    except KgError as exc:
        raise _fail(exc) from None
    typer.echo(text, nl=False)


@app.command("report")
def report_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="Markdown file to write.")],
    store: StoreOption = DEFAULT_STORE,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows per ranked list.")] = 15,
) -> None:
    """Write the summary, problem lists and co-responsibility analytics as a Markdown report."""
    from kg.report import build_report

    try:
        text = build_report(store, top)
    except KgError as exc:
        raise _fail(exc) from None
    _write_or_print(text.encode("utf-8"), output)


# --- network views (helper C, issue 6) ---


class ViewName(str, Enum):
    responsibility = "responsibility"
    co_responsibility = "co-responsibility"
    unit = "unit"
    documents = "documents"


@app.command("viz")
def viz_cmd(
    view: Annotated[ViewName, typer.Argument(help="responsibility | co-responsibility | unit | documents")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write (standalone, works offline).")],
    store: StoreOption = DEFAULT_STORE,
    document: Annotated[Optional[str], typer.Option("--document", help="Only this document (文号, or file stem#n).")] = None,
    sector: Annotated[Optional[str], typer.Option("--sector", help="Only tasks of this sector (code or label, e.g. coal_mine or 煤矿).")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="The unit (name or alias, e.g. 市应急局); required by the unit view, a filter elsewhere.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Above this many tasks (unit pairs in co-responsibility) the view aggregates.")] = 500,
) -> None:
    """Write an interactive network view as one standalone HTML page (legend, search, filters, tooltips)."""
    from kg.views import render_view

    try:
        result = render_view(view.value, store, document=document, sector=sector, unit=unit, limit=limit)
    except KgError as exc:
        raise _fail(exc) from None
    try:
        output.write_text(result.html, encoding="utf-8")
    except OSError as exc:
        raise _fail(KgError(f"{output}: cannot write ({exc.strerror})")) from None
    typer.echo(f"wrote {output}: {view.value} view, {result.nodes} nodes, {result.edges} edges")


def main() -> None:
    """Entry point of the `kg` console script."""
    app()


if __name__ == "__main__":
    main()
