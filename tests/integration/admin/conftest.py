"""Staff tool tests share the sign-in tests' fixtures."""

from tests.integration.auth.conftest import fresh_rate_limits  # noqa: F401 (an autouse fixture)
