"""Fixtures for the PDF reader tests: the real court filings, read once per session."""

from __future__ import annotations

import pytest

from filelint.pdf import DocumentText, read_documents

from .helpers import REAL


@pytest.fixture(scope="session")
def real_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, DocumentText]:
    """Every real fixture read once (two workers), keyed by file name."""
    if not REAL.is_dir():
        pytest.skip(f"real PDF fixtures not found at {REAL} (shared/fixtures/real-pdfs)")
    paths = sorted(REAL.glob("*.pdf"))
    cache = tmp_path_factory.mktemp("real-cache")
    docs = read_documents(paths, jobs=2, cache_dir=cache)
    return {path.name: doc for path, doc in docs.items()}
