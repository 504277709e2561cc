"""The Dask engine: partitions of articles on a Dask cluster, the model loaded once per worker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..config import Options
from .core import Outcome
from .pool import chunks, run_chunk

# How long to wait for a scheduler's first worker before saying there is none.
WORKER_WAIT_SECONDS = 30


class ClusterUnusable(Exception):
    """The Dask cluster cannot run anything (no workers): the run stops with this message."""


def dask_outcomes(files: list[Path], out_dir: Path, options: Options) -> Iterator[Outcome]:
    """Partitions of articles on a Dask cluster: `options.scheduler`, or a LocalCluster of n_process workers."""
    from dask.distributed import Client, LocalCluster, as_completed

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
        # Report in input order, so errors.jsonl reads the same as with the local engine.
        for future in as_completed(futures):
            done[order[future.key]] = future.result()
            while next_index in done:
                yield from done.pop(next_index)
                next_index += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
