"""Stages of the benchmark (benchmarks/run.py): each measures one thing and returns a few figures."""
