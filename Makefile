# Everything a newcomer needs: `make demo` to try the product, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL := postgres://postgres@127.0.0.1:5432/test
export ACTIONPLAN_DATA_DIR ?= var
PORT ?= 8000

STATIC := src/actionplan/web/static/govuk
# System packages from Debian: Pango and fonts for PDF reports; Chromium (the browser tests drive
# Debian's own build, never a downloaded one) and poppler for looking at reports as pictures.
RUNTIME_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation
TEST_PACKAGES := chromium chromium-driver poppler-utils

.PHONY: install assets static system-packages test-packages demo examples test test-sqlite test-postgres test-system lint

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# GOV.UK Frontend styles built from the npm package, with Arial; scripts and images copied beside.
$(STATIC)/application.css: package.json package-lock.json src/actionplan/web/assets/application.scss
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(STATIC)/
	rm -rf $(STATIC)/assets && mkdir -p $(STATIC)/assets
	cp -r node_modules/govuk-frontend/dist/govuk/assets/images $(STATIC)/assets/

assets: $(STATIC)/application.css

# What production serves: the built assets gathered, with content-hashed names, into
# $$ACTIONPLAN_DATA_DIR/static (run with the production environment set: docs/deployment.md).
static: $(VENV)/.installed assets
	$(BIN)/actionplan collectstatic --noinput --verbosity 0

install: system-packages $(VENV)/.installed assets

system-packages:
	@$(call apt_install,$(RUNTIME_PACKAGES))

test-packages:
	@$(call apt_install,$(TEST_PACKAGES))

# Install the Debian packages of $(1) that are missing (as root), or say which to install.
define apt_install
	missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing system packages: $$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Please install these Debian packages first: sudo apt-get install $$missing" >&2; exit 1; \
		fi; \
	fi
endef

# The e-mails' links name the port served (unless ACTIONPLAN_SITE_URL is set).
demo: export ACTIONPLAN_SITE_URL ?= http://127.0.0.1:$(PORT)
demo: install
	$(BIN)/actionplan migrate --verbosity 0
	$(BIN)/actionplan demo --if-missing
	@echo "Serving on http://127.0.0.1:$(PORT) with a worker beside it; e-mails go to $(ACTIONPLAN_DATA_DIR)/mail (Ctrl-C to stop)"
	$(BIN)/actionplan worker --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/actionplan runserver 127.0.0.1:$(PORT)

# The example reports in docs/examples, written by the current code from the Riverton demo built
# afresh (as at today) in a data folder of their own, so that no one's own demo is touched.
EXAMPLES_DATA := $(ACTIONPLAN_DATA_DIR)/examples
examples: install
	rm -rf $(EXAMPLES_DATA)
	export ACTIONPLAN_DATA_DIR=$(EXAMPLES_DATA) DATABASE_URL=; \
	$(BIN)/actionplan migrate --verbosity 0 && $(BIN)/actionplan demo && \
	for f in csv docx html json pdf xlsx; do \
		$(BIN)/actionplan report --format $$f --output docs/examples/board-report.$$f || exit 1; done && \
	for f in html pdf; do \
		$(BIN)/actionplan report --recurring --format $$f --output docs/examples/recurring-learning.$$f || exit 1; done

# The suite runs on SQLite, then on PostgreSQL when DATABASE_URL names one or a server answers
# on 127.0.0.1:5432. The second run leaves out the tests marked `any_database`, whose outcome cannot
# depend on the engine (the importer, child processes, the browser, most roles of the permission
# matrix): tests/conftest.py lists them, ADR 58 says why.
test: lint test-sqlite test-postgres

test-sqlite: install test-packages
	DATABASE_URL= $(BIN)/python -m pytest

test-postgres: install
	@if [ -n "$$DATABASE_URL" ] || $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
		echo "PostgreSQL run"; \
		DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}" $(BIN)/python -m pytest -m "not any_database"; \
	else \
		echo "No PostgreSQL server answered on 127.0.0.1:5432 and DATABASE_URL is unset: PostgreSQL run skipped."; \
	fi

# ruff, then mypy with django-stubs (settings in pyproject.toml; strict on the rules and the importer).
lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
