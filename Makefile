# The two entry points a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-fast lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Creates the environment, starts the embedded PostgreSQL and opens a practice session.
run: $(STAMP)
	$(BIN)/pgdojo doctor
	$(BIN)/pgdojo serve

# Lint, type-check and the whole test suite (slow tests included: lab clusters, the browser,
# the wheel installed in a fresh venv), on 2 workers, each with a private embedded PostgreSQL.
test: $(STAMP)
	scripts/ensure-chromium
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest -n 2 --dist loadgroup -m ""

# The fast tests only (unit, in-process API and pages), for the edit-test loop.
test-fast: $(STAMP)
	$(BIN)/pytest -n 2

bench: $(STAMP)
	$(BIN)/python bench/judge.py
	$(BIN)/python bench/labs.py
	$(BIN)/python bench/design.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
