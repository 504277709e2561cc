"""The local process pool: inputs in chunks over worker processes on this machine.

Each worker loads the model once and runs `core.process_files` on a chunk of inputs, writing its
own output files; the parent only logs outcomes. Output is the same whatever the engine.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from spacy.language import Language

from ..config import Options
from ..nlp import build_nlp
from .core import Outcome, process_files

# Inputs handed to a worker at a time: enough to fill its parse batches, small enough to stream.
CHUNK_FILES = 32

_worker_nlp: dict[str, Language] = {}


def _nlp(options: Options) -> Language:
    """The model, loaded once per worker process."""
    if options.model not in _worker_nlp:
        _worker_nlp[options.model] = build_nlp(options)
    return _worker_nlp[options.model]


def run_chunk(paths: list[str], out_dir: str, options: Options, base: str | None = None) -> list[Outcome]:
    """One worker's share: `base` is the folder relative paths are read from (the client's)."""
    files = [Path(p) for p in paths]
    return list(process_files(files, Path(out_dir), options, _nlp(options), Path(base) if base else None))


def chunks(files: list[Path], size: int | None = None) -> Iterator[list[str]]:
    it = iter(files)
    size = size or CHUNK_FILES
    while chunk := [str(p) for p in islice(it, size)]:
        yield chunk


def _die_with_parent() -> None:
    """A worker ends when the run that started it ends, however it ends (killed, say): no worker
    goes on writing into a folder its run no longer holds. Linux's parent-death signal; elsewhere
    the pool's own shutdown is all there is."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the line above: go now
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def process_pool_outcomes(files: list[Path], out_dir: Path, options: Options) -> Iterator[Outcome]:
    # fork: workers start without re-importing the parent's modules; the parent never loads the model.
    context = multiprocessing.get_context("fork")
    with context.Pool(options.n_process, initializer=_die_with_parent) as pool:
        tasks = ((chunk, str(out_dir), options) for chunk in chunks(files))
        for outcomes in pool.imap(_run_chunk_args, tasks):
            yield from outcomes


def _run_chunk_args(args: tuple[list[str], str, Options]) -> list[Outcome]:
    return run_chunk(*args)
