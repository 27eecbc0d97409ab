"""Shared test helpers: run filelint on a folder with only built-in plugins."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The corpus of real court filings (not in the repository): ``$FILELINT_CORPUS``, by default the
#: ``fixtures`` folder CI provides beside the checkout. Tests marked ``corpus`` read ``real-pdfs/`` in it
#: and are skipped, with this reason, when it is absent.
CORPUS = Path(os.environ.get("FILELINT_CORPUS") or ROOT.parent / "shared" / "fixtures").resolve()
EXAMPLES = ROOT / "examples"

# Tests must not depend on what else happens to be installed in the environment.
os.environ.setdefault("FILELINT_DISABLE_PLUGIN_AUTOLOAD", "1")


@pytest.fixture(scope="session")
def plugins():  # type: ignore[no-untyped-def]
    from filelint.plugins import load_plugins

    loaded = load_plugins(autoload=False)
    assert not loaded.errors, loaded.errors
    return loaded


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the corpus suite, saying why and how to run it, when the corpus is not there."""
    if (CORPUS / "real-pdfs").is_dir():
        return
    skip = pytest.mark.skip(
        reason=f"corpus of real filings not found at {CORPUS}/real-pdfs: "
        "set FILELINT_CORPUS to the folder holding real-pdfs/ to run it"
    )
    for item in items:
        if item.get_closest_marker("corpus"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus folder (tests using it must be marked ``corpus``)."""
    return CORPUS
