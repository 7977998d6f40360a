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

# The Nu Html Checker (vnu), which tests/portal/test_html_validity.py runs with the system's
# Java: vnu.jar from the npm package vnu-jar, kept in $(VNU_DIR). Its version is its release
# date (YY.M.D) and a newer release may add checks, so the range admits fixes of this release
# only: moving on is a change made here. --ignore-scripts: the package's postinstall script
# would download a JDK of its own where no Java is found; Debian's Java runs it instead.
VNU_JAR_RANGE := ~26.9.27
VNU_DIR := $(VENV)/vnu
VNU_JAR := $(VNU_DIR)/node_modules/vnu-jar/build/dist/vnu.jar

# The interface's translations (locale/<language>/LC_MESSAGES/django.po), compiled by the
# install step whenever a .po changes: the .mo files are built here, never committed.
# compilemessages runs GNU gettext's msgfmt (Debian package gettext).
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
# makemessages: the sources that hold the portal's own strings (not the tests, the seed
# texts or the virtualenv). `make messages` updates every .po from them.
MAKEMESSAGES_ARGS := --extension html,txt,py --add-location file --no-obsolete \
	--ignore .venv --ignore var --ignore tests --ignore bench --ignore deploy --ignore fixtures
# compilemessages and makemessages read the settings, which want a key; they use none.
I18N_ENV := SECRET_KEY=unused-by-i18n-commands DATABASE_URL=sqlite://:memory:

.PHONY: install run test lint check clean messages

install: $(VENV)/.installed $(VNU_DIR)/.installed $(MO_FILES)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.installed
	$(I18N_ENV) $(MANAGE) compilemessages --locale $* --verbosity 0
	touch $@

messages: $(VENV)/.installed
	$(I18N_ENV) $(MANAGE) makemessages $(foreach po,$(PO_FILES),--locale $(word 2,$(subst /, ,$(po)))) $(MAKEMESSAGES_ARGS)

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# Without npm the HTML validity test is skipped, except in CI (CI=true), where it must run.
$(VNU_DIR)/.installed: Makefile
	@if command -v npm >/dev/null; then \
	  echo "npm install vnu-jar@$(VNU_JAR_RANGE) into $(VNU_DIR)"; \
	  npm install --prefix $(VNU_DIR) --no-save --ignore-scripts --no-audit --no-fund \
	    --loglevel=error 'vnu-jar@$(VNU_JAR_RANGE)' && touch $@; \
	elif [ "$$CI" = true ]; then \
	  echo "npm is missing: CI needs it to install vnu.jar (Debian package npm)." >&2; exit 1; \
	else \
	  echo "npm is missing: the HTML validity test will be skipped (Debian package npm)."; \
	fi

var/secret_key:
	mkdir -p var
	$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

run: install var/secret_key
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) setup_demo
	$(MANAGE) runserver $(HOST):$(PORT)

test: install
	SECRET_KEY=test-only-not-secret VNU_JAR=$(VNU_JAR) $(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	SECRET_KEY=test-only-not-secret DATABASE_URL=sqlite://:memory: $(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var
