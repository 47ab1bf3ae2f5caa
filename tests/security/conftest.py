"""Hypothesis profiles: bounded in CI, thorough on demand.

HYPOTHESIS_PROFILE=dev runs many more examples (minutes); the default "ci"
profile is derandomized, so that a CI failure reproduces on any machine.
"""

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    # Each test's database fixtures are function-scoped on purpose: every
    # example runs inside the test's transaction, so what one stores the next
    # one sees, and the "nothing unclean stored" check covers them all.
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
    ],
    "database": None,
}
settings.register_profile("ci", max_examples=40, derandomize=True, **_COMMON)
settings.register_profile("dev", max_examples=400, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
