"""Documents in object storage: inputs given as fsspec URLs (``memory://…``, ``s3://bucket/…``).

A path with ``://`` in it is read through `fsspec <https://filesystem-spec.readthedocs.io>`_
(``pip install 'reconcile-claims[dask]'`` brings it; ``s3://`` also needs ``s3fs``);
anything else is a local path, read as before. On a Dask cluster the workers read URLs
themselves, so documents in object storage need no shared filesystem. Every failure is
an ``OSError``, as for a local file, so a document that cannot be fetched is reported
like one that cannot be read.
"""

from __future__ import annotations

import posixpath

from .errors import InputError


def is_url(path: str) -> bool:
    return "://" in path


def _fs(url: str):
    try:
        import fsspec
    except ImportError:
        raise InputError(url, "reading URLs needs fsspec: pip install fsspec (or 'reconcile-claims[dask]')") from None
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:  # an unknown protocol, or its package missing
        raise InputError(url, f"cannot be opened: {exc}") from None


def _oserror(url: str, exc: Exception) -> OSError:
    if isinstance(exc, OSError):
        return exc
    return OSError(f"{type(exc).__name__}: {exc}") if str(exc) else OSError(type(exc).__name__)


def read_bytes(url: str) -> bytes:
    """A document's bytes. Raises OSError when it cannot be fetched."""
    fs, path = _fs(url)
    try:
        return fs.cat_file(path)
    except Exception as exc:  # a remote store raises its own errors: all mean "not read"
        raise _oserror(url, exc) from None


def size(url: str) -> int:
    fs, path = _fs(url)
    try:
        return int(fs.size(path) or 0)
    except Exception as exc:
        raise _oserror(url, exc) from None


def kind(url: str) -> str:
    """``"dir"``, ``"file"`` or ``""`` (nothing there).

    Raises
    ------
    InputError
        When the store cannot be asked (credentials, permissions, network): that is not
        the same as nothing being there.
    """
    fs, path = _fs(url)
    try:
        info = fs.info(path)
    except FileNotFoundError:
        return ""
    except Exception as exc:
        raise InputError(url, f"cannot be reached: {_oserror(url, exc)}") from None
    return "dir" if info.get("type") == "directory" else "file"


def files_under(url: str) -> list[tuple[str, str]]:
    """Every file under a folder URL: ``(its URL, its path relative to the folder)``, sorted."""
    fs, root = _fs(url)
    try:
        found = fs.find(root)
    except Exception as exc:
        raise _oserror(url, exc) from None
    out = []
    for path in sorted(found):
        rel = posixpath.relpath(path, root.rstrip("/") or "/")
        out.append((fs.unstrip_protocol(path), rel))
    return out


def child(url: str, name: str) -> str:
    """The URL of ``name`` inside the folder ``url``, spelled as :func:`files_under` spells it."""
    fs, root = _fs(url)
    return fs.unstrip_protocol(posixpath.join(root, name))
