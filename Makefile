# Developer and CI entry points. `make test` is what CI runs (through .ci/run).
# Keep targets small; extend by adding new ones.

VENV   ?= .venv
PY     := $(VENV)/bin/python
# arguments for the conformance run, e.g. make conformance CONFORMANCE_ARGS="'test-http-*' -j 4"
# empty: the runner's default selection (DEFAULT_SELECTION in conformance/runner.py), every
# module nodeshim provides; expectations for all of it are in conformance/status.txt
CONFORMANCE_ARGS ?=

.PHONY: setup test unit conformance conformance-fetch example

setup:
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q -e '.[test]'
	if [ -f polyfills/package-lock.json ]; then npm ci --prefix polyfills --no-audit --no-fund; fi

test: setup unit conformance

unit:
	$(PY) -m pytest -q

conformance-fetch:
	$(PY) -m conformance fetch --if-missing

# Node's own tests of the modules in scope, against conformance/status.txt:
# fails only on a regression (a test not listed there that no longer passes).
conformance: conformance-fetch
	$(PY) -m conformance run -q $(CONFORMANCE_ARGS)

example: setup
	HELLO_ONESHOT=1 $(VENV)/bin/nodeshim examples/hello-server.js
