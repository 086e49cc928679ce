"""Checks that committed notebooks' outputs are not stale: compares their text outputs with those of
freshly executed copies.

Usage: compare_outputs.py --executed DIR NOTEBOOK.ipynb…

For every code cell, the texts a reader sees — printed streams, ``text/plain`` results (tables) and
``text/markdown`` displays (the computed prose of each answer) — must be equal in the committed
notebook and in DIR/NOTEBOOK.ipynb. Images are not compared byte for byte (the numbers they plot are
printed next to them), but their count is. A committed notebook without outputs is stale too.
Exit 0 when everything matches, 1 with a diff of the first differences otherwise.
"""

import argparse
import difflib
import sys
from pathlib import Path

import nbformat


def texts(nb) -> list[str]:
    """One string per code cell: its visible text outputs, in order, images as a placeholder."""
    cells = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        parts = [f"[cell {i}, executed: {cell.get('execution_count') is not None}]"]
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                parts.append(f"{out.name}: {out.text}")
            elif out.output_type == "error":
                parts.append(f"error: {out.ename}: {out.evalue}")
            else:
                data = out.get("data", {})
                if "image/png" in data or "image/svg+xml" in data:
                    parts.append("<image>")
                elif "text/markdown" in data:
                    parts.append(f"markdown: {data['text/markdown']}")
                elif "text/plain" in data:
                    parts.append(f"text: {data['text/plain']}")
        cells.append("\n".join(parts))
    return cells


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--executed", required=True, type=Path, help="folder of freshly executed copies")
    ap.add_argument("notebooks", nargs="+", type=Path)
    args = ap.parse_args()

    stale = []
    for path in args.notebooks:
        committed = texts(nbformat.read(path, as_version=4))
        fresh = texts(nbformat.read(args.executed / path.name, as_version=4))
        if committed == fresh:
            print(f"{path.name}: committed outputs match a fresh execution")
            continue
        stale.append(path.name)
        diff = difflib.unified_diff("\n\n".join(committed).splitlines(), "\n\n".join(fresh).splitlines(),
                                    f"{path.name} (committed)", f"{path.name} (executed now)", lineterm="", n=1)
        print(f"{path.name}: committed outputs are stale:", *list(diff)[:60], sep="\n")
    if stale:
        print(f"\nstale: {', '.join(stale)}. Run notebooks/regenerate.sh and commit the notebooks.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
