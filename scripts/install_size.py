"""What installing KetaQuiz costs on disk: build a wheel of a checkout, install it (no test tools) into a fresh venv
in /tmp, and print the venv's size and its largest distributions.

    python3 scripts/install_size.py [CHECKOUT] [--json]      (default: this checkout)

Sizes are the files' own sizes in MiB (1 MiB = 1,048,576 bytes), as `du --apparent-size` counts them; the empty
venv (pip and the interpreter links) is included in the total and shown on its own line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from importlib.metadata import PathDistribution
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MIB = 1024 * 1024


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def distribution_sizes(site: Path) -> dict[str, int]:
    """Bytes per installed distribution, from each one's RECORD (the files it installed)."""
    sizes: dict[str, int] = {}
    for info in site.glob("*.dist-info"):
        dist = PathDistribution(info)
        total = 0
        for f in dist.files or []:
            p = site / f
            if p.is_file():
                total += p.stat().st_size
        sizes[dist.metadata["Name"]] = total
    return sizes


def measure(checkout: Path, work: Path) -> dict[str, object]:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-qq", "--no-deps", "-w", str(work / "dist"), str(checkout)],
                   check=True)
    wheel = next((work / "dist").glob("ketaquiz-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    empty = tree_size(venv)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-qq", str(wheel)], check=True)
    site = next(venv.glob("lib/python*/site-packages"))
    dists = distribution_sizes(site)
    return {"total_mib": round(tree_size(venv) / MIB, 1), "empty_venv_mib": round(empty / MIB, 1),
            "distributions_mib": {k: round(v / MIB, 1) for k, v in sorted(dists.items(), key=lambda kv: -kv[1])}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkout", nargs="?", default=str(REPO), help="a KetaQuiz checkout (default: this one)")
    ap.add_argument("--json", action="store_true", help="one JSON object")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="ketaquiz-size.") as tmp:
        result = measure(Path(args.checkout).resolve(), Path(tmp))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"venv with KetaQuiz installed: {result['total_mib']} MiB (of which the empty venv: {result['empty_venv_mib']} MiB)")
    for name, mib in list(result["distributions_mib"].items())[:12]:  # type: ignore[union-attr]
        print(f"  {mib:>7} MiB  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
