"""Fixtures for the PDF reader tests: the real court filings, read once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from filelint.pdf import DocumentText, read_documents


@pytest.fixture(scope="session", params=["pdfium", "pdfminer"])
def real_docs(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> dict[str, DocumentText]:
    """Every real filing in the corpus read once per backend (two workers), keyed by file name."""
    paths = sorted((corpus / "real-pdfs").glob("*.pdf"))
    cache = tmp_path_factory.mktemp("real-cache")
    docs = read_documents(paths, jobs=2, cache_dir=cache, backend=request.param)
    return {path.name: doc for path, doc in docs.items()}
