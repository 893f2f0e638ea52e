# tiltaksgraf: `make demo` builds the graph of the embedded report; `make test` runs the whole suite.
# Both set everything up on a fresh machine (a virtual environment in .venv).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help demo test fuzz lint format bench owl network-picture clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@# Bytecode now, as pip writes it for a regular install: an editable one leaves it to the first run, which
	@# cannot keep it where PYTHONDONTWRITEBYTECODE is set (every command then compiles what it imports).
	$(BIN)/python -m compileall -q tiltaksgraf loaders graph viz ontology queries data > /dev/null
	touch $(STAMP)

demo: $(STAMP)  ## Build and validate the graph of the embedded report in build/, query it, draw its network, write the site
	$(BIN)/tiltaksgraf build
	$(BIN)/tiltaksgraf validate
	$(BIN)/tiltaksgraf query measures --format table --limit 10
	$(BIN)/tiltaksgraf network ministries --metrics
	$(BIN)/tiltaksgraf viz organisations -o build/organisations.html
	$(BIN)/tiltaksgraf site -o build/site
	@echo "open build/organisations.html in a browser to explore who works with whom,"
	@echo "and build/site/index.html to browse the measures, organisations and documents (offline, nb/en)"

test: $(STAMP)  ## Run the linter and the whole test suite (installs Chromium and Java for the browser and OWL tests if missing)
	@bash scripts/ensure-chromium.sh || echo "Chromium could not be installed: the browser tests will fail" >&2
	@bash scripts/ensure-debian-package.sh javac default-jdk-headless "the OWL test (HermiT)" \
		|| echo "Java could not be installed: the OWL tests will fail" >&2
	$(BIN)/ruff check .
	$(BIN)/pytest -q -n auto

fuzz: $(STAMP)  ## The long fuzz run, by hand: 10,000 mutated reports; writes the figures to tests/fuzz/last-run.txt
	$(BIN)/python -m tests.fuzz.run

lint: $(STAMP)  ## Lint and check formatting
	$(BIN)/ruff check .

owl: $(STAMP)  ## The OWL 2 DL profile check and HermiT over build/graph.ttl (needs Java; run `make demo` first)
	@bash scripts/ensure-debian-package.sh javac default-jdk-headless "the OWL check (HermiT)"
	$(BIN)/python scripts/owl-check.py build/graph.ttl

bench: $(STAMP)  ## Run the benchmarks (by hand; figures go in the README)
	$(BIN)/python -m bench.run

network-picture: $(STAMP)  ## Redraw docs/network.png and the README's network figures from a fresh build
	@bash scripts/ensure-chromium.sh || echo "Chromium could not be installed: the picture cannot be drawn" >&2
	$(BIN)/python scripts/readme_networks.py

clean:  ## Remove build output and the virtual environment
	rm -rf build $(VENV) *.egg-info .pytest_cache .ruff_cache
