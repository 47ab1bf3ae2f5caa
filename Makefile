# numériQc — the two commands a newcomer needs: `make run` and `make test`.
# Everything else here is what those two are made of.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# The suite runs on every core (pytest-xdist: one test database per worker).
TEST_WORKERS ?= auto
E2E_ARGS ?=
# SLOW_TESTS=no leaves out the real-browser tests: CI runs them once, on
# PostgreSQL. By default `make test` runs every test.
SLOW_TESTS ?= yes

.DEFAULT_GOAL := help
.PHONY: help run test lint format messages compilemessages migrate seed serve worker \
        system-deps browser-deps bench bench-deps clean

help:
	@echo "make run    set up and serve the site with demo content at http://$(HOST):$(PORT)/"
	@echo "make test   set up and run every test"
	@echo "make lint   ruff, migrations and translation catalogue checks"
	@echo "make bench  run the benchmarks (see bench/README.md)"

$(VENV)/.runtime: requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

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
	$(MANAGE) migrate --noinput -v0

seed: migrate compilemessages
	$(MANAGE) seed_demo

serve:
	@echo ""
	@echo "  numériQc: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

# The site and, beside it, a Celery worker with beat on kombu's filesystem broker
# (.celery-broker/), so that reminders and retries run on a bare machine.
run: seed
	@mkdir -p .celery-broker
	CELERY_BROKER_URL=filesystem:// $(BIN)/celery -A numeriqc worker --beat -l warning \
	  -Q celery,notifications,notifications-bulk -s .celery-broker/celerybeat-schedule & \
	  WORKER=$$!; trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	  CELERY_BROKER_URL=filesystem:// $(MAKE) --no-print-directory serve

# The browser tests run in a pytest process of their own, on a fresh copy of the
# demo template database (migrated and seeded once per change: see
# tests/database_templates.py); so does the production image's build and start
# (tests/image: the Dockerfile replayed without Docker). The reliability tests
# start real Celery workers: alone on the machine, last, and only with PostgreSQL
# and Redis (skipped on SQLite).
test: $(VENV)/.dev compilemessages
	-@$(MAKE) --no-print-directory system-deps
	$(BIN)/pytest -n $(TEST_WORKERS) --ignore=tests/e2e --ignore=tests/reliability \
	  --ignore=tests/image $(PYTEST_ARGS)
ifeq ($(SLOW_TESTS),no)
	@echo "Browser tests (tests/e2e) and the image test (tests/image) left out: SLOW_TESTS=no"
else
	$(BIN)/pytest tests/e2e $(E2E_ARGS)
	$(BIN)/pytest tests/image
endif
	$(BIN)/pytest -s -rs tests/reliability

lint: $(VENV)/.dev system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run -v1
	$(MANAGE) check --fail-level WARNING

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
