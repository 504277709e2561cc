"""The Dask engine: partitions of articles on a Dask cluster, the model loaded once per worker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..config import Options
from .core import Outcome
from .pool import chunks, run_chunk


def dask_outcomes(files: list[Path], out_dir: Path, options: Options) -> Iterator[Outcome]:
    """Partitions of articles on a Dask cluster: `options.scheduler`, or a LocalCluster of n_process workers."""
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if options.scheduler:
        client = Client(options.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=max(options.n_process, 1), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        futures = [client.submit(run_chunk, chunk, str(out_dir), options, pure=False) for chunk in chunks(files)]
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
