"""Waivers: findings a person has looked at and accepted, with a reason, an owner and
optionally an expiry date. Read from ``rules/waivers.toml``::

    [[waiver]]
    fingerprint = "RC201-2bdfefcb94149821"   # one finding, or:
    # rule = "RC201"                          # a rule, narrowed by
    # doc = "sources/002_*.txt"               #   a cited document (glob) and/or
    # subject = "personalized medicine"       #   a market
    reason = "Publisher confirmed the 25% is for 2022"
    owner = "data-desk@example.com"
    expires = 2027-06-30                      # optional; after it the waiver stops applying

A waived finding is reported as waived and never fails a run. An expired waiver, or one
that matches no finding, is reported so the file can be kept tidy.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass
from pathlib import Path

from .config import read_toml
from .errors import ConfigError
from .findings import Finding
from .schema import check
from .specs import WAIVERS

FILE_NAME = "waivers.toml"


@dataclass
class Waiver:
    index: int
    fingerprint: str | None
    rule: str | None
    doc: str | None
    subject: str | None
    reason: str
    owner: str
    expires: dt.date | None

    def label(self) -> str:
        what = self.fingerprint or " ".join(x for x in (self.rule, self.doc, self.subject) if x)
        return f"waiver {self.index} ({what})"

    def matches(self, f: Finding) -> bool:
        if self.fingerprint and self.fingerprint != f.fingerprint:
            return False
        if self.rule and self.rule.upper() != f.rule and self.rule.lower() != f.name:
            return False
        if self.subject and self.subject.lower() != f.subject.lower():
            return False
        if self.doc and not any(fnmatch.fnmatch(d, self.doc) for d in f.docs):
            return False
        return True

    def as_dict(self) -> dict:
        return {"reason": self.reason, "owner": self.owner,
                "expires": self.expires.isoformat() if self.expires else None}


def default_path(settings) -> Path:
    """Where the waivers are when none are named: ``waivers.toml`` in the rules folder."""
    return Path(settings.rules_dir or "rules") / FILE_NAME


def load_waivers(path: str | Path) -> list[Waiver]:
    """Read ``waivers.toml``; a missing file means no waivers, a bad one is an error."""
    p = Path(path)
    if not p.is_file():
        return []
    try:
        text = p.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(p, f"waivers cannot be read: {exc}") from None
    data = read_toml(p, text)
    check(p, data, WAIVERS)  # keys, types, a date for expires, a reason and an owner
    out = []
    for i, w in enumerate(data.get("waiver", []), start=1):
        if not (w.get("fingerprint") or w.get("rule")):
            raise ConfigError(p, f"waiver {i} needs a fingerprint or a rule")
        out.append(Waiver(i, w.get("fingerprint"), w.get("rule"), w.get("doc"), w.get("subject"),
                          w["reason"], w["owner"], w.get("expires")))
    return out


def apply_waivers(findings: list[Finding], waivers: list[Waiver], *, today: dt.date | None = None) -> list[str]:
    """Mark waived findings; return notes on expired waivers and waivers that match nothing."""
    today = today or dt.date.today()
    notes = []
    for w in waivers:
        hits = [f for f in findings if w.matches(f)]
        if w.expires is not None and w.expires < today:
            notes.append(f"{w.label()} expired on {w.expires.isoformat()} and no longer applies"
                         + (f" ({len(hits)} finding(s) are reported again)" if hits else ""))
            continue
        if not hits:
            notes.append(f"{w.label()} matches no finding; remove it")
            continue
        for f in hits:
            if f.status != "waived":
                f.status, f.waiver = "waived", w.as_dict()
    return notes
