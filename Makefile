# Every target creates .venv when it is missing, so a fresh clone needs only `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test lint validate site bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/strikedata build
	$(BIN)/strikedata docs

# The suite on every core (pytest-xdist), less the scale cases (@pytest.mark.scale: large generated
# inputs) and the slow end-to-end runs (@pytest.mark.slow), which CI runs once after it (.ci/run);
# run them with `.venv/bin/python -m pytest -m "scale or slow"`.
# Options go through PYTEST_ARGS, e.g. make test PYTEST_ARGS="-k release --durations=20".
PYTEST_ARGS ?=
# PYTHONDONTWRITEBYTECODE (set on some machines) would have every worker rewrite and compile every test
# module and plugin again, about 5 s each: pytest keeps them as bytecode in __pycache__ (git-ignored).
test: $(STAMP)
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n auto --dist loadgroup -m "not scale and not slow" $(PYTEST_ARGS)

# The gates: ruff (rules in pyproject.toml) over the scripts and tests, mypy over the package.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

validate: $(STAMP)
	$(BIN)/strikedata validate build/datapackage.json
	$(BIN)/frictionless validate build/datapackage.json

# The static website of the built package: open dist/site/index.html from disk, or put dist/site on any static host.
site: $(STAMP)
	$(BIN)/strikedata site build --out dist/site

# Generates 10k, 100k and 1M-row packages (valid and with seeded errors) under /tmp and times both
# validators on them; takes about a quarter of an hour, most of it frictionless on 1M rows.
# Options go through BENCH_ARGS, e.g. make bench BENCH_ARGS="--variety repeat --sizes 100000".
BENCH_ARGS ?=
bench: $(STAMP)
	$(BIN)/python scripts/benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache .ruff_cache dist .build-*
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
