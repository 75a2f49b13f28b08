# chronicle — set-up, demo and tests. `make demo` and `make test` set up first when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-fast lint lock bench browser clean vendor

GAZETTEER := build/places/gazetteer.sqlite

setup: $(STAMP) $(GAZETTEER)

# The lock pins every package with sha256 hashes; pip refuses anything that does not match.
$(STAMP): requirements/lock.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Built from the pinned packages' data; rebuilt when its builder or its reader's format changes.
$(GAZETTEER): $(STAMP) scripts/build_gazetteer.py src/chronicle/extract/gazetteer.py src/chronicle/data/places/supplement.yaml
	$(BIN)/python scripts/build_gazetteer.py

# Debian's chromium for the Playwright browser tests (Playwright never downloads its own browser here).
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: run 'sudo apt-get install chromium'" >&2; exit 1; fi; }

# Re-fetch the vendored web-page libraries (pinned versions, integrity-checked); the result is committed.
vendor:
	sh scripts/vendor-frontend.sh

# Built in a new file renamed over the old one: a server reading demo.duckdb sees the old store, then the new.
demo: setup
	rm -f demo.duckdb.new demo.duckdb.new.wal demo.duckdb.new.lock
	$(BIN)/chronicle ingest examples/ --db demo.duckdb.new --summary
	mv -f demo.duckdb.new demo.duckdb
	rm -f demo.duckdb.new.lock
	@echo "demo.duckdb is ready: .venv/bin/chronicle serve --db demo.duckdb, then open http://127.0.0.1:8000/"

test: setup browser
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow"

lint: setup
	$(BIN)/ruff check .

# Re-resolve the pinned lock from requirements/*.in (needs network; run by maintainers, not by set-up).
lock: setup
	$(BIN)/uv pip compile requirements/dev.in --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-manylinux_2_28 --no-header -o requirements/lock.txt

bench: setup
	$(BIN)/python bench/throughput.py --corpus ../shared/eval/polnear/train/text

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache demo.duckdb demo.duckdb.lock
