# make extract / make test are all the set-up a fresh clone needs: both install first when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The project's own gold (the seed article's hand annotation) always; the development sets of real
# news only where they lie beside the checkout (../shared/eval: copyrighted, never committed).
GOLD := $(wildcard corpus/gold/*.json)
DEV := ../shared/eval
DEVSETS_WANTED := $(DEV)/news-dev $(DEV)/news-dev2 $(DEV)/polnear-train.jsonl $(DEV)/newsquant-dev.json \
	$(DEV)/recognizers-age.json $(DEV)/recognizers-currency.json $(DEV)/recognizers-dimension.json \
	$(DEV)/recognizers-temperature.json
DEVSETS := $(wildcard $(DEV)/news-dev/*.json $(DEV)/news-dev2/*.json $(DEV)/polnear-train.jsonl $(DEV)/newsquant-dev.json $(DEV)/recognizers-*.json)

.PHONY: setup extract test test-fast eval floors bench review screenshot browser lint schema clean

setup: $(STAMP)

# Everything is installed from requirements.lock, pinned by hash (the spaCy model included). The
# package itself is installed editable, with nothing fetched (its build tool, setuptools, is in the
# lock): spaCy and srsly then find its components and record codecs through its entry points.
$(STAMP): requirements-bootstrap.lock requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements-bootstrap.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation --no-index -e .
	touch $(STAMP)

extract: setup
	$(PY) -m pipeline extract corpus --out outputs

test: setup browser
	$(PY) -m pytest

# The edit loop: everything but the tests marked slow (the torture test, the PolNeAR gate).
test-fast: setup
	$(PY) -m pytest -m "not slow"

# Headless Chromium and its driver for the review site's browser tests, from Debian's packages. Where
# they cannot be installed (no root, no apt) the tests say so and are skipped; nothing else needs them.
browser:
	@{ command -v chromium && command -v chromedriver; } >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
		command -v apt-get >/dev/null 2>&1 && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq chromium chromium-driver >/dev/null) || \
		echo "chromium or chromium-driver not installed: the browser tests will be skipped"; }

review: extract
	$(PY) -m pipeline review outputs

# The README's picture of a review page (the tests take theirs in a temporary folder).
screenshot: extract browser
	$(PY) -m pipeline review outputs --screenshot outputs/review/screenshot.png

eval: extract
	@for set in $(DEVSETS_WANTED); do test -e $$set || echo "skipped $$set: not found (README, Accuracy, says which sets are public and how to make gold of your own)"; done
	$(PY) -m pipeline eval $(GOLD) $(DEVSETS) --out outputs

# Re-measure every set that is here and raise the floors in tests/quality_floors.json it now beats.
floors: setup
	$(PY) -m pipeline.measure.quality

# Our extraction against spaCy alone, as whole processes, interleaved: on the PolNeAR texts where they
# lie beside the checkout, else on copies of corpus/; BENCH_ARGS="--set FOLDER_OR_JSONL" names others.
bench: setup
	$(PY) -m pipeline.measure.bench $(BENCH_ARGS)

lint: setup
	$(PY) -m ruff check pipeline tests
	$(PY) -m mypy pipeline

schema: setup
	$(PY) -m pipeline schema --out schema/output.schema.json

# Everything extract, review and the tests write, but not the README's screenshot (tracked).
clean:
	rm -rf $(VENV) outputs/*.json outputs/*.csv outputs/*.parquet outputs/errors.jsonl outputs/.tables.sqlite* \
		outputs/.pipeline.lock
	find outputs/review -mindepth 1 ! -name screenshot.png -exec rm -rf {} +
