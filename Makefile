# The two commands a user needs are `make run` and `make test`; the rest serve developers.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
DEV_ENV := DJANGO_DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format bench bench-dates migrate ingest-seeds browser clean

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

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench-dates: $(STAMP)
	$(PY) bench/bench_dates.py

bench: $(STAMP) bench-dates
	$(PY) bench/bench_pipeline.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
