#!/usr/bin/env python3
"""Orange Pi Zero 2W, run C: measured per-thread min/avg/max against rtvsim's predictions (called by
../validation.sh). Writes a Markdown table on stdout and orangepi/minavgmax.svg (no plotting library needed).

Usage: minavgmax.py summary_stats.csv DIR   (DIR holds rt/, voluntary/, full/, none/ with summary.json)
"""
import csv
import json
import math
import sys
from pathlib import Path

stats, root = Path(sys.argv[1]), Path(sys.argv[2])
rows = list(csv.DictReader(line for line in stats.open() if not line.startswith("#")))


def measured(run):
    r = [x for x in rows if x["run"] == run]
    return [(int(x["min_us"]), int(x["avg_us"]), int(x["max_us"]), int(x["cycles"])) for x in r]


def simulated(name):
    s = json.loads((root / name / "summary.json").read_text())
    return [(t["min_us_trunc"], t["avg_us_trunc"], t["max_us_trunc"], t["samples"]) for t in s["threads"]]


def pooled(threads):
    """min of minima, mean of the per-thread (truncated) averages, max of maxima, samples per thread."""
    return (min(t[0] for t in threads), sum(t[1] for t in threads) / len(threads), max(t[2] for t in threads),
            round(sum(t[3] for t in threads) / len(threads)))


def err(sim, meas):
    d = sim - meas
    return f"{d:+.1f} ({sim / meas:.2g}×)" if meas else f"{d:+.1f}"


m_rt, m_def = measured("C_rt"), measured("C_default")
entries = [("PREEMPT_RT, measured (fitted on: avg)", m_rt, None),
           ("**predicted** PREEMPT_RT (fitted, unchanged)", simulated("rt"), m_rt),
           ("vendor kernel, measured", m_def, None)]
entries += [(f"**predicted** vendor kernel, `host.kernel.preempt={p}`", simulated(p), m_def)
            for p in ("voluntary", "full", "none")]

print("| run C (apt update) | samples / thread | min | avg (mean of threads) | max (max of threads) "
      "| per-thread max | error min | error avg | error max |")
print("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
for label, threads, ref in entries:
    mn, av, mx, n = pooled(threads)
    per = " ".join(str(t[2]) for t in threads)
    e = ["", "", ""]
    if ref:
        rmn, rav, rmx, _ = pooled(ref)
        e = [err(mn, rmn), err(av, rav), err(mx, rmx)]
    print(f"| {label} | {n:,} | {mn} | {av:.2f} | {mx} | {per} | {e[0]} | {e[1]} | {e[2]} |")
print()
print("(µs, cyclictest's rules on both sides: whole µs, truncated per-thread averages; each simulation as long "
      "as the measured run. Runs A and B of the same board, load not stated, for scale: RT A "
      + ", ".join(f"{t[0]}/{t[1]}/{t[2]}" for t in measured("A_rt")) + "; vendor A "
      + ", ".join(f"{t[0]}/{t[1]}/{t[2]}" for t in measured("A_default")) + "; vendor B "
      + ", ".join(f"{t[0]}/{t[1]}/{t[2]}" for t in measured("B_default")) + " (min/avg/max per thread).)")

# --- chart: per-thread min (▽), avg (●), max (△) on a log scale, one column per entry -----------------------
W, H, L, R, T, B = 900, 420, 70, 20, 40, 110
cols = [("RT\nmeasured", m_rt, "#000"), ("RT\npredicted", simulated("rt"), "#1f77b4"),
        ("vendor\nmeasured", m_def, "#000"), ("voluntary\npredicted", simulated("voluntary"), "#d62728"),
        ("full\npredicted", simulated("full"), "#ff7f0e"), ("none\npredicted", simulated("none"), "#9467bd")]
lo, hi = 1, 20000


def y(v):
    v = max(v, lo)
    return T + (H - T - B) * (1 - (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)))


out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<text x="{W / 2}" y="20" text-anchor="middle" font-size="14">Orange Pi Zero 2W, run C (apt update): '
       'per-thread min ▽, avg ●, max △ (µs)</text>']
for d in range(0, 5):
    v = 10 ** d
    out.append(f'<line x1="{L}" x2="{W - R}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>')
    out.append(f'<text x="{L - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
step = (W - L - R) / len(cols)
for i, (label, threads, color) in enumerate(cols):
    cx = L + step * (i + 0.5)
    for j, line in enumerate(label.split("\n")):
        out.append(f'<text x="{cx:.1f}" y="{H - B + 20 + 15 * j}" text-anchor="middle">{line}</text>')
    for k, (mn, av, mx, _) in enumerate(threads):
        x = cx + (k - (len(threads) - 1) / 2) * 12
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y(mn):.1f}" y2="{y(mx):.1f}" stroke="{color}" '
                   'stroke-opacity="0.4"/>')
        out.append(f'<path d="M{x - 4:.1f},{y(mn) - 3:.1f} h8 l-4,7 z" fill="{color}"/>')
        out.append(f'<circle cx="{x:.1f}" cy="{y(av):.1f}" r="3.5" fill="{color}"/>')
        out.append(f'<path d="M{x - 4:.1f},{y(mx) + 3:.1f} h8 l-4,-7 z" fill="{color}"/>')
out.append(f'<text x="{L}" y="{H - 20}" fill="#555">threads 0-3 side by side; each simulation as long as the '
           'measured run (RT 34.7 s, vendor 23.3 s)</text>')
out.append("</svg>")
(root / "minavgmax.svg").write_text("\n".join(out) + "\n")
