# The two commands a newcomer runs: `make demo` and `make test` (both set up .venv first).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test bench bench-viewer bench-store fuzz lock clean

$(STAMP): requirements/lock.txt requirements/model.txt requirements/build.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/lock.txt
	# The spaCy model in its own step, pinned by hash.
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet -r requirements/build.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/graphbuild build -o output

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	GRAPHBUILD_BENCH=1 $(PY) -m pytest tests/bench -q -s -p no:randomly --no-header -o addopts="" -o testpaths=tests/bench

# The HTML network: 5,000 nodes / 15,000 edges rendered and drawn in headless Chromium.
bench-viewer: $(STAMP)
	GRAPHBUILD_BENCH=1 $(PY) -m pytest tests/bench/test_viewer_bench.py -q -s -p no:randomly --no-header -o addopts=""

# Loading 1M triples: embedded Oxigraph store, Oxigraph server and Virtuoso over the Graph Store Protocol.
bench-store: $(STAMP)
	GRAPHBUILD_BENCH=1 $(PY) -m pytest tests/bench/test_store_bench.py -q -s -p no:randomly --no-header -o addopts=""

# Fuzz ingest and a one-document build for FUZZ_SECONDS each (atheris, else hypothesis);
# not part of `make test`. A crash is saved under /tmp/graphbuild-fuzz-*; add it to
# tests/unit/test_fuzz_regressions.py.
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	$(PY) tests/fuzz/harness.py ingest $(FUZZ_SECONDS)
	$(PY) tests/fuzz/harness.py build $(FUZZ_SECONDS)

# Re-pin every package from the current .venv (after a deliberate upgrade).
lock:
	$(PY) -m pip freeze --exclude-editable | grep -v -e '^en-core-web-sm' -e '^en_core_web_sm' > requirements/lock.tmp
	{ echo "# Every package graphbuild and its tests install, pinned (pip freeze of a working .venv)."; \
	  echo "# Regenerate with: make lock"; cat requirements/lock.tmp; } > requirements/lock.txt
	rm requirements/lock.tmp

clean:
	rm -rf $(VENV) output/graph.* output/report.json .pytest_cache tests/artifacts
