# Everything a fresh machine with python3 and make needs: the venv is created and filled on first use,
# and refilled when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test
RUN_STAMP := $(VENV)/.installed-run

.PHONY: run test lint types unit bench fmt snapshot-update clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/journey $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(STAMP)
	$(BIN)/mypy

# Three workers on two cores: the app walks, the tmux tests and the real processes spend much of their time
# waiting on a terminal or a child, so a third worker fills the idle CPU (2 cores: 4m42 with two workers, 3m59 with
# three, 4m19 with four); work stealing keeps them busy while the few long tests (the app walks) run.
unit: $(STAMP)
	$(BIN)/pytest -n 3 --dist worksteal

test: lint types unit

bench: $(STAMP)
	$(BIN)/python -m tests.benchmarks

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

snapshot-update: $(STAMP)
	$(BIN)/pytest --snapshot-update tests/tui/test_snapshots.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache dist build
