"""Benchmarks that print their figures; `python -m bench --small` is the quick mode CI runs."""
