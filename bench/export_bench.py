"""Export 100,000 generated incidents (bench.generate) to CSV. Goal: <= 5 s.

    python bench/export_bench.py [N]
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import generate_incidents  # noqa: E402
from incidents.export import write_csv  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    t0 = time.perf_counter()
    incidents, claims = generate_incidents(n)
    made = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        paths = write_csv(incidents, claims, tmp)
        took = time.perf_counter() - t0
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in paths)
    print(f"generated {n:,} incidents + {len(claims):,} claims in {made:.1f} s (not counted)")
    print(f"export to CSV: {took:.2f} s ({sizes}); goal <= 5 s: {'met' if took <= 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
