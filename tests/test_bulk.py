"""gc_paused: bulk work runs without the cyclic collector and leaves its objects with the oldest ones."""

import gc

from ketaquiz.core.bulk import gc_paused


def test_objects_made_in_bulk_are_not_rescanned_as_young():
    gc.collect()
    with gc_paused():
        assert not gc.isenabled()
        made = [[i] for i in range(50_000)]  # tracked containers, far past the young threshold
    assert gc.isenabled()
    assert gc.get_count()[0] < 1_000  # nothing left young for the next allocation to scan
    assert any(o is made[0] for o in gc.get_objects(generation=2))  # filed with the oldest objects
    assert len(made) == 50_000


def test_a_nested_pause_leaves_the_collector_off_until_the_outer_one_ends():
    with gc_paused():
        with gc_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_pauses_on_two_threads_share_one_pause():
    """A block on a worker and one on the UI thread overlap: the collector stays off until the last one ends (the
    first to end turned it back on under the other), and is on again after."""
    import threading

    inside, leave = threading.Event(), threading.Event()

    def worker() -> None:
        with gc_paused():
            inside.set()
            leave.wait(5)

    t = threading.Thread(target=worker)
    with gc_paused():
        t.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the worker's block still runs
    leave.set()
    t.join(5)
    assert gc.isenabled()
