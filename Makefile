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

# The application bundle: dist/outreach-scheduler/ (PyInstaller, one folder; slow: several minutes).
# Its build tools come from requirements-bundle.txt, installed by this target only.
.PHONY: bundle
bundle: setup
	@tools/setup.sh requirements-bundle.txt
	$(PY) -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/outreach-scheduler.spec
