"""A claims cache: a document read before, unchanged, is not read again.

Each document's entry is keyed by a hash of its bytes, its path, its ``metadata.toml``
entry, and a fingerprint of everything extraction depends on: reconcile's own code and the
merged domain data (units, regions, segments, cue words, measures). Any change to one of
them is a miss, so a cached run gives exactly what a cold run gives. What is cached is the
extraction's own output — the document's claims before market names are merged across the
corpus, and its input status — so merging, claim ids, rules and reports run over the whole
corpus every time, as they must.

The cache is one Parquet file (``claims.parquet``, one row per claim, and one row per
document without claims) rewritten after each run with the documents of that run: a
deleted document drops out. Writing Parquet needs pyarrow (``pip install
'reconcile-claims[parquet]'``).

``check`` keeps its last result beside it (``result.parquet``: the claims table, with the
inputs and findings in its metadata), keyed by every document's key and id and everything
else a result depends on (:func:`result_key`): a re-run where nothing changed reads only that.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import operator
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .config import Settings
from .errors import ConfigError, OutputError
from .extract import Claim
from .sources import InputStatus
from .storage import is_url

CACHE_FILE = "claims.parquet"
#: Which parts of the settings extraction reads (rule settings do not change claims).
EXTRACTION_DATA = ("units", "regions", "segments", "extract", "measures", "countries")
_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))
_STATUS_FIELDS = tuple(f.name for f in dataclasses.fields(InputStatus))
_fields_of = operator.attrgetter(*_CLAIM_FIELDS)


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """A hash of reconcile's Python sources: a new version or a local edit is a miss."""
    digest = hashlib.sha256()
    root = resources.files("reconcile")
    for path in sorted(Path(str(root)).rglob("*.py")):
        digest.update(path.relative_to(Path(str(root))).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def settings_fingerprint(settings: Settings) -> str:
    """The code and domain data extraction depends on, as one hash."""
    data = {name: getattr(settings, name) for name in EXTRACTION_DATA}
    data["pycountry"] = importlib.metadata.version("pycountry")  # its country names: a new release may read a list anew
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=True)
    return hashlib.sha256((_code_fingerprint() + text).encode()).hexdigest()


def _require_pyarrow():
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("--cache", "the claims cache needs pyarrow: pip install 'reconcile-claims[parquet]'") from None
    return pq


class ClaimsCache:
    """Cached extraction results in ``folder``, valid for one settings fingerprint."""

    def __init__(self, folder: str | os.PathLike, settings: Settings) -> None:
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise ConfigError(self.folder, "the claims cache must be a folder, and this is a file")
        self.fingerprint = settings_fingerprint(settings)
        self._pq = _require_pyarrow()
        self._entries: dict[str, tuple[InputStatus, list[Claim]]] | None = None
        self._stored: set[str] = set()
        self.hits = 0
        self.misses = 0

    def key(self, path: str, content: str, meta: dict) -> str:
        """An entry's key: the document's path, metadata and content digest (``sha256`` of
        its bytes, as :func:`content_digest` gives it), under this settings fingerprint."""
        digest = hashlib.sha256()
        for part in (self.fingerprint, path.encode("utf-8", "surrogateescape").hex(),
                     json.dumps(meta, sort_keys=True, default=str), content):
            digest.update(part.encode())
            digest.update(b"\0")
        return digest.hexdigest()

    def _load(self) -> dict[str, tuple[InputStatus, list[Claim]]]:
        entries: dict[str, tuple[InputStatus, list[Claim]]] = {}
        path = self.folder / CACHE_FILE
        if not path.is_file():
            return entries
        try:
            table = self._pq.read_table(path)
            if not table.schema.equals(_schema(pa_module()), check_metadata=False):
                return entries  # written by another version: a cold run
            cols = table.to_pydict()
        except Exception:  # a damaged or foreign cache file is a cold run, never a failure
            return entries
        statuses: dict[str, InputStatus] = {}
        for key, status, has_claim, *fields in zip(cols["key"], cols["status"], cols["has_claim"],
                                                    *(cols[f] for f in _CLAIM_FIELDS)):
            if key not in entries:
                data = json.loads(status)
                statuses[key] = InputStatus(**{k: data[k] for k in _STATUS_FIELDS if k in data})
                entries[key] = (statuses[key], [])
            if has_claim:
                entries[key][1].append(Claim(*fields))
        self._stored = set(entries)
        return entries

    def get(self, key: str) -> tuple[InputStatus, list[Claim]] | None:
        """A document's cached status and claims (each entry is handed out once per run)."""
        if self._entries is None:
            self._entries = self._load()
        found = self._entries.pop(key, None)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def save(self, entries: list[tuple[str, InputStatus, list[Claim]]]) -> None:
        """Replace the cache with this run's documents (written atomically), keeping the
        entries of local documents this run did not read that still exist (a run over part
        of a corpus does not empty the cache; a deleted document drops out). Nothing is
        written when every document came from the cache and none was removed."""
        docs = {status.doc for _, status, _ in entries}
        kept = [(k, status, claims) for k, (status, claims) in sorted((self._entries or {}).items())
                if status.doc not in docs and not is_url(status.doc) and os.path.isfile(status.doc)]
        entries = [*entries, *kept]
        if self.misses == 0 and {k for k, _, _ in entries} == self._stored:
            return
        pa = pa_module()
        from .output import write_bytes_atomic

        columns: dict[str, list] = {name: [] for name in ("key", "status", "has_claim", *_CLAIM_FIELDS)}
        for key, status, claims in sorted(entries, key=lambda e: e[0]):
            st = json.dumps({k: getattr(status, k) for k in _STATUS_FIELDS}, sort_keys=True)
            rows = [_fields_of(c) for c in claims] or [(None,) * len(_CLAIM_FIELDS)]
            columns["key"].extend([key] * len(rows))
            columns["status"].extend([st] * len(rows))
            columns["has_claim"].extend([bool(claims)] * len(rows))
            for name, values in zip(_CLAIM_FIELDS, zip(*rows)):
                columns[name].extend(values)
        table = pa.Table.from_pydict(columns, schema=_schema(pa))
        sink = pa.BufferOutputStream()
        self._pq.write_table(table, sink)
        try:
            write_bytes_atomic(str(self.folder / CACHE_FILE), sink.getvalue().to_pybytes())
        except OutputError as exc:
            raise OutputError(f"claims cache: {exc}") from None


def pa_module():
    import pyarrow

    return pyarrow


def _schema(pa):
    """Fixed column types, so a column that is empty in one run reads back as it was written."""
    kinds = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    fields = [pa.field("key", pa.string()), pa.field("status", pa.string()), pa.field("has_claim", pa.bool_())]
    hints = {f.name: f.type for f in dataclasses.fields(Claim)}
    for name in _CLAIM_FIELDS:
        hint = str(hints[name]).replace(" ", "")
        base = hint.split("|")[0]
        fields.append(pa.field(name, kinds.get({"str": str, "int": int, "float": float, "bool": bool}.get(base), pa.string())))
    return pa.schema(fields)


#: The last checked result, for a re-run on an unchanged corpus (see :func:`result_key`).
RESULT_FILE = "result.parquet"
_RESULT_META = b"reconcile-result"


def result_key(corpus: str, settings: Settings, select, ignore, references) -> str:
    """What a checked result depends on beyond the documents (``corpus``: the corpus plan's
    fingerprint): every setting and domain table, the rules selected and the reference facts."""
    data = {"corpus": corpus, "settings": dataclasses.asdict(settings), "select": select, "ignore": ignore,
            "references": [c.row() for c in references.claims],
            "reference_inputs": [dataclasses.asdict(s) for s in references.inputs]}
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=True)
    return hashlib.sha256((_code_fingerprint() + text).encode()).hexdigest()


def load_result(folder: str | os.PathLike, key: str):
    """``(inputs, claims, findings)`` of the run that saved ``key`` in ``folder``, or None (a
    different run, or a damaged file: then the run is made anew)."""
    from .findings import Finding
    from .normalize import claims_frame_dtypes

    path = Path(folder) / RESULT_FILE
    if not path.is_file():
        return None
    try:
        pq = _require_pyarrow()
        table = pq.read_table(path)
        meta = json.loads(table.schema.metadata[_RESULT_META])
        if meta.get("key") != key:
            return None
        claims = table.to_pandas().astype(claims_frame_dtypes())
        inputs = [InputStatus(**s) for s in meta["inputs"]]
        findings = [Finding(**f) for f in meta["findings"]]
    except ConfigError:
        raise
    except Exception:  # a damaged or foreign file is a run made anew, never a failure
        return None
    return inputs, claims, findings


def save_result(folder: str | os.PathLike, key: str, inputs, claims, findings) -> None:
    """Keep a checked result for the next run with the same key (written atomically)."""
    pa = pa_module()
    pq = _require_pyarrow()
    from .output import write_bytes_atomic

    meta = {"key": key, "inputs": [dataclasses.asdict(s) for s in inputs],
            "findings": [dataclasses.asdict(f) for f in findings]}
    table = pa.Table.from_pandas(claims, preserve_index=False)
    table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                           _RESULT_META: json.dumps(meta, ensure_ascii=True).encode()})
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    try:
        write_bytes_atomic(str(Path(folder) / RESULT_FILE), sink.getvalue().to_pybytes())
    except OutputError as exc:
        raise OutputError(f"claims cache: {exc}") from None
