"""Benchmarks for `make bench`: each issue's budgets, measured and reported, never asserted in `make test`."""
