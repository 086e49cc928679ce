#!/usr/bin/env bash
# Executes every notebook headless into a temporary folder (a failing cell fails this script), then
# checks that the committed notebooks' text outputs — every number they print — equal the fresh ones.
# rtvsim is deterministic for a seed, so a difference means the committed outputs are stale: run
# notebooks/regenerate.sh and commit. Called by .ci/run after the tests.
# Usage: notebooks/check.sh [NOTEBOOK.ipynb…]   (default: all of notebooks/*.ipynb)
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
python="${PYTHON:-/usr/bin/python3}"
cd "$here"
if [[ $# -eq 0 ]]; then set -- [0-9]*.ipynb; fi

export PYDEVD_DISABLE_FILE_VALIDATION=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export RTVSIM_NB_OUT="$work/out"

"$here/../rtvsim" --version >/dev/null
for nb in "$@"; do
    start=$SECONDS
    "$python" -m jupyter nbconvert --to notebook --execute --output-dir "$work/executed" \
        --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.record_timing=False "$nb"
    echo "$nb: executed in $((SECONDS - start)) s" >&2
done
"$python" "$here/compare_outputs.py" --executed "$work/executed" "$@"
