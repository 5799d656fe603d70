# Entry points: `make run` (build kb.db from chats and serve it), `make test`, `make bench`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHATS ?= examples/chats
DB ?= kb.db
PORT ?= 8001

.PHONY: run test build serve eval bench clean

run: build serve

build: $(VENV)/.installed
	$(BIN)/extractor build $(CHATS) --db $(DB)

serve: $(VENV)/.installed
	$(BIN)/extractor serve $(DB) --metadata metadata.yml -h 127.0.0.1 -p $(PORT)

test: $(VENV)/.installed
	$(BIN)/pytest -q

# Speed: baseline (plain jieba), full, no-op, incremental and 10x builds, search (see README "Speed")
RUNS ?= 3
bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks.run --runs $(RUNS) --json-out benchmarks/results.json

eval: $(VENV)/.installed
	$(BIN)/extractor eval ../shared/gold/dev.jsonl --corpus ../shared/corpus

$(VENV)/.installed: pyproject.toml requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
