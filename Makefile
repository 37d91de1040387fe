# Care Voices: two commands for a newcomer (`make run`, `make test`); the rest are the steps they share.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
GOVUK_DIST := node_modules/govuk-frontend/dist/govuk
GOVUK_STATIC := survey_app/static/govuk

.PHONY: run test test-fast setup debian-runtime-packages setup-test compiled-translations assets debian-test-packages lint typecheck translations bench clean

run: setup debian-runtime-packages ## set up, migrate, seed a demo if empty, and serve on http://127.0.0.1:$(PORT)
	$(BIN)/flask --app wsgi db upgrade
	$(BIN)/flask --app wsgi demo seed --if-empty
	CARE_VOICES_DEMO_WITHOUT_SECOND_FACTOR=1 $(BIN)/flask --app wsgi run --host 127.0.0.1 --port $(PORT)

test: setup-test debian-test-packages lint ## install what the tests need and run them all
	$(BIN)/pytest -n 2 --dist loadgroup

# The quick loop while editing: unit and SQLite integration tests, less those marked slow
# (whole reports and PDFs built, the demo seeded, child processes); make test runs them all.
test-fast: setup-test ## unit and SQLite integration tests, less the slow ones: under 2 minutes
	$(BIN)/pytest -n 2 --dist loadgroup -p no:schemathesis -m "not postgres and not browser and not slow" tests/unit tests/integration

setup: $(BIN)/.installed assets compiled-translations ## the shared install step

setup-test: $(BIN)/.installed-test assets compiled-translations

compiled-translations: $(BIN)/.installed
	$(BIN)/pybabel compile -d survey_app/translations --statistics

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

assets: $(GOVUK_STATIC)/govuk-frontend.min.css

# GOV.UK Frontend comes from the npm registry at the version pinned in package.json. Care Voices
# is not a GOV.UK service, so the GDS Transport typeface is dropped in favour of Arial, as the
# Design System asks of services outside GOV.UK.
$(GOVUK_STATIC)/govuk-frontend.min.css: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	rm -rf $(GOVUK_STATIC) && mkdir -p $(GOVUK_STATIC)
	cp -r $(GOVUK_DIST)/assets/images $(GOVUK_DIST)/assets/manifest.json $(GOVUK_STATIC)/
	cp $(GOVUK_DIST)/govuk-frontend.min.js $(GOVUK_STATIC)/
	sed -e 's/GDS Transport,//g' -e 's/font-family:GDS Transport/font-family:arial,sans-serif/g' \
	    -e 's/@font-face{[^}]*}//g' $(GOVUK_DIST)/govuk-frontend.min.css > $@

debian-runtime-packages: ## Pango and fonts for the report PDF, installed only when missing
	scripts/ensure-debian-packages --runtime

debian-test-packages: ## and PostgreSQL and Chromium for the tests, installed only when missing
	scripts/ensure-debian-packages

lint: typecheck
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: ## mypy over the packages that pyproject.toml's [tool.mypy] lists
	$(BIN)/mypy

translations: setup-test ## extract, update and compile the interface catalogues (en_GB, cy)
	$(BIN)/pybabel extract -F babel.cfg -k _l -o survey_app/translations/messages.pot .
	$(BIN)/pybabel update -i survey_app/translations/messages.pot -d survey_app/translations --no-fuzzy-matching --ignore-obsolete
	$(BIN)/python scripts/apply_pending_welsh.py
	$(BIN)/pybabel compile -d survey_app/translations --statistics

bench: setup-test debian-test-packages ## quick benchmarks (respondent load on PostgreSQL and SQLite, report build); summary table
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) node_modules $(GOVUK_STATIC) .pytest_cache
