# Every target creates .venv when it is missing, so a fresh clone needs only `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test validate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/strikedata build
	$(BIN)/strikedata docs

test: $(STAMP)
	$(BIN)/python -m pytest

validate: $(STAMP)
	$(BIN)/strikedata validate build/datapackage.json
	$(BIN)/frictionless validate build/datapackage.json

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis dist .build-*
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
