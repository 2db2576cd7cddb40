"""Generate N realistic work-safety notices and what they plant (benchmarks/README.md).

usage: python benchmarks/make_corpus.py N --seed S -o DIR

Same N and seed -> byte-identical files. File i depends only on (seed, i), so a small corpus is a prefix
of a larger one with the same seed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpusgen import generate  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of files")
    ap.add_argument("--seed", default="1", help="seed (any string; default 1)")
    ap.add_argument("-o", "--out", required=True, type=Path, help="output folder")
    a = ap.parse_args(argv)
    if a.n < 0:
        ap.error("N must be >= 0")
    m = generate(a.n, a.seed, a.out)
    print(f"{m['files']} files, {m['documents']} documents, {m['duties']} tasks, {m['assignments']} planted "
          f"assignments, {m['bytes'] / 1e6:.1f} MB -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
