"""Benchmarks for newsfacts: a synthetic corpus generator and a runner (``python -m bench.run``).

Not part of the package and not a test suite: see BENCHMARKS.md.
"""
