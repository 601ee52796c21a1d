#!/usr/bin/env bash
# Trains the model into a fixed file, only when what it is trained from changed
# (config, domain, training data, the language pipeline); FORCE=1 always trains.
# FINETUNE=1 starts from the current model and trains a fifth of the epochs: about half
# the time, for answer texts and a few new examples (new words in examples are only
# learnt by a full training, so train in full before a release).
set -euo pipefail
model="${1:-models/acr-assistant.tar.gz}"
fingerprint_file="${model%.tar.gz}.fingerprint"

fingerprint="$(find config.yml domain.yml data nlp language -type f \( -name '*.yml' -o -name '*.py' \) -print0 \
  | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"

if [[ -z "${FORCE:-}" && -f "$model" && "$(cat "$fingerprint_file" 2>/dev/null)" == "$fingerprint" ]]; then
  echo "Model is up to date: $model"
  exit 0
fi

finetune=()
if [[ -n "${FINETUNE:-}" && -f "$model" ]]; then
  previous="$(mktemp -d)/previous.tar.gz"
  cp "$model" "$previous"
  finetune=(--finetune "$previous" --epoch-fraction 0.2)
fi

mkdir -p "$(dirname "$model")"
# `make validate` checks the data more strictly than training does, and with rules and
# memoization only there are no stories to augment.
.venv/bin/python -m speedups train --config config.yml --domain domain.yml --data data \
  --skip-validation --augmentation 0 "${finetune[@]}" \
  --out "$(dirname "$model")" --fixed-model-name "$(basename "$model" .tar.gz)" 2>&1 \
  | .venv/bin/python scripts/without_warnings.py
echo "$fingerprint" > "$fingerprint_file"
