#!/usr/bin/env bash
# CI smoke for the demo CLIP: emoji subset -> tokenizer -> 30 training steps of a tiny model -> ONNX export
# -> load in transformers.js (Node, onnxruntime-node) -> embed text and images -> torch parity < 1e-4.
# Needs Debian's python3-torch python3-onnx python3-numpy python3-pil (the system /usr/bin/python3).
# Writes only under training/out/smoke (git-ignored). Run: bash training/smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
OUT=training/out/smoke
if ! "$PY" -c 'import torch, onnx, numpy, PIL' 2>/dev/null; then
  echo "smoke: $PY cannot import torch/onnx/numpy/PIL: apt-get install -y python3-torch python3-onnx python3-numpy python3-pil" >&2
  exit 1
fi
rm -rf "$OUT"
"$PY" training/data_prep.py --smoke --out "$OUT/data"
"$PY" training/train.py --smoke --data "$OUT/data" --out "$OUT/run"
"$PY" training/export.py --checkpoint "$OUT/run/checkpoint.pt" --out "$OUT/clip-mini" --fixture "$OUT/parity.json"
CLIP_MINI_ROOT="$OUT/" CLIP_MINI_ID=clip-mini CLIP_MINI_FIXTURE="$OUT/parity.json" \
  npx vitest run --project unit tests/unit/clip/clip-mini.test.ts
