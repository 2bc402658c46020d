"""The heap frozen once per data version: the collection after each run skips it, and an old version's
cycles are still freed when the data changes."""
from __future__ import annotations

import gc
import weakref

import pytest

from dashboard import heap


class _Node:
    """A reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def fresh_heap():
    gc.unfreeze()
    heap._settled.clear()
    yield
    gc.unfreeze()
    heap._settled.clear()


def test_the_heap_is_frozen_once_per_version(fresh_heap):
    assert heap.settle("db@1")
    assert gc.get_freeze_count() > 0
    assert not heap.settle("db@1")  # the next run of the same version: nothing to do
    assert heap.settle("db@2")


def test_a_cycle_frozen_with_an_old_version_is_freed_when_the_version_changes(fresh_heap):
    node = _Node()
    gone = weakref.ref(node)
    heap.settle("db@1")  # the node, alive then, is frozen with the heap
    del node
    gc.collect()
    assert gone() is not None  # frozen: the collection after a run does not walk it
    heap.settle("db@2")
    assert gone() is None
