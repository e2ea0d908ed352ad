# Two commands do everything on a fresh Debian machine:
#   make dossiers   install what is missing, then build entities/ and dossiers/ from seeds/
#   make test       install what is missing, then run the checks and the test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
	libicu-dev pkg-config g++ python3-dev poppler-utils \
	tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus
PIP_FLAGS := --disable-pip-version-check --no-input -q

.PHONY: dossiers test bench lint typecheck system clean

dossiers: $(STAMP)
	$(BIN)/dossier build

test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/dossier decisions --check
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m dossier.bench

lint: $(STAMP)
	$(BIN)/ruff check src tests

typecheck: $(STAMP)
	$(BIN)/mypy

# System libraries for WeasyPrint, pyicu, pdftotext/pdftoppm and Tesseract OCR (English and
# Russian); installed only when missing.
system:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = "0" ] || SUDO="sudo"; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(STAMP): pyproject.toml | system
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install $(PIP_FLAGS) -e '.[dev]' 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
	touch $(STAMP)

clean:
	rm -rf $(VENV) .dossier .pytest_cache .mypy_cache .ruff_cache
