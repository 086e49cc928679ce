#!/usr/bin/env bash
# Calibrates scenarios/kvm-cloud-guest.yaml on one or more measured conditions of this machine (default
# idle-1ms-a; several, space-separated, make a joint fit) and predicts all five conditions with the fitted
# model, each with the cyclictest command line and load its measurement.json records. Writes the fit into
# ../../examples/validation/own-fit-NAME and the predictions into ../../examples/validation/own-predict-NAME
# (NAME = the conditions joined by '+'), then prints the table of docs/validation.md (predicted vs both
# repeats). Usage: ./predict.sh ["CONDITION [CONDITION…]"] [BUDGET] [MAX-SAMPLES per evaluation, default 30000]
# SCENARIO=FILE calibrates another model (e.g. neighbour-anywhere.yaml here); its outputs get the suffix
# -BASENAME (own-fit-NAME-neighbour-anywhere).
set -euo pipefail
here="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
root="$here/../../.."
cal=${1:-idle-1ms-a}
budget=${2:-4m}
samples=${3:-30000}
name=${cal// /+}
scenario=${SCENARIO:-$root/scenarios/kvm-cloud-guest.yaml}
[[ -n "${SCENARIO:-}" ]] && name="$name-$(basename "$SCENARIO" .yaml)"
rtvsim() {
    if [[ -n "${RTVSIM_JAR:-}" ]]; then java -jar "$RTVSIM_JAR" "$@"; else "$root/rtvsim" "$@"; fi
}
fit="$root/docs/examples/validation/own-fit-$name"
pred="$root/docs/examples/validation/own-predict-$name"
measured=()
for c in $cal; do measured+=(--measured "$here/$c/measurement.json"); done
rtvsim calibrate --scenario "$scenario" "${measured[@]}" \
    --out "$fit" --budget "$budget" --max-samples "$samples" | tee "$fit.txt"
field() { /usr/bin/python3 -c "import json,sys; m=json.load(open(sys.argv[1])); v=m$2; print(v if v else '')" "$1"; }
for c in idle-1ms idle-200us hackbench sched-other smp; do
    m="$here/$c-a/measurement.json"
    opts=$(field "$m" "['cyclictest']['options']")
    load=$(field "$m" ".get('load') and m['load']['command']")
    args=(run "$fit/calibrated.yaml" --cyclictest "$opts" --duration 62s --quiet --out "$pred/$c")
    [[ -n "$load" ]] && args+=(--load "$load")
    rtvsim "${args[@]}"
done
/usr/bin/python3 "$here/predict-table.py" "$pred" "$cal"
