# AWS Notes: every command a maintainer needs. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
CHROMIUM ?= /usr/bin/chromium
PYTEST_ARGS ?=
# `make audit` serves its own build here; the site is built for this address (see tools/audit/lighthouse.py).
AUDIT_PORT ?= 8642

# Material prints a banner about its end of life on every build; we know.
export NO_MKDOCS_2_WARNING := 1
export CHROMIUM

SITE_STAMP := $(VENV)/.site-requirements
DEV_STAMP := $(VENV)/.dev-requirements
# The web-quality tools (axe-core, the Nu Html Checker, Lighthouse) come from npm, pinned in
# package-lock.json.
NODE_STAMP := node_modules/.installed

.PHONY: help serve build test test-fast pdf linkcheck linkcheck-external lint audit weight link-density claims bench bench-glossary fonts icons browser clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-19s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# --dirty: only the pages an edit changed are rendered again; hooks/site.py keeps the rest right.
serve: $(SITE_STAMP) ## Serve the site with live reload on http://127.0.0.1:8000
	SITE_URL=http://$(ADDR)/ $(BIN)/mkdocs serve --strict --dirty --dev-addr $(ADDR)

build: $(SITE_STAMP) ## Build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict --clean --site-dir site

test: $(DEV_STAMP) browser $(NODE_STAMP) lint linkcheck ## Run every test: the link check, then pytest (build, content, hooks, browser)
	$(BIN)/pytest $(PYTEST_ARGS)

test-fast: $(DEV_STAMP) $(NODE_STAMP) ## Run the tests that need no browser
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

pdf: $(DEV_STAMP) build browser ## Print each family page and the whole notes to site/pdf/ (headless Chromium)
	$(BIN)/python -m tools.pdf site

linkcheck: pdf ## Check every internal link and #anchor of the built site (PDFs included), offline
	$(BIN)/python -m tools.linkcheck.internal site

linkcheck-external: $(DEV_STAMP) build ## Check every outside URL of the site (needs the internet)
	$(BIN)/python -m tools.linkcheck.external site --report-dir linkcheck-report

# The quality gates build their own copies of the site, so they never race `make build` over site/.
# `--strict` without `--quiet`, which in MkDocs 1.6.1 hides warnings from the strict count; only
# the INFO lines are dropped.
audit: $(SITE_STAMP) browser $(NODE_STAMP) ## Lighthouse (mobile) on home, a family page and the glossary: scores 95+, costs in budget; reports in audit-report/
	set -o pipefail; SITE_URL=http://127.0.0.1:$(AUDIT_PORT)/ $(BIN)/mkdocs build --strict --clean --site-dir audit-site 2>&1 | { grep -v '^INFO ' || true; }
	$(BIN)/python -m tools.audit.lighthouse audit-site --report-dir audit-report

weight: $(DEV_STAMP) ## Bytes a first visit to each page loads, raw and gzipped, beside an empty Material page; the offline copy's size (budget: 2 MB gzipped)
	set -o pipefail; $(BIN)/mkdocs build --strict --clean --site-dir weight-site 2>&1 | { grep -v '^INFO ' || true; }
	$(BIN)/python -m tools.weight weight-site

# Builds a throw-away copy; `python -m tools.link_density SITE OLD_SITE` compares two builds.
link-density: $(DEV_STAMP) ## Term links and abbreviation marks on each page, per 100 words (the linker's rules)
	set -o pipefail; dir=$$(mktemp -d); trap 'rm -rf "$$dir"' EXIT; \
	$(BIN)/mkdocs build --strict --site-dir "$$dir" 2>&1 | { grep -v '^INFO ' || true; }; \
	$(BIN)/python -m tools.link_density "$$dir"

lint: $(DEV_STAMP) browser ## Spelling (codespell), Python (ruff), workflows (actionlint) and shell scripts (shellcheck)
	$(BIN)/codespell docs README.md CONTRIBUTING.md hooks overrides tests tools .github .ci Makefile mkdocs.yml
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/actionlint
	shellcheck .ci/run

claims: $(SITE_STAMP) ## List every claim the site adds to the notes: page, anchor, kind, checked month, official source
	PYTHONPATH=hooks $(BIN)/python -m tools.claims docs

bench: $(DEV_STAMP) ## Time the build with and without the hooks at 1x, 3x and 10x, and `make serve`'s reloads
	$(BIN)/python -m tools.bench

bench-glossary: $(DEV_STAMP) browser ## Time the glossary page in Chromium at 100, 1,000 and 10,000 terms: time to interactive, each keystroke
	$(BIN)/python -m tools.glossary_bench

# The site's fonts are committed in docs/fonts/, so that `make build` and `make serve` need only
# Python; they come from these pinned npm packages (package-lock.json). docs/stylesheets/extra.css
# declares each face, and tests/test_fonts.py checks that the copies match the packages.
FONT_PACKAGES := node_modules/@fontsource
FONT_FACES := roboto/files/roboto-latin-400-normal.woff2 roboto/files/roboto-latin-700-normal.woff2 \
	roboto-mono/files/roboto-mono-latin-400-normal.woff2

fonts: $(NODE_STAMP) ## Copy the site's fonts and their licences from the pinned @fontsource packages into docs/fonts/
	mkdir -p docs/fonts
	cp $(addprefix $(FONT_PACKAGES)/,$(FONT_FACES)) docs/fonts/
	cp $(FONT_PACKAGES)/roboto/LICENSE docs/fonts/LICENSE-roboto.txt
	cp $(FONT_PACKAGES)/roboto-mono/LICENSE docs/fonts/LICENSE-roboto-mono.txt

# The web app's icons (docs/manifest.json) are committed; this draws them again from the logo.
icons: $(DEV_STAMP) browser ## Draw the web app's icons from the site's logo into docs/assets/icons/ (headless Chromium)
	$(BIN)/python -m tools.icons

browser: ## Install what the tests need from Debian, if missing: chromium, poppler, Java, Node, shellcheck
	@need=""; \
	[ -x "$(CHROMIUM)" ] || need="$$need chromium"; \
	command -v pdfinfo >/dev/null || need="$$need poppler-utils"; \
	command -v java >/dev/null || need="$$need default-jre-headless"; \
	command -v npm >/dev/null || need="$$need nodejs npm"; \
	command -v shellcheck >/dev/null || need="$$need shellcheck"; \
	if [ -n "$$need" ]; then \
	  echo "Installing from Debian:$$need"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$need; \
	fi

clean: ## Remove the built site, caches and the virtual environment
	rm -rf site linkcheck-report audit-site audit-report weight-site $(VENV) .pytest_cache .hypothesis .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# The virtual environment is (re)installed only when a requirements file is newer than its stamp,
# so a second `make test` installs nothing.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(DEV_STAMP): requirements-dev.txt $(SITE_STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# --ignore-scripts: vnu-jar's install script only looks for Java, which `make browser` installs.
$(NODE_STAMP): package.json package-lock.json | browser
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@
