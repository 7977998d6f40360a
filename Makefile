# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

# `make run` is the demo: a local secret key kept in var/, demo accounts and a
# development certificate. Production sets its own environment (see README).
run: export SECRET_KEY_FILE ?= var/secret_key
run: export PORTAL_DEMO ?= true
run: export STATIC_MANIFEST ?= true
# The address printed in every PDF (verification link) is the one this server answers on.
run: export SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: install run test lint check clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

var/secret_key:
	mkdir -p var
	$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

run: install var/secret_key
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) setup_demo
	$(MANAGE) runserver $(HOST):$(PORT)

test: install
	SECRET_KEY=test-only-not-secret $(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	SECRET_KEY=test-only-not-secret DATABASE_URL=sqlite://:memory: $(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var
