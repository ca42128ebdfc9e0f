# The two commands of the README: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test setup setup-dev lint bench

setup:
	@tools/setup.sh requirements.txt

setup-dev:
	@tools/setup.sh requirements-dev.txt

run: setup
	$(PY) main.py

# Tests (offscreen Qt), lint, types, and the benchmarks in their small mode.
test: setup-dev
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m bench --small

bench: setup-dev
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
