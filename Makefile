# The README's two commands: `make run` checks the seed articles, `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test check fuzz bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# setuptools warns on every editable install whose package-dir maps a folder (rules/ ships as
# factcheck.builtin_rules); the install is right, so the warning is silenced for these two lines only.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/factcheck check seeds/

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

check: $(VENV)/.installed-dev
	$(BIN)/ruff check factcheck tests benchmarks fuzz
	$(BIN)/mypy factcheck

# `make fuzz` runs the atheris target for FUZZ_SECONDS; new inputs go to FUZZ_CORPUS, crashes to FUZZ_CRASHES.
FUZZ_SECONDS ?= 600
FUZZ_CORPUS ?= $(VENV)/fuzz-corpus
FUZZ_CRASHES ?= $(VENV)/fuzz-crashes/
fuzz: $(VENV)/.installed-dev
	$(BIN)/python -c "import atheris" 2>/dev/null || $(BIN)/python -m pip install --quiet atheris
	mkdir -p $(FUZZ_CORPUS) $(FUZZ_CRASHES)
	$(BIN)/python fuzz/fuzz_pipeline.py -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 \
		-max_len=8192 -dict=fuzz/article.dict -artifact_prefix=$(FUZZ_CRASHES) $(FUZZ_CORPUS) fuzz/seeds tests/articles seeds

clean:
	rm -rf $(VENV) build *.egg-info
