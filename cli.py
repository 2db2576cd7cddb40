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
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Year-over-year diff: tasks added, removed and kept; owners added/removed and role changes; by sector."""
    from kg.diff import run_diff

    try:
        text = run_diff(doc_a, doc_b, fmt.value, store)
    except KgError as exc:
        raise _fail(exc) from None
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _fail(KgError(f"{output}: cannot write ({exc.strerror})")) from None
    typer.echo(f"wrote {output}")


def main() -> None:
    """Entry point of the `kg` console script."""
    app()


if __name__ == "__main__":
    main()
