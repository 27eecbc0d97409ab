"""Shared test helpers: run filelint on a folder with only built-in plugins."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"

# Tests must not depend on what else happens to be installed in the environment.
os.environ.setdefault("FILELINT_DISABLE_PLUGIN_AUTOLOAD", "1")


@pytest.fixture(scope="session")
def plugins():  # type: ignore[no-untyped-def]
    from filelint.plugins import load_plugins

    loaded = load_plugins(autoload=False)
    assert not loaded.errors, loaded.errors
    return loaded
