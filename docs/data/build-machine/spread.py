#!/usr/bin/env python3
"""Prints the p50/p99/p99.9/max of every condition's two repeats (a, b) from their histogram.txt, and the
ratio between the repeats: the run-to-run spread that is the yardstick for predictions of this machine.
Percentiles are the middle of the 1 us bucket that holds them (cyclictest truncates to whole us), over
all threads pooled; a percentile among the overflows is shown as '>= edge'."""
import json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
CONDS = ["idle-1ms", "idle-200us", "hackbench", "sched-other", "smp"]
PS = [50, 99, 99.9]

def read(d):
    counts = {}
    over = 0
    mx = 0
    with open(os.path.join(d, "histogram.txt")) as f:
        for line in f:
            if line.startswith("# Histogram Overflows:"):
                over = sum(int(x) for x in line.split(":")[1].split())
            elif line.startswith("# Max Latencies:"):
                mx = max(int(x) for x in line.split(":")[1].split())
            elif line[:1].isdigit():
                parts = line.split()
                b = int(parts[0])
                c = sum(int(x) for x in parts[1:])
                if c:
                    counts[b] = counts.get(b, 0) + c
    edge = max(counts) + 1 if counts else 0
    with open(os.path.join(d, "measurement.json")) as f:
        m = json.load(f)
    return counts, over, mx, m

def pct(counts, over, p):
    n = sum(counts.values()) + over
    need = p / 100 * n
    acc = 0
    for b in sorted(counts):
        acc += counts[b]
        if acc >= need:
            return b + 0.5
    return None

def fmt(v):
    return "≥ 20000" if v is None else "%.1f" % v

def main():
    rows = []
    print("| condition | repeat | start (UTC) | samples | p50 µs | p99 µs | p99.9 µs | max µs | steal % | loadavg before |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    stats = {}
    for c in CONDS:
        for r in "ab":
            d = os.path.join(here, c + "-" + r)
            if not os.path.exists(os.path.join(d, "measurement.json")):
                continue
            counts, over, mx, m = read(d)
            vals = [pct(counts, over, p) for p in PS]
            stats[(c, r)] = vals + [mx]
            n = sum(counts.values()) + over
            print("| %s | %s | %s | %d | %s | %s | %s | %d | %.2f | %s |" % (c, r, m["start"][:19], n, *map(fmt, vals),
                  mx, m["steal"]["total"]["percent_of_wall"], m["loadavg"]["before"].split()[0]))
    print()
    print("| condition | p50 b/a | p99 b/a | p99.9 b/a | max b/a |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for c in CONDS:
        if (c, "a") in stats and (c, "b") in stats:
            a, b = stats[(c, "a")], stats[(c, "b")]
            print("| %s | %s |" % (c, " | ".join("—" if x is None or y is None else "%.2f" % (y / x) for x, y in zip(a, b))))


if __name__ == "__main__":
    main()
