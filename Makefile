# Everything a newcomer needs: `make demo` to try the product, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL := postgres://postgres@127.0.0.1:5432/test
export ACTIONPLAN_DATA_DIR ?= var

.PHONY: install demo test test-sqlite test-postgres lint

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/actionplan migrate --verbosity 0
	$(BIN)/actionplan demo --if-missing
	@echo "Serving on http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(BIN)/actionplan runserver 127.0.0.1:8000

# The suite runs on SQLite, then on PostgreSQL when DATABASE_URL names one or a server answers
# on 127.0.0.1:5432. The importer needs no database, so the second run leaves it out.
test: test-sqlite test-postgres

test-sqlite: install
	DATABASE_URL= $(BIN)/python -m pytest

test-postgres: install
	@if [ -n "$$DATABASE_URL" ] || $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
		echo "PostgreSQL run"; \
		DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}" $(BIN)/python -m pytest --ignore=tests/importing; \
	else \
		echo "No PostgreSQL server answered on 127.0.0.1:5432 and DATABASE_URL is unset: PostgreSQL run skipped."; \
	fi

lint: install
	$(BIN)/ruff check src tests
