# Quick start: `make demo` and `make test`; both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXAMPLE := examples/limousine-gift.txt
# Real sanctions lists, beside the repository in the development checkout.
LISTS := ../shared/data/lists
UN_LIST := $(LISTS)/un-consolidated-2026-02-27.xml
SDN_LIST := $(LISTS)/ofac-sdn-2024-05-03/sdn.csv
# The demo's workspace: the bundled reports of the same events, kept apart
# from the user's own store (inside .venv, so `make clean` removes it).
WORKSPACE_EXAMPLES := examples/workspace
DEMO_STORE := sqlite:///$(abspath $(VENV))/demo-workspace.sqlite

.PHONY: setup demo test lint format bench browser clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c constraints.txt -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# The demo screens parties too when the real lists are at hand: it loads them
# once into the default store (SQLite, see `sanctrace lists --help`).
demo: setup
	@if [ -f $(UN_LIST) ] && ! $(BIN)/sanctrace lists | grep -q un_sc_sanctions; then \
		$(BIN)/sanctrace lists import $(UN_LIST) $(SDN_LIST); \
	fi
	$(BIN)/sanctrace analyze $(EXAMPLE) --format table --html report.html
	@echo "Report written to report.html"
	$(BIN)/sanctrace ingest $(WORKSPACE_EXAMPLES) --no-screen --store $(DEMO_STORE)
	$(BIN)/sanctrace events --format table --store $(DEMO_STORE)
	@echo "Browse these events and findings: add a user, then serve the workspace (Ctrl-C stops it):"
	@echo "  $(BIN)/sanctrace users add analyst --role analyst --store $(DEMO_STORE)"
	@echo "  $(BIN)/sanctrace serve --store $(DEMO_STORE)   # then open http://127.0.0.1:8000/"

# The browser tests drive Debian's Chromium; CI machines start without it.
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

test: setup browser
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

format: setup
	$(BIN)/ruff format src tests benchmarks tools
	$(BIN)/ruff check --fix src tests benchmarks tools

bench: setup
	$(BIN)/python benchmarks/throughput.py

bench-web: setup
	$(BIN)/python benchmarks/web.py

clean:
	rm -rf $(VENV) report.html .pytest_cache
