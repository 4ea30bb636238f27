"""How many threads drift's thread pools use: the cores this process may run on, never more.

Every pool drift starts or drives — the BLAS behind numpy (the USE encoder, the aligner's matrix
products), torch's intra-op pool (sentence-transformers), the Dask workers of ``drift batch`` —
takes its size from :func:`thread_count`:

1. a count the caller gives drift (an argument) wins, then ``$DRIFT_THREADS``, then the user's
   ``OMP_NUM_THREADS`` / ``OPENBLAS_NUM_THREADS`` / ``MKL_NUM_THREADS`` (the first one set);
2. else the cores this process may use — its CPU affinity (:func:`os.sched_getaffinity`), capped
   by a cgroup v2 CPU quota (``/sys/fs/cgroup/cpu.max``) and by ``$DRIFT_CORES`` (the share a
   parent gives each of its worker processes, see :func:`worker_environment`) — less the other
   tasks running on the machine at that moment (runnable tasks in ``/proc/loadavg``, or drift's
   own background loads, :func:`background`, if more), at least 1.

Why the second rule counts busy cores: BLAS and OpenMP workers spin while they wait for each other,
so a pool larger than the free cores is very expensive. Measured on 2 cores (issue 12): the USE
encoder with its default of 4 threads encodes 1,984 sentences in 41 s, with 2 in 2.6 s; with other
engineers' jobs running (load 7–13) 567 sentences took 26–34 s with 2 threads and 2.2–4.9 s with 1.

Limits are applied for the duration of a ``with limited():`` block and restored afterwards, so
drift never leaves a user's process with changed pools. Only libraries already loaded are touched
(torch is never imported here).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Environment variables that set a thread count explicitly, in order of precedence.
THREAD_VARIABLES = ("DRIFT_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
#: Environment variable capping the cores of a worker process (set by its parent).
CORES_VARIABLE = "DRIFT_CORES"
_CGROUP_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")
_LOADAVG = Path("/proc/loadavg")


def available_cores() -> int:
    """Cores this process may run on: its CPU affinity, capped by a cgroup v2 CPU quota and by
    ``$DRIFT_CORES`` (≥ 1)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cores = os.cpu_count() or 1
    try:
        quota, period = _CGROUP_CPU_MAX.read_text().split()[:2]
        if quota != "max":
            cores = min(cores, max(1, -(-int(quota) // int(period))))  # ceil: a 1.5-CPU quota runs 2
    except (OSError, ValueError):
        pass
    share = os.environ.get(CORES_VARIABLE, "").strip()
    if share.isdigit() and int(share) > 0:
        cores = min(cores, int(share))
    return max(1, cores)


def other_running_tasks() -> int:
    """Tasks running or waiting for a core right now besides this one (0 where not measurable)."""
    try:
        running = int(_LOADAVG.read_text().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return 0
    return max(0, running - 1)


def explicit_threads() -> int | None:
    """The thread count the user set in the environment (see :data:`THREAD_VARIABLES`), if any."""
    for name in THREAD_VARIABLES:
        value = os.environ.get(name, "").strip()
        if value.isdigit() and int(value) > 0:
            return int(value)
    return None


def thread_count(requested: int | None = None) -> int:
    """Threads for one pool: ``requested``, else the user's setting, else the free usable cores."""
    if requested is not None:
        if requested < 1:
            raise ValueError(f"a thread count must be at least 1, not {requested}")
        return requested
    explicit = explicit_threads()
    if explicit is not None:
        return explicit
    cores = available_cores()
    # drift's own loads in background threads (see background()) count even while they wait
    # for the GIL, when the kernel does not count them as running
    return max(1, min(cores, cores - max(other_running_tasks(), _background_work)))


_background_work = 0
_background_lock = threading.Lock()


@contextmanager
def background() -> Iterator[None]:
    """Mark a block that runs in a background thread of drift's own (the English parser loading
    while sentences are encoded): while it runs, :func:`thread_count` leaves it a core, so the
    pools of the main work do not spin on a core it holds."""
    global _background_work
    with _background_lock:
        _background_work += 1
    try:
        yield
    finally:
        with _background_lock:
            _background_work -= 1


def worker_environment(workers: int) -> dict[str, str]:
    """Environment for each of ``workers`` local worker processes (e.g. Dask's ``env=``), so that
    together they use no more threads than this process may: the user's explicit count shared out
    (at least one each) where there is one; else ``$DRIFT_CORES`` = this process's cores shared out,
    with the thread variables blanked (Dask sets them to 1) so each worker sizes its own pools."""
    workers = max(1, workers)
    explicit = explicit_threads()
    if explicit is not None:
        return dict.fromkeys(THREAD_VARIABLES, str(max(1, explicit // workers)))
    return {**dict.fromkeys(THREAD_VARIABLES, ""), CORES_VARIABLE: str(max(1, available_cores() // workers))}


@contextmanager
def limited(threads: int | None = None) -> Iterator[int]:
    """Run the block with BLAS/OpenMP pools and torch's intra-op pool at ``thread_count(threads)``;
    yields the count. The previous sizes are restored on exit."""
    n = thread_count(threads)
    torch = sys.modules.get("torch")
    torch_before = torch.get_num_threads() if torch is not None else None
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # declared by drift; a trimmed environment still runs, unlimited
        threadpool_limits = None
    if torch is not None and torch_before != n:
        torch.set_num_threads(n)
    try:
        if threadpool_limits is None:
            yield n
        else:
            with threadpool_limits(limits=n):
                yield n
    finally:
        if torch is not None and torch_before != n:
            torch.set_num_threads(torch_before)
