#!/usr/bin/env python3
"""Xenomai KVM guest, steps 2 and 3: the measured `latency` RTS lines (min / avg / max, overruns) against
rtvsim's runs (called by ../validation.sh). Writes a Markdown table on stdout.

Usage: rts.py RTS_summary_lines_from_logs.txt DIR   (DIR holds voluntary/ and rt/ with summary.json)
"""
import json
import sys
from pathlib import Path

rts_file, root = Path(sys.argv[1]), Path(sys.argv[2])
rts = {}
for line in rts_file.read_text().splitlines():
    log, _, rest = line.partition(":")
    if "RTS|" in rest:
        f = [x.strip() for x in rest.split("RTS|")[1].split("|")]
        rts[log.strip()] = (float(f[0]), float(f[1]), float(f[2]), int(f[3]))


def simulated(name):
    """min / exact mean / max (us) and samples of the one cyclictest thread; wake-ups it missed."""
    t = json.loads((root / name / "summary.json").read_text())["threads"][0]
    return t["min_ns"] / 1000, t["sum_ns"] / t["samples"] / 1000, t["max_ns"] / 1000, t["samples"]


def err(sim, meas):
    return f"{sim - meas:+.3f} ({sim / meas:.2g}×)"


rows = [("step 2 (taskset, Ubuntu generic host), measured — calibrated on its histogram",
         rts["max_latency_taskset_10min_log"], None, None),
        ("calibrated model, `host.kernel.preempt=voluntary`", None, simulated("voluntary"),
         rts["max_latency_taskset_10min_log"]),
        ("step 3 (host on an RT kernel), measured", rts["max_latency_rt_10min_log"], None, None),
        ("**predicted** step 3, `host.kernel.preempt=rt`", None, simulated("rt"), rts["max_latency_rt_10min_log"])]
print("| | samples | min | avg | max | overruns | error min | error avg | error max |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for label, meas, sim, ref in rows:
    if meas:
        mn, av, mx, ov = meas
        print(f"| {label} | ≈ 6,000,000 | {mn:.3f} | {av:.3f} | {mx:.3f} | {ov} | | | |")
    else:
        mn, av, mx, n = sim
        print(f"| {label} | {n:,} | {mn:.3f} | {av:.3f} | {mx:.3f} | {6_000_000 - n:,} fewer wake-ups | "
              f"{err(mn, ref[0])} | {err(av, ref[1])} | {err(mx, ref[2])} |")
print()
print("(µs; measured: the `RTS|` lines of the run logs, `latency`'s avg being the mean of its per-second "
      "averages; simulated: exact min, mean and max of one 600 s run each (seed 1), as long as the measured "
      "runs; \"fewer wake-ups\" counts the 100 µs periods the simulated thread did not sample, its overruns.)")
