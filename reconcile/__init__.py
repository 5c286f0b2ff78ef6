"""reconcile: pull every quantitative claim out of market documents and check them against each other."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["audit", "extract_claims", "extract_corpus", "load_settings", "__version__"]


def extract_claims(paths, *, rules=None, jobs=None, exclude=()):
    """Extract the claims table from files and folders.

    Parameters
    ----------
    paths
        A path or a list of paths (files or folders).
    rules
        A rules folder overriding the built-in domain data (default: ``./rules`` if present).
    jobs
        Worker processes (default: one per core for large corpora).
    exclude
        Glob patterns of files and folders that are not sources (README, LICENSE and the
        like are skipped already; see ``[sources] exclude`` in settings.toml).

    Returns
    -------
    pandas.DataFrame
        One row per claim, with the documented columns. ``frame.attrs["inputs"]`` lists
        every input file with its status.
    """
    from .config import load_settings
    from .corpus import extract_corpus
    from .normalize import claims_frame

    if isinstance(paths, (str, bytes)) or hasattr(paths, "__fspath__"):
        paths = [paths]
    result = extract_corpus([str(p) for p in paths], load_settings(rules), jobs=jobs, exclude=list(exclude))
    frame = claims_frame(result.claims)
    frame.attrs["inputs"] = [s.as_dict() for s in result.inputs]
    return frame


def audit(paths, *, rules=None, jobs=None, exclude=()):
    """Extract and check a corpus: what ``reconcile check`` does, without writing anything.

    ``rules``, ``jobs`` and ``exclude`` are as for :func:`extract_claims`.

    Returns
    -------
    reconcile.check.CheckResult
        ``.inputs`` (every file and its status), ``.claims`` (the claims DataFrame) and
        ``.findings`` (sorted ``Finding`` objects; ``.as_dict()`` gives the JSON form).
    """
    from .check import check_corpus
    from .config import load_settings

    if isinstance(paths, (str, bytes)) or hasattr(paths, "__fspath__"):
        paths = [paths]
    return check_corpus([str(p) for p in paths], load_settings(rules), jobs=jobs, exclude=list(exclude))


def extract_corpus(paths, settings=None, *, jobs=None, exclude=()):
    """See :func:`reconcile.corpus.extract_corpus`."""
    from .corpus import extract_corpus as _extract

    return _extract(paths, settings, jobs=jobs, exclude=list(exclude))


def load_settings(rules_dir=None):
    """See :func:`reconcile.config.load_settings`."""
    from .config import load_settings as _load

    return _load(rules_dir)
