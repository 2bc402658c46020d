"""Export N generated incidents (bench.generate; default 100,000) to CSV. Goal: <= 5 s.

    python bench/export_bench.py [N]
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import Bench, smoke  # noqa: E402
from bench.generate import generate_incidents  # noqa: E402
from incidents.export import write_csv  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200 if smoke() else 100_000
    bench = Bench("export")
    with bench.timer() as made:
        incidents, claims = generate_incidents(n)
    made_what = f"generate {n:,} incidents + {len(claims):,} claims (not counted)"
    bench.figure(made_what, f"{made.wall:.1f} s", made)
    with tempfile.TemporaryDirectory() as tmp, bench.timer() as t:
        paths = write_csv(incidents, claims, tmp)
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in paths)
    bench.figure(f"export {n:,} incidents to CSV", f"{t.wall:.2f} s ({sizes})", t, goal="<= 5 s for 100,000")


if __name__ == "__main__":
    main()
