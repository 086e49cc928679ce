#!/usr/bin/env bash
# Re-executes every notebook in place, so the committed outputs match the code: run it after changing
# rtvsim, a scenario or a notebook, then commit the notebooks. `check.sh` verifies that nothing is stale.
# Usage: notebooks/regenerate.sh [NOTEBOOK.ipynb…]   (default: all of notebooks/*.ipynb)
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
python="${PYTHON:-/usr/bin/python3}"   # Debian's interpreter: a pyenv python3 on the PATH lacks Jupyter
cd "$here"
if [[ $# -eq 0 ]]; then set -- [0-9]*.ipynb; fi

export PYDEVD_DISABLE_FILE_VALIDATION=1
RTVSIM_NB_OUT="$(mktemp -d)"
export RTVSIM_NB_OUT
trap 'rm -rf "$RTVSIM_NB_OUT"' EXIT

"$here/../rtvsim" --version >/dev/null   # builds the jar once, before the kernels start
for nb in "$@"; do
    start=$SECONDS
    "$python" -m jupyter nbconvert --to notebook --execute --inplace \
        --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.record_timing=False "$nb"
    echo "$nb: $((SECONDS - start)) s" >&2
done
