# govreports — every task of the project goes through this file.
# `make` (or `make help`) lists the targets. Only python3 (>= 3.11) and make are needed:
# the first target that needs Python creates .venv/ and installs requirements.lock into it.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules
# Prerequisites are made one after the other, in the order listed (setup: check-venv first).
.NOTPARALLEL:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP_FLAGS := --disable-pip-version-check --progress-bar off

# Notebook runs are headless and deterministic: fixed str hashing, non-GUI matplotlib.
NB_ENV := PYTHONHASHSEED=0 MPLBACKEND=Agg
# Executed in this (byte-wise sorted) order: 01_…, 02_…, …
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
NBVAL_SANITIZE := tests/nbval_sanitize.cfg
LINT_DIRS := $(wildcard helpers tests benchmarks)
LOCK_VENV ?= /tmp/govreports-lockvenv
# Jupyter refuses to run as root without this (containers, CI-like machines).
LAB_FLAGS ?= $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: help check-venv setup analysis test lab lint docs bench sweep lock clean-derived clean-cache

help: ## Show this list of targets
	@echo "usage: make <target>"
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_.\/-]+:.*## / {printf "  %-18s %s\n", $$1, $$2}' \
		$(MAKEFILE_LIST)

# The check of the environment. A .venv/ copied from another folder along with the project keeps
# the original's `import helpers` and the original's Python in its scripts, so the notebooks here
# would silently run the original's code on the original's corpus. helpers/environment.py
# (standard library only) exits 3 with the reason when .venv/ must be recreated, 2 with what to run
# when the cause lies outside .venv/ (PYTHONPATH), 0 otherwise; with no .venv/ it is not even run.
VENV_CHECK = -I helpers/environment.py --root "$(CURDIR)" $(VENV)

# setup lists it before the stamp, and .NOTPARALLEL keeps that order: the stamp is looked at after.
check-venv:
	@[ -e $(VENV) ] || [ -L $(VENV) ] || exit 0; \
	python=$(BIN)/python; [ -x "$$python" ] || python=$(PYTHON); \
	status=0; problem=$$("$$python" $(VENV_CHECK)) || status=$$?; \
	if [ $$status -eq 3 ]; then \
		echo "make setup: $$problem: recreating $(VENV)/ here"; \
		rm -rf $(VENV); \
	elif [ $$status -ne 0 ]; then \
		exit $$status; \
	fi

# The environment stamp: rebuilt whenever the lock or pyproject.toml changes (or check-venv removed
# the venv); it records the folder the venv was made for, and is written only once the new venv
# imports this folder's helpers.
$(VENV)/.installed: requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "error: $(PYTHON) is older than Python 3.11 (set PYTHON=...)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_FLAGS) -r requirements.lock
	$(BIN)/python -m pip install $(PIP_FLAGS) --no-deps -e .
	@status=0; problem=$$($(BIN)/python $(VENV_CHECK)) || status=$$?; \
	if [ $$status -eq 3 ]; then \
		echo "error: the new $(VENV)/ does not belong to this folder either: $$problem" >&2; \
		echo "  see where it imports helpers from: $(BIN)/python -c 'import helpers; print(helpers.__file__)'" >&2; \
	fi; \
	exit $$status
	echo "root=$(CURDIR)" > $@

setup: check-venv $(VENV)/.installed ## Create/refresh .venv/ (no-op when up to date; recreates one copied from elsewhere)

# A cell's printed lines reach the kernel's stdout in chunks that depend on timing (a print's
# text and its newline may arrive as two stream outputs); coalescing them after each cell keeps
# the saved notebook the same byte for byte on every run.  nbconvert runs its stream coalescing
# before executing, so a second pass without execution applies it to the outputs.
analysis: setup ## Execute every notebook in notebooks/ in order, headless, saving outputs in place
	@if [ -z "$(NOTEBOOKS)" ]; then echo "make analysis: no notebooks in notebooks/ yet, nothing to run"; fi
	@for nb in $(NOTEBOOKS); do \
		echo "==> $$nb"; \
		$(NB_ENV) $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
			--ExecutePreprocessor.timeout=1800 --ExecutePreprocessor.record_timing=False "$$nb"; \
		$(BIN)/jupyter nbconvert --to notebook --inplace --log-level=WARN \
			--CoalesceStreamsPreprocessor.enabled=True "$$nb"; \
	done

test: setup ## Unit tests (tests/), then strict nbval: notebooks must reproduce their saved outputs
	@if [ -n "$$(find tests -name 'test_*.py' -o -name '*_test.py' 2>/dev/null | head -n 1)" ]; then \
		echo "$(NB_ENV) $(BIN)/python -m pytest tests"; \
		$(NB_ENV) $(BIN)/python -m pytest tests; \
	else \
		echo "make test: no test files in tests/ yet, unit tests skipped"; \
	fi
	@if [ -n "$(NOTEBOOKS)" ]; then \
		echo "$(NB_ENV) $(BIN)/python -m pytest --nbval notebooks/ --nbval-sanitize-with $(NBVAL_SANITIZE)"; \
		$(NB_ENV) $(BIN)/python -m pytest --nbval notebooks/ --nbval-sanitize-with $(NBVAL_SANITIZE); \
	else \
		echo "make test: no notebooks in notebooks/ yet, nbval skipped"; \
	fi

lab: setup ## Open JupyterLab on notebooks/
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/

# The browser check (benchmarks/e2e.py), not part of `make test`: JupyterLab started as `make lab`
# starts it (same jupyter, same LAB_FLAGS), each notebook opened in headless Chromium, Run All
# Cells, then no error, every figure shown, Chinese drawn with real glyphs; screenshots in
# screenshots/. Playwright comes from requirements-e2e.lock, installed on top of requirements.lock
# with --no-deps (nothing of the main environment moves); Chromium and the CJK font come from the
# system: apt-get install -y chromium fonts-noto-cjk. E2E_ARGS: notebooks to check, --timeout, ...
E2E_LOCK := requirements-e2e.lock

$(VENV)/.e2e-installed: $(E2E_LOCK) $(VENV)/.installed
	$(BIN)/python -m pip install $(PIP_FLAGS) --no-deps -r $(E2E_LOCK)
	touch $@

.PHONY: e2e
e2e: setup $(VENV)/.e2e-installed ## Run every notebook in JupyterLab in headless Chromium: no error, figures, no tofu
	$(BIN)/python benchmarks/e2e.py --jupyter $(BIN)/jupyter $(addprefix --lab-arg=,$(LAB_FLAGS)) $(E2E_ARGS)

lint: setup ## ruff check helpers/ tests/ benchmarks/ (those that exist)
	$(BIN)/ruff check $(LINT_DIRS)

docs: setup ## Regenerate docs/CODEBOOK.md (codebook.yaml) and docs/DATA.md (columns.yaml)
	$(BIN)/python -m helpers.codebook_docs
	$(BIN)/python -m helpers.data_docs

bench: setup ## Run the scale benchmark (benchmarks/run.py)
	@if [ ! -f benchmarks/run.py ]; then \
		echo "make bench: benchmarks/run.py does not exist yet (it lands with the scale issue)" >&2; \
		exit 1; \
	fi
	$(BIN)/python benchmarks/run.py

sweep: setup ## The fault sweep (benchmarks/sweep.py): bad input, cache damage, concurrency, kills, random pages
	$(BIN)/python benchmarks/sweep.py $(SWEEP_ARGS)

lock: ## Regenerate requirements.lock: throwaway venv, install pyproject deps + [dev], pip freeze --all
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(PYTHON) -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
		print("\n".join(p["dependencies"] + p["optional-dependencies"]["dev"]))' \
		> $(LOCK_VENV)/requirements.in
	@# setuptools stays < 80: setuptools 80-81 make `import jieba` emit a warning.
	$(LOCK_VENV)/bin/pip install $(PIP_FLAGS) -r $(LOCK_VENV)/requirements.in 'setuptools<80'
	{ \
		echo "# requirements.lock: exact pins of the FULL transitive environment (runtime + dev)"; \
		echo "# for $$($(LOCK_VENV)/bin/python --version) on Linux x86_64. Generated, do not edit by hand:"; \
		echo "# change pyproject.toml, then run \`make lock\` (fresh venv, pip install of the"; \
		echo "# dependencies + [dev], \`pip freeze --all\`; pip and setuptools are pinned too, setuptools < 80)."; \
		$(LOCK_VENV)/bin/pip freeze --all --disable-pip-version-check; \
	} > requirements.lock.tmp
	mv requirements.lock.tmp requirements.lock
	rm -rf $(LOCK_VENV)
	@echo "requirements.lock regenerated; run \`make setup\` to apply it to .venv/"

clean-derived: ## Delete generated files in corpus/derived/ (corpus/raw/ is never touched)
	rm -rf corpus/derived/*

clean-cache: ## Delete the pipeline cache corpus/cache/ (helpers.pipeline; rebuilt on the next run)
	rm -rf corpus/cache
