# Two commands on a fresh machine (Python 3.11+, git, make):
#   make demo   set up .venv and audit the sample reports in reports/
#   make test   set up .venv and run the whole test suite (lint and types included)
#   make serve  set up .venv and run the self-check page on http://127.0.0.1:8000/
# For contributors (CONTRIBUTING.md): make lint, make sync-standards,
# make update-dev-tools.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test serve lint sync-standards update-dev-tools bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/checklist inspect reports/
	$(BIN)/checklist audit reports/ --format table
	mkdir -p audit-out
	$(BIN)/checklist audit reports/ --format json -o audit-out/audit.json
	$(BIN)/checklist audit reports/2023-chongqing-rongchang-wujia-town.txt --format markdown -o audit-out/sample.md
	$(BIN)/checklist audit reports/ --format html -o audit-out/
	@echo "JSON: audit-out/audit.json  Markdown: audit-out/sample.md  HTML: audit-out/index.html (and a page per report)"

serve: $(STAMP)
	$(BIN)/checklist serve

# ruff (with the complexity rule, C901 at most 15), ruff's format check, and mypy --strict
# on the package and the tests. `ruff format src tests bench` fixes what the check finds.
lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src tests

# standards/ is the copy users read and edit; the package loads src/checklist/standards/.
# tests/test_standards_sync.py fails until the two hold the same files.
sync-standards:
	rm -f src/checklist/standards/*.yaml
	cp standards/*.yaml src/checklist/standards/

# Upgrade the pinned dev tools (pyproject's dev extra) and write the new pins; commit
# the pyproject change only if `make test` still passes.
update-dev-tools: $(STAMP)
	$(BIN)/python .ci/pin-dev-tools
	touch $(STAMP)

test: $(STAMP) lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/pipeline.py
	$(BIN)/python bench/render.py
	$(BIN)/python bench/serve.py

clean:
	rm -rf $(VENV) audit-out build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
