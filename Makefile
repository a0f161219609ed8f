# Two commands do everything on a fresh Debian machine:
#   make run    process every file in data/raw into data/processed
#   make test   run the whole test suite (fast and slow tests)
# Both install what is missing first (apt packages, .venv, the package) and are
# safe to run again.

PY      := .venv/bin/python
PIP     := .venv/bin/pip
STAMP   := .venv/.installed
APT_PKGS := tesseract-ocr tesseract-ocr-vie poppler-utils antiword chromium fonts-dejavu-core
# To build tesserocr (optional: without it OCR runs the `tesseract` command).
APT_BUILD := libtesseract-dev libleptonica-dev pkg-config g++ python3-dev
export OMP_THREAD_LIMIT := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_HOME ?= $(CURDIR)/.prefect

.PHONY: setup system-deps run test test-fast lint fmt score ocr-check bench clean

setup: system-deps $(STAMP)

system-deps:
	@missing=""; \
	command -v tesseract >/dev/null 2>&1 || missing="$$missing tesseract-ocr"; \
	{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; } || missing="$$missing tesseract-ocr-vie"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v antiword >/dev/null 2>&1 || missing="$$missing antiword"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	test -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf || missing="$$missing fonts-dejavu-core"; \
	python3 -c "import venv, ensurepip" >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	build=""; \
	{ command -v pkg-config >/dev/null 2>&1 && pkg-config --exists tesseract lept; } || build="$$build libtesseract-dev"; \
	command -v g++ >/dev/null 2>&1 || build="$$build g++"; \
	python3 -c "import sysconfig, os, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()['include'], 'Python.h')))" >/dev/null 2>&1 || build="$$build python3-dev"; \
	SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
	if [ -n "$$missing$$build" ]; then $$SUDO apt-get update -qq || true; fi; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PKGS) python3-venv >/dev/null; \
	fi; \
	if [ -n "$$build" ]; then \
	  echo "Installing build packages for tesserocr:$$build"; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_BUILD) >/dev/null \
	    || echo "warning: could not install $(APT_BUILD); OCR will run the tesseract command (same results, slower)"; \
	fi

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv .venv
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e ".[test]"
	@# Built from source against the system's Tesseract (a binary wheel bundles another one).
	@# Optional: without it OCR runs the `tesseract` command, with the same results.
	$(PIP) install -q --no-binary tesserocr -e ".[ocr]" \
	  || echo "warning: tesserocr did not build; OCR will run the tesseract command (same results, slower)"
	@touch $(STAMP)

run: setup
	.venv/bin/vnplans run data/raw --out data/processed

test: setup
	$(PY) -m pytest -q

test-fast: setup
	$(PY) -m pytest -q -m "not slow"

# Lint, format check, types and the layer contract; .ci/run runs it before the tests.
lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy
	.venv/bin/lint-imports

fmt: setup
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

score: setup
	$(PY) ../shared/eval/score.py --pred data/processed --gold ../shared/gold

ocr-check: setup
	.venv/bin/vnplans ocr-check data/raw --truth tests/fixtures

# Speed and memory against the tools underneath; writes bench/RESULTS.md (12-15 min).
bench: setup
	.venv/bin/vnplans bench

clean:
	rm -rf data/processed/*/ .pytest_cache
