"""Hypothesis profiles for tests/hostile/test_fuzz.py: ``hostile`` (the default, ~100 examples)
and ``fuzz`` (10,000; run with HYPOTHESIS_PROFILE=fuzz). They apply to the fuzz tests only
(through ``FUZZ_SETTINGS``), so other hypothesis tests in the suite keep their own settings."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("hostile", max_examples=100, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("fuzz", max_examples=10_000, **_COMMON)  # type: ignore[arg-type]
FUZZ_SETTINGS = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "hostile"))
