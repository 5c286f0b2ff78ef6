from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _repo_cwd(monkeypatch):
    """Run every test from the repository root, where sources/ and rules/ live."""
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="session")
def settings():
    from reconcile.config import load_settings

    return load_settings(ROOT / "rules") if (ROOT / "rules").is_dir() else load_settings(use_cwd=False)


@pytest.fixture(scope="session")
def extractor(settings):
    from reconcile.extract import Extractor

    return Extractor(settings)
