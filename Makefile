# tiltaksgraf: `make demo` builds the graph of the embedded report; `make test` runs the whole suite.
# Both set everything up on a fresh machine (a virtual environment in .venv).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help demo test fuzz lint format bench clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)  ## Build and validate the graph of the embedded report in build/, query it, draw its network
	$(BIN)/tiltaksgraf build
	$(BIN)/tiltaksgraf validate
	$(BIN)/tiltaksgraf query measures --format table --limit 10
	$(BIN)/tiltaksgraf network ministries --metrics
	$(BIN)/tiltaksgraf viz organisations -o build/organisations.html
	@echo "open build/organisations.html in a browser to explore who works with whom"

test: $(STAMP)  ## Run the linter and the whole test suite (installs Chromium for the browser tests if missing)
	@bash scripts/ensure-chromium.sh || echo "Chromium could not be installed: the browser tests will fail" >&2
	$(BIN)/ruff check .
	$(BIN)/pytest -q -n auto

fuzz: $(STAMP)  ## The long fuzz run, by hand: 10,000 mutated reports; writes the figures to tests/fuzz/last-run.txt
	$(BIN)/python -m tests.fuzz.run

lint: $(STAMP)  ## Lint and check formatting
	$(BIN)/ruff check .

bench: $(STAMP)  ## Run the benchmarks (by hand; figures go in the README)
	$(BIN)/python -m bench.run

clean:  ## Remove build output and the virtual environment
	rm -rf build $(VENV) *.egg-info .pytest_cache .ruff_cache
