"""Where documents are read and the rules run: this machine's cores, or a Dask cluster.

The corpus reader and the rules depend only on a :class:`concurrent.futures.Executor`.
``engine="local"`` yields none: the corpus reader picks its own process pool and the rules
run here on the whole claims table, as always. ``engine="dask"`` hands both a Dask client's
executor (``pip install 'reconcile-claims[dask]'``), connected to ``scheduler``
(``tcp://host:8786``) or, without one, to a local cluster of processes.

What runs where with an executor:

- **On the workers**: extraction, in chunks of documents (:func:`extract_chunk`); then the
  rules, a bucket of documents and a bucket of markets at a time (:mod:`reconcile.buckets`).
- **On the driver**: merging market names over the whole corpus (merging per chunk would
  put claims of one market under two names), the claims table, and what the rules need from
  the whole corpus: the near-duplicate copy groups (from each document's figures, which the
  workers send back) and the comparison of the company figures with the reference facts
  (RC701, ``corroborated_by``: which company a sentence names is settled over every name in
  the corpus); then the findings, merged. The driver never builds the rules' facts of the
  whole table.

So a Dask run gives byte-identical outputs to a local one. Workers read the documents by
path: on a cluster they need the same files at the same paths (a shared filesystem), or
fsspec URLs. The rules' tasks carry their parts of the claims table, through the scheduler:
data scattered to the workers beforehand would be lost with a worker that dies, while a task
that carries its data is run again on another worker.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Executor
from typing import Iterator

from .config import Settings
from .errors import ConfigError

ENGINES = ("local", "dask")
#: Documents per task sent to an executor: large enough to amortise a task's overhead.
CHUNK_DOCUMENTS = 16
#: How long to wait for a scheduler named by address.
CONNECT_TIMEOUT = "10s"
#: Tasks sent at once past this size make Dask warn: the rules' tasks carry the claims table.
LARGE_GRAPH = "4GB"

_extractors: dict[int, object] = {}


def extract_chunk(settings: Settings, jobs: list[tuple[str, dict]]) -> list:
    """Each ``(path, metadata)``'s ``(InputStatus, claims)``, on whichever worker runs it.

    The extractor (its vocabularies compiled once) is kept per worker process and settings.
    """
    from .corpus import extract_file
    from .extract import Extractor

    key = hash(repr(settings))
    extractor = _extractors.get(key)
    if extractor is None:
        _extractors.clear()
        extractor = _extractors[key] = Extractor(settings)
    return [extract_file(extractor, path, meta) for path, meta in jobs]


@contextlib.contextmanager
def executor_for(engine: str = "local", *, scheduler: str | None = None,
                 workers: int | None = None) -> Iterator[Executor | None]:
    """The executor for ``engine``, closed (with any cluster it started) on exit.

    Yields None for ``"local"``: the corpus reader then picks its own process pool.

    Raises
    ------
    ConfigError
        For an unknown engine, a scheduler without the dask engine, or Dask not installed.
    """
    if engine not in ENGINES:
        raise ConfigError("--engine", f"{engine!r}: use one of {', '.join(ENGINES)}")
    if engine == "local":
        if scheduler:
            raise ConfigError("--scheduler", "a scheduler address needs --engine dask")
        yield None
        return
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--engine", "the dask engine needs Dask: pip install 'reconcile-claims[dask]'") from None
    # The worker profiler samples every task's stack; it cost a quarter of the run. The rules'
    # tasks carry parts of the claims table (see the module's docstring): no warning for that.
    with dask.config.set({"distributed.worker.profile.enabled": False,
                          "distributed.admin.large-graph-warning-threshold": LARGE_GRAPH}):
        with contextlib.ExitStack() as stack:
            if scheduler:
                try:
                    client = stack.enter_context(Client(scheduler, timeout=CONNECT_TIMEOUT))
                except (OSError, ValueError, TypeError) as exc:  # unreachable, or not an address
                    raise ConfigError("--scheduler", f"{scheduler}: no Dask scheduler answers there "
                                      f"within {CONNECT_TIMEOUT} ({exc})") from None
            else:
                cluster = stack.enter_context(LocalCluster(n_workers=workers or 2, threads_per_worker=1,
                                                           processes=True, dashboard_address=None))
                client = stack.enter_context(Client(cluster))
            # pure=False: a task's key is not a hash of its arguments (the settings, parts of the
            # claims table), which cost the driver more to hash than the task costs to send
            yield client.get_executor(pure=False)


def _dask_client(executor: Executor):
    """The Dask client behind a ``client.get_executor()``, else None."""
    client = getattr(executor, "_client", None)  # distributed's ClientExecutor keeps it there
    return client if client is not None and hasattr(client, "scatter") else None


def workers_of(executor: Executor) -> int:
    """How many tasks ``executor`` runs at once: a Dask cluster's worker threads, a
    ``concurrent.futures`` pool's workers, else this machine's usable CPUs."""
    client = _dask_client(executor)
    if client is not None:
        return max(1, sum(client.nthreads().values()))
    workers = getattr(executor, "_max_workers", None)
    if isinstance(workers, int) and workers > 0:
        return workers
    from .corpus import usable_cpus
    return usable_cpus()
