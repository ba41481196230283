# The directory's commands. Each sets up what it needs (a virtual environment
# from the pinned requirements; for tests, Debian's chromium) on first use.
#
#   make serve            build and serve the site with live reload
#   make test             the whole test suite (unit, golden, build, browser)
#   make check            validate the data          (DATA=path for another folder)
#   make build            validate, then build site/ (DATA=path for another folder)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DATA   ?= data
ADDR   ?= 127.0.0.1:8000

export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/scripts
export DIRECTORY_DATA := $(abspath $(DATA))

.PHONY: serve build check test render browser clean

$(VENV)/.site: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt $(VENV)/.site
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# serve and build validate the data in the MkDocs hook (scripts/mkdocs_hooks.py)
serve: $(VENV)/.site
	$(PY) -m mkdocs serve --strict --dev-addr $(ADDR)

build: $(VENV)/.site
	$(PY) -m mkdocs build --strict --clean

check: $(VENV)/.site
	$(PY) -m directory check $(DATA)

render: $(VENV)/.site
	$(PY) -m directory render $(DATA) $(or $(OUT),build/pages)

browser:
	@bash scripts/setup-browser.sh

test: $(VENV)/.dev browser
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf site build .pytest_cache test-results
