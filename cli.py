"""`kg`: a thin command line over the library.

Each command parses its arguments, calls one library function, prints the result and maps
kg.errors.KgError to a one-line message and an exit code (0 ok, 1 checks found problems,
2 bad input / cannot run).
"""

from __future__ import annotations

import typer

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__.splitlines()[0])


def main() -> None:
    """Entry point of the `kg` console script."""
    app()


if __name__ == "__main__":
    main()
