# edX credential advisor: the usual Rasa project targets.
# `make chat` sets everything up and starts a conversation; `make test` runs all tests.
SHELL := /bin/bash
PYTHON ?= python3.10
VENV := .venv
BIN := $(VENV)/bin
SPACY_MODEL := $(shell sed -n 's/^ *model: *//p' config.yml | head -n 1)
# The sentence encoder's folder: the model of the SentenceEncoderFeaturizer entry in config.yml.
ENCODER := $(shell sed -n '/SentenceEncoderFeaturizer/,/model:/s/^ *model: *//p' config.yml | head -n 1)
MODEL := models/advisor.tar.gz
ACTION_PORT ?= 5055
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the tests drive: tmux (rasa shell smoke test), chromium (web chat),
# PostgreSQL, Redis and HAProxy (the cluster: make run-cluster, its test and benchmark).
TEST_APT_PACKAGES := tmux chromium postgresql redis-server haproxy

.PHONY: install system-deps train run run-cluster run-actions shell chat test bench bench-dialogue bench-answers bench-load bench-profile bench-seeds bench-dev bench-gate bench-cv lint validate clean

install: $(VENV)/.installed $(SPACY_MODEL)/meta.json $(ENCODER)/model.safetensors

$(VENV)/.installed: requirements.txt constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/pip check
	@touch $@

$(SPACY_MODEL)/meta.json: $(VENV)/.installed config.yml
	$(BIN)/python scripts/build_spacy_pipeline.py

$(ENCODER)/model.safetensors: $(VENV)/.installed
	$(BIN)/python scripts/fetch_sentence_encoder.py

# Retrain only when the data, domain, config or a custom NLU component changed (the data folder itself too:
# its time changes when a file is added or deleted).
$(MODEL): $(VENV)/.installed $(SPACY_MODEL)/meta.json $(ENCODER)/model.safetensors config.yml domain.yml data $(wildcard data/*.yml) $(wildcard components/*.py)
	$(BIN)/rasa train --fixed-model-name advisor --out models
	@touch $@

train: install $(MODEL)

# The whole stack with the web chat at http://localhost:8000/
run: train
	$(BIN)/python -m scripts.web

# Two Rasa servers and two action servers behind HAProxy, on PostgreSQL and Redis
# (installed with apt-get if missing): http://localhost:8000/ (docs/deployment.md).
run-cluster: train
	$(BIN)/python -m scripts.cluster

# The action server, on 127.0.0.1 only (SANIC_HOST): only the Rasa server calls it.
run-actions: install
	SANIC_HOST=127.0.0.1 $(BIN)/rasa run actions --port $(ACTION_PORT)

shell: train
	$(BIN)/python -m scripts.chat

chat: shell

system-deps:
	@missing=""; for p in $(TEST_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "Installing$$missing with apt-get"; \
	$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi

validate: install
	$(BIN)/rasa data validate --fail-on-warnings

test: system-deps train
	$(BIN)/python -m pytest

bench: system-deps train
	$(BIN)/python -m scripts.bench
	$(BIN)/python -m scripts.bench_web

# Personas (tests/personas/) talk to the real servers until they get a recommendation:
# right credential, messages, questions asked again, loops, answers lost (docs/benchmarks.md).
bench-dialogue: train
	$(BIN)/python -m scripts.bench_dialogue

# Load: this advisor, Rasa's stock `rasa init` bot (trained in build/) and the
# cluster at 1, 8, 32 and 64 concurrent conversations (about 5 minutes; docs/benchmarks.md).
bench-load: system-deps train
	$(BIN)/python -m scripts.bench_load

# Where one turn's time goes (NLU components, policies, action call, tracker store).
bench-profile: train
	$(BIN)/python -m scripts.profile_turn

# Questions in users' words (tests/answers/) sent to the real servers; replies scored on key facts:
# correct, partly, off-target, wrong; length; sources named (docs/benchmarks.md).
# BENCH_ARGS passes options, e.g. make bench-answers BENCH_ARGS="--half dev --transcripts".
bench-answers: train
	$(BIN)/python -m scripts.bench_answers $(BENCH_ARGS)

# Held-out NLU accuracy over five training seeds (about 10 minutes).
bench-seeds: install
	$(BIN)/python -m scripts.bench_seeds

# Intent accuracy on data/nlu_independent.yml and tests/nlu_dev.yml by a model
# trained without them, and nonsense answered honestly: the measure to choose
# pipelines and data by, never the held-out set (about 2 minutes; docs/benchmarks.md).
bench-dev: install
	$(BIN)/python -m scripts.bench_dev

# The fallback gate's threshold, scored on five folds of the training data (about 12 minutes).
bench-gate: install
	$(BIN)/python -m scripts.bench_gate

# Five-fold cross-validation on the training data: the shipped combination, DIET
# alone and logistic regression alone (about 35 minutes; docs/benchmarks.md).
bench-cv: install
	$(BIN)/python -m scripts.bench_cv --classifier shipped
	$(BIN)/python -m scripts.bench_cv --classifier diet
	$(BIN)/python -m scripts.bench_cv --classifier logreg

lint: install
	$(BIN)/ruff check advisor actions channels components scripts serving tests
	$(BIN)/ruff format --check advisor actions channels components scripts serving tests

clean:
	rm -rf models build results .pytest_cache
