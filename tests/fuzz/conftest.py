"""Hypothesis profiles: ``test`` (make test: few cases, the same every run) and ``fuzz`` (make fuzz: many)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "test",
    max_examples=40,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture,  # capsys: each case reads what it printed
    ],
)
settings.register_profile("fuzz", parent=settings.get_profile("test"), derandomize=False, max_examples=2000)
settings.load_profile(os.environ.get("TILTAKSGRAF_FUZZ_PROFILE", "test"))
