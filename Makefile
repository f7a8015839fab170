# The two commands of the Quick start: `make demo` and `make test`.
# Each creates the project's virtual environment in .venv on first use.
PYTHON ?= python3
# afsolver, a peer in the benchmark, needs Python 3.13 or later.
PYTHON313 ?= python3.13
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck check bench clean docs docs-images docs-principles

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet -e '.[count]' || echo "pyganak has no wheel for this machine: counting lists extensions, and its tests are skipped"
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
	if $(PYTHON313) -c "" 2>/dev/null; then \
	  test -d benchmarks/.peers313/lib/python3*/site-packages/afsolver || \
	  ($(PYTHON313) -m venv benchmarks/.peers313 && benchmarks/.peers313/bin/python -m pip install --quiet afsolver); \
	else echo "no $(PYTHON313) (set PYTHON313): afsolver, which needs Python 3.13, is left out"; fi
	$(BIN)/python benchmarks/run.py --sizes 100 1000 5000 30000 --limit 10
