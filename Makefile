# ACR membership assistant. `make run` to talk to it, `make test` to check it.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
.DEFAULT_GOAL := help

VENV      := .venv
PYTHON    := $(VENV)/bin/python
# Rasa's command line with the project's speed-ups of Rasa's code (speedups/);
# ASSISTANT_SPEEDUPS=off runs Rasa's own code.
RASA      := $(PYTHON) -m speedups
MODEL     := models/acr-assistant.tar.gz
SPACY_DIR := build/spacy-acr
WIDGET    := webchat/node_modules/rasa-webchat/lib/index.js
QUIET     := 2>&1 | $(PYTHON) scripts/without_warnings.py

# Where `make run` serves (ops/supervisord.conf reads them from the environment;
# `make run-tls` puts the Rasa server on loopback and allows the site's origin only).
export RASA_PORT      ?= 5005
export RASA_INTERFACE ?= 0.0.0.0
export ACTIONS_PORT   ?= 5055
export MODELS_PORT    ?= 5056
export WEB_PORT       ?= 8080
export CORS_ORIGINS   ?= http://localhost:$(WEB_PORT) http://127.0.0.1:$(WEB_PORT)

# Quiet TensorFlow and warnings, no telemetry (there is no network to send it to).
export TF_CPP_MIN_LOG_LEVEL := 3
export PYTHONWARNINGS := ignore
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export RASA_TELEMETRY_ENABLED := false
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help setup train run run-tls run-config reload status run-scaled shell test validate unit browser services stories content-check bench soak purge report review quote clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

setup: $(VENV)/.installed $(SPACY_DIR)/meta.json $(WIDGET)  ## Python 3.10 venv, spaCy pipeline, web widget

$(VENV)/.installed: requirements.txt requirements.lock
	@test -x $(PYTHON) || "$$(scripts/find_python310.sh)" -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip==24.2
	$(PYTHON) -m pip install --quiet -r requirements.txt -c requirements.lock
	@touch $@

$(SPACY_DIR)/meta.json: $(VENV)/.installed nlp/*.py language/*.py language/vocabulary.yml
	$(PYTHON) -m nlp.build $(SPACY_DIR)

$(WIDGET): webchat/package.json webchat/package-lock.json
	cd webchat && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

train: setup  ## train the model when config, domain, data or vocabulary changed (FORCE=1 always, FINETUNE=1 faster)
	@FORCE=$(FORCE) FINETUNE=$(FINETUNE) scripts/train.sh $(MODEL)

run: train run-config  ## serve: actions :5055, Rasa :5005, chat page http://localhost:8080/, each restarted when it dies
	@$(VENV)/bin/supervisord --configuration ops/supervisord.conf

run-tls: train run-config  ## make run behind nginx: https://SERVER_NAME/ with CERT= and KEY= (HTTPS_PORT=443, HTTP_PORT=80)
	@scripts/ensure_packages.sh /usr/sbin/nginx:nginx
	@$(PYTHON) -m ops.tls --server-name "$(SERVER_NAME)" --cert "$(CERT)" --key "$(KEY)" \
	  --https-port $(or $(HTTPS_PORT),443) --http-port $(or $(HTTP_PORT),80)

run-config:
	@mkdir -p var
	@$(PYTHON) -m channels.credentials build/credentials.yml
	@$(PYTHON) -m ops.endpoints build/endpoints.yml
	@$(PYTHON) -m ops.model_server publish $(MODEL)

reload:  ## after `make train` or a dues schedule edit: into service under a running `make run`, no restart
	@$(PYTHON) -m ops.reload $(MODEL)

status:  ## the processes of `make run` and the model it serves (the chat page's /health)
	@$(VENV)/bin/supervisorctl --configuration ops/supervisord.conf status || true
	@$(PYTHON) -m ops.health

run-scaled: train services  ## nginx :8000 before 2 Rasa servers, PostgreSQL, Redis (PORT=, INSTANCES=, LISTEN=0.0.0.0)
	@mkdir -p var
	@$(PYTHON) -m ops.scaled --port $(or $(PORT),8000) --instances $(or $(INSTANCES),2) \
	  --listen $(or $(LISTEN),127.0.0.1) --cors $(CORS_ORIGINS)

shell: train  ## chat on the command line (actions server runs behind it)
	@mkdir -p var
	@scripts/shell.sh $(MODEL)

test: train validate content-check unit stories  ## everything CI checks

validate: setup  ## rasa data validate, failing on any warning (scripts/validate_data.py)
	$(PYTHON) scripts/validate_data.py $(QUIET)

unit: train browser services  ## pytest: engine, actions, NLU, live servers, channels
	$(PYTHON) -m pytest

browser:  ## Chromium for the web widget test (apt-get installs it when missing)
	@scripts/ensure_chromium.sh

services:  ## PostgreSQL, Redis and nginx for the scaled layout (apt-get installs them when missing)
	@scripts/ensure_services.sh

stories: train  ## rasa test on the test stories, failing on any wrong prediction
	$(RASA) test core --model $(MODEL) --stories tests/stories --out build/results --fail-on-prediction-errors $(QUIET)

content-check: setup  ## answers, examples, tests and dues figures staff edit are complete and sourced
	$(PYTHON) -m content.check

bench: train services  ## speed and answer accuracy, against a stock `rasa init` assistant
	$(PYTHON) -m bench

soak: train services  ## 50 visitors x 10 turns through nginx, action server killed mid-run; build/soak/report.md
	$(PYTHON) -m bench.soak $(SOAK_ARGS)

purge: setup  ## delete conversations idle for more than DAYS days (default 30) from the tracker store
	$(PYTHON) -m conversations.purge --days $(or $(DAYS),30)

report: setup  ## conversation report from the tracker store (ENDPOINTS=endpoints.yml): build/report/index.html
	$(PYTHON) -m conversations.report --endpoints $(or $(ENDPOINTS),endpoints.yml) --out build/report/index.html

review: setup  ## questions the assistant was unsure of, to decide on http://127.0.0.1:8090/ (ENDPOINTS=, PORT=): docs/review.md
	$(PYTHON) -m review --endpoints $(or $(ENDPOINTS),endpoints.yml) --port $(or $(PORT),8090)

quote: setup  ## a membership quote: make quote PROFILE='{"profession":"physician",...}'
	@echo '$(PROFILE)' | $(PYTHON) -m membership explain

clean:  ## remove models, build output and the virtual environment
	rm -rf $(VENV) build models .rasa webchat/node_modules
