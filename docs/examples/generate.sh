#!/usr/bin/env bash
# Regenerates the example reports under docs/examples/ (run from anywhere; takes a few minutes).
# Each example is a real rtvsim run; the committed files are its --out directory.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$root"
out=docs/examples

# PREEMPT (full) vs PREEMPT_RT under the same hackbench load, common random numbers, 5 replications.
rm -rf "$out/full-vs-rt-hackbench"
./rtvsim compare scenarios/baremetal-full-hackbench.yaml scenarios/baremetal-rt-hackbench.yaml \
    --replications 5 --out "$out/full-vs-rt-hackbench" > "$out/full-vs-rt-hackbench.txt"

# A contended spinlock_t under full and rt (one scenario, two variants).
rm -rf "$out/spinlock-full-vs-rt"
./rtvsim compare scenarios/rt-spinlock-contention.yaml \
    --variant host.kernel.preempt=full --variant host.kernel.preempt=rt \
    --replications 5 --out "$out/spinlock-full-vs-rt" > "$out/spinlock-full-vs-rt.txt"

# CAT off vs on under a 20 GB/s cache hog (identical scenarios but hardware.cat), 5 replications.
rm -rf "$out/cat-off-vs-on"
./rtvsim compare scenarios/cat-off-cache-hog.yaml scenarios/cat-on-cache-hog.yaml \
    --replications 5 --duration 5s --out "$out/cat-off-vs-on" > "$out/cat-off-vs-on.txt"

# Capacity: how many hackbench tasks per CPU still meet p99.9 < 11 us under PREEMPT_RT (answer: 2).
rm -rf "$out/capacity-rt-hackbench-tasks"
./rtvsim capacity scenarios/baremetal-rt-hackbench.yaml --vary 'host.workload[1].kernel_activity.tasks=1..32' \
    --slo 'p99.9<11us' --replications 3 --duration 3s --out "$out/capacity-rt-hackbench-tasks" \
    > "$out/capacity-rt-hackbench-tasks.txt" || true   # exit 1 = even the smallest value misses the SLO

# KVM: the talk's partitioned RT guest vs the same guest on a shared, unpartitioned host (CRN, 3 replications).
rm -rf "$out/kvm-partitioned-vs-shared"
./rtvsim compare scenarios/kvm-rt-partitioned.yaml scenarios/kvm-rt-shared.yaml \
    --replications 3 --duration 2s --out "$out/kvm-partitioned-vs-shared" > "$out/kvm-partitioned-vs-shared.txt"

# Capacity: how many 4-vCPU RT guests fit on the 16-CPU host at p99.99 < 50 us (answer: 3).
rm -rf "$out/capacity-kvm-guests"
./rtvsim capacity scenarios/kvm-capacity.yaml --vary 'vms[rt].count=1..6' --slo 'p99.99<50us' \
    --replications 3 --duration 1s --out "$out/capacity-kvm-guests" > "$out/capacity-kvm-guests.txt" || true

# The picture of one guest wake-up in docs/virtualization.md.
./rtvsim trace scenarios/kvm-small.yaml --around max --window 40us --out docs/img/kvm-guest-wakeup.png

