# numériQc — the two commands a newcomer needs: `make run` and `make test`.
# Everything else here is what those two are made of.

# bash, so that a failing command on the left of a pipe fails its step.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The server and the settings read them: SITE_URL's default follows PORT.
export HOST PORT
PYTEST_ARGS ?=
# The suite runs on every core (pytest-xdist: one test database per worker).
TEST_WORKERS ?= auto
E2E_ARGS ?=
# SLOW_TESTS=no leaves out the real-browser tests: CI runs them once, on
# PostgreSQL. By default `make test` runs every test.
SLOW_TESTS ?= yes
# ...and the tests marked `slow` (each starts servers or Django processes of its
# own, whatever the database): they too run once in CI.
ifeq ($(SLOW_TESTS),no)
SLOW_MARK := -m "not slow"
endif

.DEFAULT_GOAL := help
.PHONY: help run test lint format messages compilemessages migrate seed serve worker \
        system-deps browser-deps bench bench-deps clean

help:
	@echo "make run       set up and serve the site with demo content at http://$(HOST):$(PORT)/"
	@echo "               (make run PORT=8101 for another port; Ctrl-C stops server and worker)"
	@echo "make test      set up and run every test (SLOW_TESTS=no: no browser or image tests)"
	@echo "make lint      ruff, migrations, system and translation catalogue checks"
	@echo "make messages  extract new interface strings into locale/fr and locale/en"
	@echo "make bench     run the benchmarks (BENCH_ARGS=--help lists them; bench/README.md)"
	@echo "make format    format the code and apply ruff's safe fixes"
	@echo "make clean     remove .venv, the databases and collected files"

# pip prints a line per package (no progress bars): under load, a quiet install
# looked stuck for minutes.
PIP_INSTALL := $(BIN)/pip install --progress-bar off --disable-pip-version-check

$(VENV)/.runtime: requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	@test -d $(VENV) || { echo "[setup] Creating $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@echo "[setup] Installing the runtime packages (requirements.txt) into $(VENV)…"
	@$(PIP_INSTALL) --quiet --upgrade pip
	@$(PIP_INSTALL) -r requirements.txt | { grep -v "^Requirement already satisfied" || true; }
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	@echo "[setup] Installing the test and lint tools (requirements-dev.txt)…"
	@$(PIP_INSTALL) -r requirements-dev.txt | { grep -v "^Requirement already satisfied" || true; }
	@touch $@

# gettext compiles and extracts the catalogues; on Debian, install it when missing.
system-deps:
	@command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq gettext >/dev/null; \
	  else echo "Please install gettext (msgfmt, xgettext)"; exit 1; fi; }

# Chromium for the real-browser tests (tests/e2e); they are skipped, with the
# reason printed, when it is missing.
browser-deps:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium not installed: browser tests will be skipped"; fi; }

compilemessages: $(VENV)/.runtime
	$(MANAGE) compile_catalogues -v0

messages: $(VENV)/.dev system-deps
	$(MANAGE) makemessages --locale=fr --locale=en --no-wrap --add-location=file \
	  --ignore=.venv --ignore=staticfiles --ignore=media --ignore=tests --ignore=bench --ignore=scripts -v0
	$(PY) scripts/catalogues.py

migrate: $(VENV)/.runtime
	$(MANAGE) migrate --noinput -v1

# Migrations, catalogues and demo content, each only when it has something to do
# (home/management/commands/prepare_demo.py), in one Django start-up.
seed: $(VENV)/.runtime
	$(MANAGE) prepare_demo

serve: $(VENV)/.runtime
	$(PY) scripts/run_site.py --no-prepare

# The site and, beside it, a Celery worker with beat on kombu's filesystem broker
# (.celery-broker/), so that reminders and retries run on a bare machine.
# scripts/run_site.py prepares, then runs both; SIGINT or SIGTERM stops both.
run: $(VENV)/.runtime
	$(PY) scripts/run_site.py

# The browser tests run in a pytest process of their own, on a fresh copy of the
# demo template database (migrated and seeded once per change: see
# tests/database_templates.py); so does the production image's build and start
# (tests/image: the Dockerfile replayed without Docker). The reliability tests
# start real Celery workers: alone on the machine, last, and only with PostgreSQL
# and Redis (skipped on SQLite).
test: $(VENV)/.dev compilemessages
	-@$(MAKE) --no-print-directory system-deps
	$(BIN)/pytest -n $(TEST_WORKERS) --ignore=tests/e2e --ignore=tests/reliability \
	  --ignore=tests/image $(SLOW_MARK) $(PYTEST_ARGS)
ifeq ($(SLOW_TESTS),no)
	@echo "Browser tests (tests/e2e), the image test (tests/image) and tests marked slow left out: SLOW_TESTS=no"
else
	$(BIN)/pytest tests/e2e $(E2E_ARGS)
	$(BIN)/pytest tests/image
endif
	$(BIN)/pytest -s -rs tests/reliability

# The catalogues: every entry translated (scripts/catalogues.py --check), and
# `make messages` would change nothing (tests/home/test_catalogues.py).
lint: $(VENV)/.dev system-deps compilemessages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run -v1
	$(MANAGE) check --fail-level WARNING
	$(PY) scripts/catalogues.py --check
	$(BIN)/pytest -p no:xdist -q tests/home/test_catalogues.py

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# wrk drives the load in the benchmarks; without it they fall back to Python
# threads, which limit the fastest paths on a small machine.
bench-deps:
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq wrk >/dev/null; \
	  else echo "wrk not installed: the benchmarks use a Python load generator"; fi; }

# BENCH_ARGS="--quick" for short phases, or scenario names (see bench/README.md).
bench: $(VENV)/.dev system-deps bench-deps
	$(PY) bench/run_all.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 test-results .test-databases
