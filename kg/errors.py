"""Errors the library raises; the CLI maps each to a one-line message and an exit code."""

from __future__ import annotations

__all__ = ["KgError", "InputError", "StoreError", "QueryError", "BackendError"]


class KgError(Exception):
    """Base class: a problem to report in one line, never a traceback."""

    exit_code = 2


class InputError(KgError):
    """An input file cannot be read or is not a notice. The message names the file."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class StoreError(KgError):
    """The store folder is missing, empty or unusable."""


class QueryError(KgError):
    """A canned query is unknown, or a query or its parameters are malformed."""


class BackendError(KgError):
    """A graph server (FalkorDB, Neo4j) cannot be reached or refused the work."""
