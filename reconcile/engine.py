"""Where documents are read: this machine's cores, or a Dask cluster.

The corpus reader depends only on a :class:`concurrent.futures.Executor`: it maps chunks
of documents to :func:`extract_chunk` and gets each document's status and claims back, in
order. ``engine="local"`` lets it choose its own process pool; ``engine="dask"`` hands it
a Dask client's executor (``pip install 'reconcile-claims[dask]'``), connected to
``scheduler`` (``tcp://host:8786``) or, without one, to a local cluster of processes.

What runs on the workers is extraction, the costly step. Market names are then merged
over the whole corpus on the driver — merging per chunk would put claims of one market
under two names — and the rules run there on the merged table, so a Dask run gives
byte-identical outputs to a local one. Workers read the documents by path: on a cluster
they need the same files at the same paths (a shared filesystem).
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
    # The worker profiler samples every task's stack; it cost a quarter of the run.
    with dask.config.set({"distributed.worker.profile.enabled": False}):
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
            yield client.get_executor()
