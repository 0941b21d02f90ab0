# craftwave: the two commands are `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-dev

.PHONY: run test install system-deps lint reference bench demo clean catalogues

$(STAMP): pyproject.toml setup.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Debian packages the tests and reports use (Chromium, PostgreSQL, Pango for PDFs, poppler).
system-deps:
	bash scripts/system_deps.sh

lint: $(STAMP)
	$(VENV)/bin/ruff check .

## make test: install everything, lint, run the whole suite.
test: $(STAMP) system-deps lint
	$(VENV)/bin/pytest -n 2 --dist loadfile -q

## make run: install, prepare the database and the demo, serve on 127.0.0.1.
run: $(STAMP)
	$(VENV)/bin/craftwave run-demo

## make reference: rerun the R scripts and rewrite tests/reference/*.json (needs R).
reference:
	bash scripts/r_deps.sh
	Rscript tests/reference/make_reference.R

## make catalogues: extract the participant pages' strings (babel.cfg), merge them into every
## language's messages.po, and compile the messages.mo committed beside it.
catalogues: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
		--omit-header -o survey_app/translations/messages.pot .
	$(VENV)/bin/pybabel update -i survey_app/translations/messages.pot -d survey_app/translations \
		--width 100 --ignore-obsolete --no-fuzzy-matching
	$(VENV)/bin/pybabel compile -d survey_app/translations --statistics
	rm survey_app/translations/messages.pot

bench: $(STAMP)
	for f in bench/*.py; do $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
