"""In CI (FILELINT_REQUIRE_BROWSER=1) a missing browser fails the browser tests instead of skipping them."""

from __future__ import annotations

import pytest

from .test_browser import _unavailable


def test_missing_browser_fails_when_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FILELINT_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="FILELINT_REQUIRE_BROWSER=1"):
        _unavailable("/usr/bin/chromium is missing")


def test_missing_browser_skips_on_a_developer_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FILELINT_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception):
        _unavailable("/usr/bin/chromium is missing")
