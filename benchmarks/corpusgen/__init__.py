"""Deterministic generator of realistic work-safety notices with their planted attributions.

    from corpusgen import generate
    summary = generate(n=100, seed=7, out_dir=Path("gen"))

Writes DIR/<nnnnn>_<sha16>.txt, DIR/gold/<file>.json (the shape of ../shared/eval/GOLD_SCHEMA.md, scored by
../shared/eval/score.py), DIR/truth.jsonl (one line per planted task) and DIR/manifest.json.
"""

from .generate import FileResult, generate, generate_file

__all__ = ["generate", "generate_file", "FileResult"]
