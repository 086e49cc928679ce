#!/usr/bin/env bash
# Regenerates the measured-data validation under docs/examples/validation/ (docs/validation.md,
# "Calibration against measured data"). Needs ../shared/data (the public measurements) beside the
# repository, or DATA=/path/to/shared/data. Takes about 3 minutes on a 2-core machine.
#
# Pair: civcode 4-CPU board, PREEMPT_RT vs mainline kernel (one condition: the preemption model).
#   1. calibrate civcode-rt.yaml on the PREEMPT_RT run2 histogram (3 kernel path costs);
#   2. predict the mainline histogram by changing only host.kernel.preempt (full, and voluntary: the
#      mainline kernel's preemption model is not stated) and the other PREEMPT_RT run (run1, same condition).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$root"
data="${DATA:-../shared/data}/public/civcode-mainline-vs-rt"   # relative: the outputs name it so
out=docs/examples/validation

rm -rf "$out/civcode-fit" "$out/civcode-predict"
./rtvsim calibrate --measured "$data/preempt_rt_run2_cyclictest_output.txt" --scenario "$out/civcode-rt.yaml" \
    --fit host.kernel.costs.timer_expiry.lognormal.median=0.5us..5us \
    --fit host.kernel.costs.timer_expiry.lognormal.sigma=0.05..0.8 \
    --fit host.kernel.costs.return_to_user.lognormal.sigma=0.05..1 \
    --budget 5m --out "$out/civcode-fit" > "$out/civcode-fit.txt"

# the same calibrated model against each other measurement; only the preemption model changes for mainline
./rtvsim compare --measured "$data/mainline_histogram.csv" "$out/civcode-fit/calibrated.yaml" \
    --variant full:host.kernel.preempt=full --variant voluntary:host.kernel.preempt=voluntary \
    --out "$out/civcode-predict/mainline" > "$out/civcode-predict-mainline.txt"
./rtvsim compare --measured "$data/preempt_rt_histogram_run1.csv" "$out/civcode-fit/calibrated.yaml" \
    --out "$out/civcode-predict/rt-run1" > "$out/civcode-predict-rt-run1.txt"
