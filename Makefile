# The two commands of the Quick start: `make demo` and `make test`.
# Each creates the project's virtual environment in .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck check bench clean docs docs-images docs-principles

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/russia_hamas.py out

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2

lint: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks docs
	$(BIN)/ruff format --check src tests examples benchmarks docs

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

clean:
	rm -rf $(VENV) build dist

docs-images: $(STAMP)
	$(BIN)/python docs/make_images.py

docs: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	$(BIN)/mkdocs build --strict

docs-principles: $(STAMP)
	$(BIN)/python docs/make_principles.py

bench: $(STAMP)
	test -x benchmarks/.peers/bin/python -a -d benchmarks/.peers/lib/python3*/site-packages/py_arg || ($(PYTHON) -m venv benchmarks/.peers && benchmarks/.peers/bin/python -m pip install --quiet pygarg python-sat python-argumentation 'formal-argumentation[sat,z3]')
	$(BIN)/python benchmarks/run.py --sizes 100 1000 5000 30000 --limit 10
