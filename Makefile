# make extract / make test are all the set-up a fresh clone needs: both install first when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
GOLD := ../shared/gold/000_9704b5920b1b9317.json
DEVSETS := $(wildcard ../shared/eval/polnear-train.jsonl ../shared/eval/newsquant-dev.json)

.PHONY: setup extract test eval bench review browser lint schema clean

setup: $(STAMP)

# Everything is installed from requirements.lock, pinned by hash (the spaCy model included).
# The package itself runs from the checkout (python -m pipeline), so it needs no install step.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $(STAMP)

extract: setup
	$(PY) -m pipeline extract corpus --out outputs

test: setup browser
	$(PY) -m pytest

# Headless Chromium for the review page's browser test, from Debian's packages. Where it cannot be
# installed (no root, no apt) the test says so and is skipped; nothing else depends on it.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
		echo "chromium not installed: the browser test will be skipped"; }

review: extract
	$(PY) -m pipeline review outputs

eval: extract
	$(PY) -m pipeline eval $(GOLD) $(DEVSETS) --out outputs

# Our extraction against spaCy alone on the PolNeAR texts, as whole processes, interleaved.
bench: setup
	$(PY) -m pipeline.bench

lint: setup
	$(PY) -m ruff check pipeline tests
	$(PY) -m mypy pipeline

schema: setup
	$(PY) -m pipeline schema --out schema/output.schema.json

clean:
	rm -rf $(VENV) outputs/*.json outputs/*.csv outputs/errors.jsonl
