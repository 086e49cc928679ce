#!/usr/bin/env bash
# Records the five conditions of docs/data/build-machine/README.md with `rtvsim measure`, as repeat ROUND
# (a or b): ./measure.sh a. Each condition runs 62 s (p99.9 of the 1 ms conditions rests on 62 samples).
# Needs root (SCHED_FIFO, mlockall) and Debian's rt-tests. RTVSIM_JAR may name a copy of the jar, so that a
# rebuild of target/rtvsim.jar during the run cannot disturb it.
set -euo pipefail
round=${1:?usage: measure.sh a|b}
here="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
rtvsim() {
    if [[ -n "${RTVSIM_JAR:-}" ]]; then java -jar "$RTVSIM_JAR" "$@"; else "$here/../../../rtvsim" "$@"; fi
}
D=62
H=20000   # 1 us buckets up to 20 ms: the idle guest's maxima reach 10 ms
rtvsim measure --out "$here/idle-1ms-$round" -- -m -p 95 -i 1000 -t 1 -a 1 -h $H -D $D
rtvsim measure --out "$here/idle-200us-$round" -- -m -p 95 -i 200 -t 1 -a 1 -h $H -D $D
rtvsim measure --out "$here/hackbench-$round" --load "hackbench -g 2 -l 100000000" -- -m -p 95 -i 1000 -t 1 -a 1 -h $H -D $D
rtvsim measure --out "$here/sched-other-$round" -- -m --policy=other -i 1000 -t 1 -a 1 -h $H -D $D
rtvsim measure --out "$here/smp-$round" -- -m -S -p 95 -i 1000 -h $H -D $D
