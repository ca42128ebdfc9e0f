"""The made-up hospital for demos, tests and benchmarks, and its year of office life."""
