"""reconcile: pull every quantitative claim out of market documents and check them against each other."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["audit", "extract_claims", "extract_corpus", "load_settings", "__version__"]


def extract_claims(paths, *, rules=None, jobs=None, exclude=(), cache=None):
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
        A glob pattern, or a list of them, of files and folders that are not sources
        (README, LICENSE and the like are skipped already; see ``[sources] exclude`` in
        settings.toml).
    cache
        A folder for the claims cache: unchanged documents are not read again (needs pyarrow).

    Returns
    -------
    pandas.DataFrame
        One row per claim, with the documented columns. ``frame.attrs["inputs"]`` lists
        every input file with its status.
    """
    from .config import load_settings
    from .corpus import extract_corpus
    from .normalize import claims_frame

    result = extract_corpus(_path_list(paths), load_settings(rules), jobs=jobs, exclude=exclude, cache=cache)
    frame = claims_frame(result.claims)
    frame.attrs["inputs"] = [s.as_dict() for s in result.inputs]
    return frame


def audit(paths, *, rules=None, jobs=None, exclude=(), cache=None, baseline=None, waivers=None, fail_on=None):
    """Extract and check a corpus: what ``reconcile check`` does, without writing anything.

    Parameters
    ----------
    paths, rules, jobs, exclude, cache
        As for :func:`extract_claims`.
    baseline
        A baseline file (from ``reconcile baseline``): findings in it get status
        ``"baseline"`` and no longer fail the run.
    waivers
        A waivers file; by default ``waivers.toml`` in the rules folder, as for the CLI.
        Waived findings get status ``"waived"``.
    fail_on
        The lowest severity that fails the run (``error``, ``warning``, ``info`` or
        ``never``); by default ``[check] fail_on`` in the settings, else ``warning``.

    Returns
    -------
    reconcile.check.CheckResult
        ``.inputs`` (every file and its status), ``.claims`` (the claims DataFrame),
        ``.findings`` (sorted ``Finding`` objects; ``.as_dict()`` gives the JSON form),
        ``.findings_frame()`` (one row per finding), ``.cited_frame()`` (finding × cited
        claim, ``claim_id`` joins ``.claims``), ``.failing(fail_on)`` (the findings that
        fail a run at that severity) and ``.exit_code(fail_on)`` (what the CLI exits with).
    """
    from .baseline import load_baseline
    from .check import FAIL_ON, check_corpus, fail_on_from
    from .config import load_settings as _load
    from .errors import ConfigError
    from .waivers import default_path, load_waivers

    settings = _load(rules)
    fail_on = fail_on or fail_on_from(settings)
    if fail_on not in FAIL_ON:
        raise ConfigError("fail_on", f"{fail_on!r}: use one of {', '.join(FAIL_ON)}")
    waiver_list = load_waivers(waivers if waivers is not None else default_path(settings))
    known = load_baseline(baseline) if baseline is not None else None
    result = check_corpus(_path_list(paths), settings, jobs=jobs, exclude=exclude, cache=cache)
    result.fail_on = fail_on
    return result.gate(baseline=known, waivers=waiver_list)


def extract_corpus(paths, settings=None, *, jobs=None, exclude=(), cache=None):
    """See :func:`reconcile.corpus.extract_corpus`."""
    from .corpus import extract_corpus as _extract

    return _extract(_path_list(paths), settings, jobs=jobs, exclude=exclude, cache=cache)


def _path_list(paths) -> list[str]:
    """One path or several, as ``str``, ``bytes`` or path-like objects: a list of ``str``."""
    import os

    if isinstance(paths, (str, bytes)) or hasattr(paths, "__fspath__"):
        paths = [paths]
    return [os.fsdecode(p) for p in paths]


def load_settings(rules_dir=None):
    """See :func:`reconcile.config.load_settings`."""
    from .config import load_settings as _load

    return _load(rules_dir)
