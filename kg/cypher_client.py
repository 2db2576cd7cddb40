"""One way to run a Cypher statement with parameters, over FalkorDB's native protocol or Bolt.

The writer and the canned-query runner take a CypherClient; they never see a driver. The dialect
(``falkordb`` or ``neo4j``) is an explicit setting of the client, never guessed from the server's
agent string (FalkorDB announces itself over Bolt as "Neo4j/5.13.0").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from kg.errors import BackendError, QueryError

__all__ = [
    "DIALECTS",
    "CypherResult",
    "CypherClient",
    "FalkorClient",
    "BoltClient",
    "open_bolt",
    "BOLT_SCHEMES",
]

DIALECTS = ("falkordb", "neo4j")
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True)
class CypherResult:
    """Columns, rows (values as the server returned them) and write counters."""

    columns: tuple[str, ...] = ()
    rows: tuple[tuple[Any, ...], ...] = ()
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0


class CypherClient(Protocol):
    """Runs one statement; raises QueryError (bad statement) or BackendError (server)."""

    dialect: str
    address: str

    def run(self, statement: str, params: Mapping[str, Any] | None = None) -> CypherResult: ...


class FalkorClient:
    """A FalkorDB graph over the native (Redis) protocol."""

    def __init__(self, graph: Any, address: str, dialect: str = "falkordb"):
        self.graph = graph
        self.address = address
        self.dialect = dialect

    def run(self, statement: str, params: Mapping[str, Any] | None = None) -> CypherResult:
        import redis

        try:
            result = self.graph.query(statement, dict(params or {}))
        except redis.ResponseError as exc:
            raise QueryError(f"FalkorDB at {self.address} refused the statement: {_first_line(exc)}") from exc
        except (redis.RedisError, OSError) as exc:
            raise BackendError(f"cannot reach FalkorDB at {self.address}: {_first_line(exc)}") from exc
        columns = tuple(str(col[1]) if isinstance(col, (list, tuple)) else str(col) for col in result.header)
        return CypherResult(
            columns=columns,
            rows=tuple(tuple(row) for row in result.result_set),
            nodes_created=int(result.nodes_created),
            nodes_deleted=int(result.nodes_deleted),
            relationships_created=int(result.relationships_created),
            relationships_deleted=int(result.relationships_deleted),
        )


class BoltClient:
    """Neo4j (or FalkorDB's Bolt endpoint) through the official driver's ``execute_query``."""

    def __init__(self, driver: Any, address: str, database: str | None = None, dialect: str = "neo4j"):
        self.driver = driver
        self.address = address
        self.database = database
        self.dialect = dialect

    def run(self, statement: str, params: Mapping[str, Any] | None = None) -> CypherResult:
        from neo4j.exceptions import ClientError, DriverError, Neo4jError

        try:
            records, summary, keys = self.driver.execute_query(
                statement, dict(params or {}), database_=self.database
            )
        except ClientError as exc:
            raise QueryError(f"{self.address} refused the statement: {_first_line(exc.message or exc)}") from exc
        except (Neo4jError, DriverError, OSError) as exc:
            raise BackendError(f"cannot connect to {self.address}: {_first_line(exc)}") from exc
        counters = summary.counters
        return CypherResult(
            columns=tuple(keys),
            rows=tuple(tuple(record.values()) for record in records),
            nodes_created=counters.nodes_created,
            nodes_deleted=counters.nodes_deleted,
            relationships_created=counters.relationships_created,
            relationships_deleted=counters.relationships_deleted,
        )

    def close(self) -> None:
        """Close the driver."""
        self.driver.close()


def open_bolt(
    uri: str,
    user: str | None = None,
    password: str | None = None,
    *,
    database: str | None = None,
    dialect: str = "neo4j",
    timeout: float = 15.0,
) -> BoltClient:
    """Connect with the official driver and check the connection; BackendError if unreachable."""
    import neo4j
    from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError

    if dialect not in DIALECTS:
        raise QueryError(f"unknown Cypher dialect {dialect!r}: use one of {', '.join(DIALECTS)}")
    scheme = uri.split("://", 1)[0] if "://" in uri else ""
    if scheme not in BOLT_SCHEMES:
        raise BackendError(f"cannot connect to {uri}: not a Bolt URI (use {', '.join(s + '://' for s in BOLT_SCHEMES)})")
    auth = (user, password or "") if user else None
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=auth, connection_timeout=timeout, max_transaction_retry_time=timeout)
    except (ConfigurationError, ValueError) as exc:
        raise BackendError(f"cannot connect to {uri}: {_first_line(exc)}") from exc
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        driver.close()
        raise BackendError(f"cannot connect to {uri}: authentication failed for user {user!r}") from exc
    except (Neo4jError, DriverError, OSError) as exc:
        driver.close()
        raise BackendError(f"cannot connect to {uri}: {_first_line(exc)}") from exc
    return BoltClient(driver, uri, database=database, dialect=dialect)


def _first_line(exc: object) -> str:
    """One line from an exception: the first line, or the `reason …` the driver buries below it."""
    text = str(exc).strip()
    if not text:
        return type(exc).__name__
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if "(reason " in line:
            return line[line.index("(reason ") + 8 :].rstrip(")")
    return lines[0].rstrip(":")
