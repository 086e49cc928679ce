"""Runs the rtvsim CLI from a notebook and loads what it writes into pandas.

The notebooks hold no model logic: they call ``./rtvsim`` (which builds the jar on first use)
with an ``--out`` directory and read the documented outputs of ``docs/output-reference.md``:
``summary.json``, ``histogram.csv``, ``percentiles.csv``, ``compare.csv``/``compare.json``,
``fit.json`` and ``measured-compare.json``, and the Perfetto JSON of ``rtvsim trace``. Times come out of rtvsim in ns (JSON) or µs (CSV);
the loaders here convert every latency to **µs** and name the columns ``*_us``.

Output goes under ``$RTVSIM_NB_OUT`` (default: a fresh temporary directory per kernel), never
into the repository, so executing a notebook leaves the checkout clean.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd


def _find_repo() -> Path:
    """The checkout root: the nearest parent of this file (or the cwd) holding ``rtvsim`` and ``pom.xml``."""
    for start in (Path(__file__).resolve().parent, Path.cwd().resolve()):
        for d in (start, *start.parents):
            if (d / "rtvsim").is_file() and (d / "pom.xml").is_file():
                return d
    raise RuntimeError("cannot find the rtvsim checkout (a folder with ./rtvsim and pom.xml)")


REPO = _find_repo()
OUT = Path(os.environ.get("RTVSIM_NB_OUT") or tempfile.mkdtemp(prefix="rtvsim-nb-"))


def rtvsim(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Runs ``./rtvsim ARGS`` from the repository root; raises with its stderr when it fails."""
    cmd = [str(REPO / "rtvsim"), *map(str, args)]
    p = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    # 1 = the slo: was missed, 4 = inconclusive (capacity: the points do not decide): results, not failures
    if check and p.returncode not in (0, 1, 4):
        raise RuntimeError(f"{shlex.join(['./rtvsim', *map(str, args)])} exited {p.returncode}:\n{p.stderr}")
    return p


def command(*args: str) -> str:
    """The command line as a reader would type it from the repository root; a path under the output
    folder is written ``$RTVSIM_NB_OUT/…``, so the printed line does not depend on where that is."""
    return shlex.join(["./rtvsim", *map(str, args)]).replace(str(OUT), "$RTVSIM_NB_OUT")


def _options(duration=None, seed=None, sets=(), replications=None, extra=()) -> list[str]:
    opts = []
    if duration is not None:
        opts += ["--duration", duration]
    if seed is not None:
        opts += ["--seed", str(seed)]
    if replications is not None:
        opts += ["--replications", str(replications)]
    for s in sets:
        opts += ["--set", s]
    return opts + list(extra)


# ---------------------------------------------------------------------------------------- run

@dataclass
class Run:
    """One ``rtvsim run --out DIR``: the parsed summary and the two CSVs, latencies in µs."""

    name: str
    dir: Path
    command: str
    summary: dict

    @property
    def histogram(self) -> pd.DataFrame:
        """``histogram.csv``: one row per 1 µs bucket (``latency_us``), a count column per thread;
        the ``overflow`` row is dropped (see ``overflows``)."""
        h = pd.read_csv(self.dir / "histogram.csv", dtype={"latency_us": str})
        h = h[h.latency_us != "overflow"].copy()
        h["latency_us"] = h.latency_us.astype(float)
        return h.set_index("latency_us")

    @property
    def overflows(self) -> int:
        return sum(t["overflows"] for t in self.summary["threads"])

    @property
    def percentiles(self) -> pd.DataFrame:
        return pd.read_csv(self.dir / "percentiles.csv")

    def pooled_percentiles(self) -> pd.Series:
        """Percentiles of all threads pooled, µs, indexed by p."""
        p = self.percentiles
        return p[p.thread == -1].set_index("p").value_us

    def stat_us(self, name: str) -> float:
        """``min``/``avg``/``max`` (exact, over all threads) or ``pP`` (pooled percentile), µs."""
        threads = self.summary["threads"]
        if name == "min":
            return min(t["min_ns"] for t in threads) / 1e3
        if name == "max":
            return max(t["max_ns"] for t in threads) / 1e3
        if name == "avg":
            return sum(t["sum_ns"] for t in threads) / sum(t["samples"] for t in threads) / 1e3
        return float(self.pooled_percentiles()[float(name[1:])])

    def samples(self) -> int:
        return sum(t["samples"] for t in self.summary["threads"])

    def tasks(self) -> pd.DataFrame:
        """``summary.json`` ``tasks[]``: response times in µs, one row per periodic task."""
        rows = []
        for t in self.summary["tasks"]:
            rows.append({
                "task": t["task"], "priority": t["priority"], "jobs": t["jobs"],
                "period_ms": t["period_ns"] / 1e6, "deadline_ms": t["deadline_ns"] / 1e6,
                "min_ms": t["min_ns"] / 1e6, "avg_ms": t["avg_ns"] / 1e6, "max_ms": t["max_ns"] / 1e6,
                "deadline_misses": t["deadline_misses"],
            })
        return pd.DataFrame(rows).set_index("task")

    def attribution(self, which: str = "tail", thread: int | None = None) -> pd.DataFrame:
        """Attribution components summed over threads (or of one thread): ``which`` is ``tail``
        (the samples above the tail percentile) or ``max`` (the maximum sample); µs per label."""
        key = "tail_attribution" if which == "tail" else "max_sample_attribution"
        rows = []
        for t in self.summary["threads"]:
            if thread is not None and t["index"] != thread:
                continue
            a = t.get(key)
            if a:
                rows += [{"thread": t["thread"], "label": c["label"], "us": c["ns"] / 1e3} for c in a["components"]]
        return pd.DataFrame(rows, columns=["thread", "label", "us"])


def run(scenario: str, name: str | None = None, *, duration=None, seed=None, sets=(), extra=()) -> Run:
    """``./rtvsim run SCENARIO --out OUT/NAME --quiet [options]`` and its outputs."""
    name = name or Path(scenario).stem
    out = OUT / name
    args = ["run", scenario, *_options(duration, seed, sets, None, extra)]
    rtvsim(*args, "--out", out, "--quiet")
    return Run(name, out, command(*args), json.loads((out / "summary.json").read_text()))


def ccdf(counts: pd.Series) -> pd.DataFrame:
    """Exceedance probability P(latency ≥ x) from a histogram's counts indexed by bucket start (µs).

    The last point of a finite histogram is the largest bucket with a sample; samples in the
    overflow bucket are not in ``counts`` and must be reported separately."""
    counts = counts[counts > 0]
    n = counts.sum()
    exceed = counts[::-1].cumsum()[::-1] / n
    return pd.DataFrame({"latency_us": counts.index.values, "p_exceed": exceed.values})


# ------------------------------------------------------------------------------------ compare

@dataclass
class Comparison:
    """One ``rtvsim compare --out DIR``: ``table`` is ``compare.csv`` (µs), ``json`` the parsed
    ``compare.json``, ``text`` what the command printed."""

    dir: Path
    command: str
    table: pd.DataFrame
    json: dict
    text: str

    def per_replication(self, stat: str) -> pd.DataFrame:
        """The statistic of every replication (rows) for every entry (columns), µs: the pairs behind
        the paired difference."""
        cols = {}
        for e in self.json["entries"]:
            s = next(s for s in e["pooled"]["statistics"] if s["name"] == stat)
            cols[e["label"]] = np.array(s["values_ns"]) / 1e3
        return pd.DataFrame(cols).rename_axis("replication")

    def differences(self) -> pd.DataFrame:
        """Rows of ``compare.csv`` that carry a paired difference (entry − A)."""
        return self.table[self.table.entry != "A"].set_index(["label", "stat"])


def compare(*scenarios: str, name: str, variants=(), replications=None, duration=None, seed=None,
            sets=(), independent=False) -> Comparison:
    """``./rtvsim compare SCENARIOS [--variant V]… --out OUT/NAME`` and its outputs."""
    out = OUT / name
    args = ["compare", *scenarios]
    for v in variants:
        args += ["--variant", v]
    args += _options(duration, seed, sets, replications)
    if independent:
        args.append("--independent")
    p = rtvsim(*args, "--out", out)
    return Comparison(out, command(*args), pd.read_csv(out / "compare.csv"),
                      json.loads((out / "compare.json").read_text()), p.stdout)


# -------------------------------------------------------------------------------------- trace

def trace(scenario: str, out_name: str, *, start: str, end: str, sets=(), seed=None) -> Path:
    """``./rtvsim trace SCENARIO --from START --to END --out OUT/OUT_NAME``; the format follows the
    extension (``.png`` Gantt chart, ``.json`` Perfetto, ``.txt`` ftrace-like)."""
    out = OUT / out_name
    args = ["trace", scenario, "--from", start, "--to", end, "--out", out, *_options(None, seed, sets)]
    rtvsim(*args)
    return out


def trace_events(path: Path) -> pd.DataFrame:
    """The Perfetto JSON's events with their track names: ``track`` (task or CPU name), ``name``,
    ``cat``, ``ph``, ``start_ms``, ``dur_ms`` and ``args``. Wake-up flow arrows (``ph`` s/f) and counter
    tracks (``ph`` C, on a process, without a thread) are left out: they are drawing aids, not events."""
    d = json.loads(Path(path).read_text())
    tracks = {(e["pid"], e["tid"]): e["args"]["name"] for e in d["traceEvents"]
              if e.get("ph") == "M" and e["name"] == "thread_name"}
    ev = [e for e in d["traceEvents"] if e.get("ph") not in ("M", "s", "f", "C")]
    df = pd.DataFrame({
        "track": [tracks.get((e["pid"], e["tid"])) for e in ev],
        "name": [e["name"] for e in ev],
        "cat": [e.get("cat") for e in ev],
        "ph": [e["ph"] for e in ev],
        "start_ms": [e["ts"] / 1e3 for e in ev],  # Perfetto ts/dur are µs
        "dur_ms": [e.get("dur", 0.0) / 1e3 for e in ev],
        "args": [e.get("args", {}) for e in ev],
    })
    df.attrs["dropped_events"] = d.get("otherData", {}).get("dropped_events", 0)
    return df


# ---------------------------------------------------------------------------------- calibrate

@dataclass
class Calibration:
    """One ``rtvsim calibrate --out DIR``: ``fit`` is the parsed ``fit.json``; ``scenario`` the
    ``calibrated.yaml`` it wrote (a scenario file for ``run``/``compare``)."""

    dir: Path
    command: str
    fit: dict

    @property
    def scenario(self) -> Path:
        return self.dir / "calibrated.yaml"

    def parameters(self) -> pd.DataFrame:
        """One row per fitted key: range, value and uncertainty (± half-width) in the key's unit."""
        return pd.DataFrame([{"path": p["path"], "range": p["range"], "unit": p["unit"], "value": p["number"],
                              "uncertainty": p["uncertainty"], "at_bound": p["atBound"]}
                             for p in self.fit["parameters"]]).set_index("path")

    def quantiles(self) -> pd.DataFrame:
        return quantile_table(self.fit["distances"])


def quantile_table(distances: dict) -> pd.DataFrame:
    """The ``quantiles[]`` of a ``distances`` object (``fit.json``, ``measured-compare.json``): measured,
    simulated and their difference in µs, the relative error, and the censored/supported flags."""
    return pd.DataFrame([{"stat": q["name"], "measured_us": q["measuredUs"], "simulated_us": q["simulatedUs"],
                          "error_us": q["errorUs"], "relative": q["relative"], "censored": q["censored"],
                          "supported": q["supported"]} for q in distances["quantiles"]]).set_index("stat")


def calibrate(scenario: str, measured: str, fits: dict, *, name: str, budget=None, max_samples=None,
              duration=None, seed=None, sets=()) -> Calibration:
    """``./rtvsim calibrate --measured MEASURED --scenario SCENARIO --fit PATH=RANGE… --out OUT/NAME``;
    ``fits`` maps each key to its range (``"0.5us..5us"``)."""
    out = OUT / name
    args = ["calibrate", "--measured", measured, "--scenario", scenario]
    for path, rng in fits.items():
        args += ["--fit", f"{path}={rng}"]
    if budget is not None:
        args += ["--budget", budget]
    if max_samples is not None:
        args += ["--max-samples", str(max_samples)]
    args += _options(duration, seed, sets)
    rtvsim(*args, "--out", out, "--quiet")
    return Calibration(out, command(*args), json.loads((out / "fit.json").read_text()))


@dataclass
class MeasuredComparison:
    """One ``rtvsim compare --measured FILE --out DIR``: ``json`` is ``measured-compare.json``."""

    dir: Path
    command: str
    json: dict

    def quantiles(self) -> pd.DataFrame:
        """Every entry's quantile table (rows: entry, stat)."""
        return pd.concat({e["label"]: quantile_table(e["distances"]) for e in self.json["entries"]},
                         names=["entry"])

    def distances(self) -> pd.DataFrame:
        """One row per entry: simulated samples, tail-weighted log RMS and Kolmogorov-Smirnov distance."""
        return pd.DataFrame([{"entry": e["label"], "samples": e["samples"], "tail_log_rms": e["distances"]["tailLogRms"],
                              "ks": e["distances"]["ks"]} for e in self.json["entries"]]).set_index("entry")


def compare_measured(measured: str, *scenarios: str, name: str, variants=(), duration=None, seed=None,
                     sets=()) -> MeasuredComparison:
    """``./rtvsim compare --measured MEASURED SCENARIOS [--variant V]… --out OUT/NAME``: each entry a
    prediction checked against the measurement."""
    out = OUT / name
    args = ["compare", "--measured", measured, *map(str, scenarios)]
    for v in variants:
        args += ["--variant", v]
    args += _options(duration, seed, sets)
    rtvsim(*args, "--out", out, "--quiet")
    return MeasuredComparison(out, command(*args), json.loads((out / "measured-compare.json").read_text()))


def measured_histogram(path) -> pd.DataFrame:
    """A measured 1 µs histogram as ``histogram.csv`` is read above: counts per thread indexed by
    ``latency_us`` (the bucket start). Reads the two layouts of ``notebooks/data/``: cyclictest's
    ``-h`` output (``# Histogram`` block; its ``# Histogram Overflows`` total is in
    ``attrs["overflows"]``) and a CSV whose first column is the bucket (``time,core1,…``). Other
    formats of docs/measured-data.md are rtvsim's to read; this is only for plotting."""
    path = Path(path)
    if not path.is_absolute():
        path = REPO / path
    text = path.read_text()
    overflows = 0
    if text.lstrip().startswith("# Histogram"):
        rows = []
        for line in text.splitlines():
            if line.startswith("# Histogram Overflows:"):
                overflows = sum(int(v) for v in line.split(":")[1].split())
            if line.startswith("#") or not line.strip():
                continue
            rows.append([int(v) for v in line.split()])
        h = pd.DataFrame(rows).set_index(0)
        h.columns = [f"thread{i}" for i in range(h.shape[1])]
    else:
        h = pd.read_csv(path, skipinitialspace=True)
        h = h.set_index(h.columns[0])
    h.index = h.index.astype(float).rename("latency_us")
    h.attrs["overflows"] = overflows
    return h


# ------------------------------------------------------------------------------ sweep, capacity

@dataclass
class Sweep:
    """One ``rtvsim sweep`` or ``rtvsim capacity`` with ``--out DIR``: ``table`` is ``sweep.csv`` or
    ``capacity.csv`` (one row per evaluated point, indexed by the varied key; every statistic of all
    threads pooled as ``S_us``, ``S_mean_us``, ``S_low_us``, ``S_high_us``), ``text`` what it printed.

    For ``capacity`` also: ``verdicts`` (value → ``meets``/``misses``/``inconclusive``, the last word of each row of the
    printed table), ``warnings`` (value → why a point misses although its interval is below the limit,
    from the ``Warning: KEY=V misses: …`` lines: ``starved: …``) and ``answer``, the largest value
    meeting the objective (``None`` when even the smallest misses, exit 1, or when no conclusive answer, exit 4)."""

    dir: Path
    command: str
    key: str
    table: pd.DataFrame
    text: str
    verdicts: dict
    warnings: dict
    answer: float | None

    def stat(self, name: str) -> pd.DataFrame:
        """One statistic per point: ``pooled``, ``mean``, ``low``, ``high`` (µs)."""
        t = self.table
        return pd.DataFrame({"pooled": t[f"{name}_us"], "mean": t[f"{name}_mean_us"],
                             "low": t[f"{name}_low_us"], "high": t[f"{name}_high_us"]})


def _number(v: str):
    try:
        return int(v)
    except ValueError:
        try:
            return float(v)
        except ValueError:
            return v


def _sweep(kind: str, scenario: str, vary: str, name: str, slo=None, replications=None, duration=None,
           seed=None, sets=(), extra=()) -> Sweep:
    out = OUT / name
    args = [kind, scenario, "--vary", vary]
    if slo is not None:
        args += ["--slo", slo]
    args += _options(duration, seed, sets, replications, extra)
    p = rtvsim(*args, "--out", out)  # not --quiet: the verdicts and the answer are in the printed text
    key = vary.split("=", 1)[0]
    table = pd.read_csv(out / f"{kind}.csv")
    table[key] = table[key].map(lambda v: _number(str(v)))
    table = table.set_index(key)
    verdicts, warnings, answer = {}, {}, None
    for line in p.stdout.splitlines():
        words = line.split()
        if words and words[-1] in ("meets", "misses", "inconclusive"):
            verdicts[_number(words[0])] = words[-1]
        if line.startswith(f"Warning: {key}="):
            value, reason = line[len(f"Warning: {key}="):].split(" misses: ", 1)
            warnings[_number(value)] = reason
        if line.startswith(f"Answer: {key}=") and " is the largest value meeting " in line:
            answer = _number(line[len(f"Answer: {key}="):].split(" ", 1)[0])
    return Sweep(out, command(*args), key, table, p.stdout, verdicts, warnings, answer)


def sweep(scenario: str, vary: str, *, name: str, replications=None, duration=None, seed=None, sets=(),
          extra=()) -> Sweep:
    """``./rtvsim sweep SCENARIO --vary KEY=VALUES --out OUT/NAME`` and ``sweep.csv`` (one ``--vary``)."""
    return _sweep("sweep", scenario, vary, name, None, replications, duration, seed, sets, extra)


def capacity(scenario: str, vary: str, *, slo: str, name: str, replications=None, duration=None, seed=None,
             sets=()) -> Sweep:
    """``./rtvsim capacity SCENARIO --vary KEY=A..B --slo SLO --out OUT/NAME``: ``capacity.csv``, the
    verdict of each evaluated point (meets, misses, inconclusive) and the answer (``None`` when even the smallest
    value misses, exit 1, or when the points do not decide, exit 4)."""
    return _sweep("capacity", scenario, vary, name, slo, replications, duration, seed, sets)
