#!/usr/bin/env python3
"""Table of predicted vs measured p50/p99/p99.9 per condition: the prediction (pooled over the run's threads,
from percentiles.csv) against both repeats (spread.py's figures), 'in' when the prediction lies within the
repeats' range widened by x1.3 on each side (the yardstick of docs/validation.md)."""
import csv, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import spread

pred_dir, cal = sys.argv[1], sys.argv[2]
print("| condition | | p50 µs | p99 µs | p99.9 µs |")
print("| --- | --- | ---: | ---: | ---: |")
for c in spread.CONDS:
    meas = []
    for r in "ab":
        d = os.path.join(os.path.dirname(os.path.abspath(spread.__file__)), c + "-" + r)
        if os.path.exists(os.path.join(d, "measurement.json")):
            counts, over, mx, m = spread.read(d)
            meas.append([spread.pct(counts, over, p) for p in spread.PS])
    sim = {}
    with open(os.path.join(pred_dir, c, "percentiles.csv")) as f:
        for row in csv.DictReader(f):
            if row["group"] == "pooled" or row["thread"] == "-1":
                sim[float(row["p"])] = float(row["value_us"])
    cells = []
    for i, p in enumerate(spread.PS):
        v = sim.get(float(p))
        ms = [x[i] for x in meas if x[i] is not None]
        if v is None or not ms:
            cells.append("—")
            continue
        lo, hi = min(ms) / 1.3, max(ms) * 1.3
        cells.append("%.1f (%s)" % (v, "in" if lo <= v <= hi else "**out, ×%.1f**" % (v / max(ms) if v > hi
                                                                                         else min(ms) / v)))
    label = c + (" (calibrated on)" if any(x.startswith(c + "-") for x in cal.split()) else "")
    print("| %s | measured a / b | %s |" % (label, " | ".join(
        " / ".join(spread.fmt(x[i]) for x in meas) for i in range(len(spread.PS)))))
    print("| | predicted | %s |" % " | ".join(cells))
