# Two commands matter: `make demo` and `make test`. Both set everything up from a fresh clone.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
OUT    ?= out/demo
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: demo test install install-dev browser clean bench

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	touch $@

$(DEVSTAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet -e ".[dev,ray,ftm]"
	touch $@ $(STAMP)

install: $(STAMP)
install-dev: $(DEVSTAMP)

demo: $(STAMP)
	$(VENV)/bin/consilience analyze examples/corpus --out $(OUT)
	@echo "Open $(OUT)/dossier.html in a browser, or run: $(VENV)/bin/consilience serve $(OUT)"

# Debian's Chromium for the browser tests (skipped, with a reason, when it cannot be installed).
browser:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	  || echo "warning: could not install chromium; browser tests will be skipped"; fi

test: $(DEVSTAMP) browser
	$(PY) -m pytest -q

bench: $(DEVSTAMP)
	$(PY) benchmarks/extraction.py
	$(PY) benchmarks/timebank.py
	$(PY) benchmarks/throughput.py

clean:
	rm -rf $(VENV) out .pytest_cache
