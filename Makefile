# The two commands a user needs are `make run` and `make test`; the rest serve developers.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
DEV_ENV := DJANGO_DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-postgres lint format bench bench-dates bench-pipeline bench-ingest \
	bench-site bench-load screenshots migrate ingest-seeds browser clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

migrate: $(STAMP)
	$(DEV_ENV) $(PY) manage.py migrate --noinput

ingest-seeds: migrate
	$(DEV_ENV) $(PY) manage.py ingest seeds/

run: ingest-seeds
	$(DEV_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

browser:
	@test -x /usr/bin/chromium || (echo "Installing Debian's chromium for the browser tests" && \
		(apt-get update -qq || sudo apt-get update -qq) && \
		(apt-get install -y -qq chromium || sudo apt-get install -y -qq chromium))

test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) -m pytest

# The same suite on PostgreSQL: DATABASE_URL when it names one, else a throwaway server.
test-postgres: $(STAMP) browser
	@case "$${DATABASE_URL:-}" in \
		postgres://*|postgresql://*) $(PY) -m pytest ;; \
		*) bash scripts/pg_throwaway.sh $(PY) -m pytest ;; \
	esac

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench-dates: $(STAMP)
	$(PY) bench/bench_dates.py

bench: $(STAMP) bench-dates bench-pipeline bench-ingest bench-site bench-load

bench-pipeline: $(STAMP)
	$(PY) bench/bench_pipeline.py

bench-site: $(STAMP) browser
	$(PY) bench/bench_site.py

# gunicorn as README's "Deploying" runs it, 10,000 events, 100 clients for 60 s on 127.0.0.1.
bench-load: $(STAMP)
	$(PY) bench/bench_load.py

# Pictures of the app for README and review: seeds ingested, pages shot in Chromium.
screenshots: ingest-seeds browser
	$(DEV_ENV) $(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

bench-ingest: $(STAMP)
	$(PY) bench/bench_ingest.py
