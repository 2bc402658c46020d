"""Keep Streamlit's garbage collection after every script run cheap: freeze the process's static heap.

Streamlit runs a full `gc.collect(2)` after every script run (runner.postScriptGC).
A full collection walks every container object of the process: the modules
(pandas, SQLAlchemy, Streamlit, folium...) and the cached tables are some 170,000
of them, so it took 0.05-0.09 CPU-s of a 0.12 CPU-s page load, under the GIL,
for every session. `gc.freeze()` moves what exists into a permanent generation
the collector skips; the collection after each run then walks only what runs,
sessions and later caches made, and still frees their cycles.

Once per data version (the tables are loaded then), `settle` unfreezes, collects
(the previous version's tables and any cycle frozen with them can go) and freezes
again, so the frozen heap is never more than one version old.
"""
from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_settled: list[str] = []  # the data version the heap was last frozen for (process-wide)


def settle(version: str) -> bool:
    """Freeze the heap for this data version, once per process and version; True when it froze now."""
    if _settled and _settled[-1] == version:
        return False
    with _lock:
        if _settled and _settled[-1] == version:
            return False
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        _settled[:] = [version]
        return True
