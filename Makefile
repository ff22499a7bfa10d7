# The two commands a new user needs: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_ENV := DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help setup assets run test validate lint format migrate sandbox-image engine lock clean screenshots

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found); set PYTHON=/path/to/python3.11"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install the pinned dependencies (idempotent)

# The browser bundle (CodeMirror editor + page scripts): rebuilt only when a source is newer.
NPM ?= npm
NODE_STAMP := frontend/node_modules/.package-lock.json
BUNDLE := frontend/static/frontend/build/challenge.js
$(NODE_STAMP): frontend/package.json frontend/package-lock.json
	@command -v $(NPM) >/dev/null || { echo "Node.js 18+ and npm are needed to build the editor bundle ($(NPM) not found)"; exit 1; }
	cd frontend && $(NPM) ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

$(BUNDLE): $(NODE_STAMP) frontend/build.mjs $(wildcard frontend/src/*.js frontend/src/kinds/*.js)
	cd frontend && $(NPM) run --silent build

assets: $(BUNDLE) ## Build the front-end bundle (editor, page scripts) if it is missing or stale

migrate: setup
	@$(DEV_ENV) $(PY) manage.py migrate --noinput -v 0

engine: ## Check the Docker engine (explains how to start one)
	@if docker info >/dev/null 2>&1; then echo "Docker engine: reachable"; else \
	  echo "Docker engine: NOT reachable. Code can't be graded until one runs."; \
	  echo "  Start it with: sudo systemctl start docker   (or, as root: platform/ops/docker-engine.sh)"; \
	  echo "  or point DOCKER_HOST at an engine you can use. Submissions wait in the queue meanwhile."; \
	  exit 1; fi

sandbox-image: ## Build the sandbox image if it is missing or stale
	@platform/sandbox/build.sh

run: migrate assets ## Set up, then serve the site and the grading worker on http://127.0.0.1:8000
	@if $(MAKE) --no-print-directory engine; then $(MAKE) --no-print-directory sandbox-image; fi
	@$(DEV_ENV) $(PY) manage.py loadchallenges
	@echo "Demo accounts (development only):"
	@$(DEV_ENV) $(PY) manage.py createdemoaccounts
	@HOST=$(HOST) PORT=$(PORT) $(DEV_ENV) platform/ops/run-dev.sh

test: setup assets ## Run the whole test suite (Docker and browser tests skip without an engine/chromium)
	$(PY) -m pytest $(PYTEST_ARGS)

VALIDATE_DB := var/validate.sqlite3
validate: setup ## Load the catalogue into a scratch database and validate what changed since it last validated OK (var/validation-cache.json)
	@mkdir -p var && rm -f $(VALIDATE_DB)
	@DATABASE_URL=sqlite:///$(CURDIR)/$(VALIDATE_DB) $(DEV_ENV) $(PY) manage.py migrate --noinput -v 0
	@DATABASE_URL=sqlite:///$(CURDIR)/$(VALIDATE_DB) $(DEV_ENV) $(PY) manage.py loadchallenges
	@DATABASE_URL=sqlite:///$(CURDIR)/$(VALIDATE_DB) $(DEV_ENV) $(PY) manage.py validatechallenges --changed --json var/validation-report.json

lint: setup ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock: ## Re-pin requirements*.txt from pyproject.toml
	$(PYTHON) platform/ops/lock_requirements.py

# The browser tests that photograph pages (tests/frontend/browser.py: photograph).
SCREENSHOT_TESTS = $(addprefix tests/frontend/,test_screenshots.py test_browser_workspace.py test_browser_account.py test_browser_nav.py test_browser_report.py test_browser_jobs.py test_browser_studio.py test_browser_studio_cases.py test_browser_review.py test_browser_custom_input.py test_browser_team.py)

screenshots: setup assets ## Regenerate docs/screenshots/ (every page, real data, headless chromium + Docker)
	REQUIRE_DOCKER=1 REQUIRE_BROWSER=1 SCREENSHOTS_DIR=$(CURDIR)/docs/screenshots $(PY) -m pytest -p no:cacheprovider $(SCREENSHOT_TESTS)

clean: ## Remove the virtualenv, the node modules, the bundle and local data (var/)
	rm -rf $(VENV) var .pytest_cache .ruff_cache frontend/node_modules frontend/static/frontend/build
