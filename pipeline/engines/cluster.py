"""The Dask engine: partitions of articles on a Dask cluster, the model loaded once per worker."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from ..config import Options
from .core import Outcome
from .pool import chunks, run_chunk

# How long to wait for a scheduler's first worker (or, mid-run, for any worker to come back) before
# saying there is none; how often a run looks while it waits.
WORKER_WAIT_SECONDS = 30
POLL_SECONDS = 2


class ClusterUnusable(Exception):
    """The Dask cluster cannot run anything (no workers): the run stops with this message."""


def dask_outcomes(files: list[Path], out_dir: Path, options: Options) -> Iterator[Outcome]:
    """Partitions of articles on a Dask cluster: `options.scheduler`, or a LocalCluster of n_process workers."""
    from dask.distributed import Client, LocalCluster, wait

    cluster = None
    # Workers run elsewhere, in their own folders: they read relative inputs from here and write to an
    # absolute output folder. Sources keep their names as written, as with the other engines.
    base = str(Path.cwd())
    out_dir = out_dir.resolve()
    if options.scheduler:
        client = Client(options.scheduler, timeout=WORKER_WAIT_SECONDS)
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
        except TimeoutError:
            client.close()
            raise ClusterUnusable(
                f"the Dask scheduler at {options.scheduler} has no workers (waited {WORKER_WAIT_SECONDS} s);"
                " start some with `dask worker ADDRESS` in this project's environment"
            ) from None
    else:
        cluster = LocalCluster(
            n_workers=max(options.n_process, 1), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        futures = [client.submit(run_chunk, chunk, str(out_dir), options, base, pure=False) for chunk in chunks(files)]
        order = {f.key: i for i, f in enumerate(futures)}
        done: dict[int, list[Outcome]] = {}
        next_index = 0
        pending = set(futures)
        alone_since: float | None = None  # when the scheduler was last seen without a worker
        # Report in input order, so errors.jsonl reads the same as with the local engine.
        while pending:
            try:
                finished, pending = wait(pending, timeout=POLL_SECONDS, return_when="FIRST_COMPLETED")
            except TimeoutError:  # nothing finished in that while: see whether anyone is working
                finished = set()
            for future in finished:
                done[order[future.key]] = future.result()
            while next_index in done:
                yield from done.pop(next_index)
                next_index += 1
            if finished or client.scheduler_info().get("workers"):
                alone_since = None
            elif alone_since is None:
                alone_since = time.monotonic()
            elif time.monotonic() - alone_since > WORKER_WAIT_SECONDS:
                # Every worker gone mid-run: the scheduler would wait for one forever.
                raise ClusterUnusable(
                    f"the Dask cluster lost every worker and none came back in {WORKER_WAIT_SECONDS} s;"
                    " the articles finished so far are kept: start workers and run again"
                )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
