"""Configuration read from the environment, with safe embedded defaults.

Development and tests run on an SQLite file in the instance folder with a secret key generated
once and kept there. Production refuses to start without an explicit ``SECRET_KEY`` or with
debugging on, because either would put children's answers at risk.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENVIRONMENTS = ("development", "test", "production")


class ConfigError(RuntimeError):
    """Raised when the environment cannot give a safe configuration."""


@dataclass(frozen=True)
class Config:
    """Settings the app factory turns into Flask configuration keys."""

    environment: str
    secret_key: str
    database_url: str
    redis_url: str | None = None
    debug: bool = False
    proxies: int = 0
    # Lets the seeded demo accounts sign in without a second factor (``make run``); never allowed
    # in production.
    demo_without_second_factor: bool = False
    # Safeguarding alert emails (docs/safeguarding.md): the mail server, the From address, and
    # the address staff reach the site at, for the link in each email.
    smtp_url: str | None = None
    mail_from: str = ""
    public_base_url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    def flask_settings(self) -> dict[str, Any]:
        """Return the Flask and extension keys for this configuration."""
        settings: dict[str, Any] = {
            "CARE_VOICES_ENV": self.environment,
            "SECRET_KEY": self.secret_key,
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
            "DEBUG": self.debug,
            "TESTING": self.environment == "test",
            "RATELIMIT_STORAGE_URI": self.redis_url or "memory://",
            "RATELIMIT_HEADERS_ENABLED": False,
            "BABEL_DEFAULT_LOCALE": "en_GB",
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "SESSION_COOKIE_SECURE": self.is_production,
            "SESSION_COOKIE_NAME": "__Host-session" if self.is_production else "session",
            "WTF_CSRF_TIME_LIMIT": None,
            # No Referer check over HTTPS: pages send no Referer (see common/same_origin.py).
            "WTF_CSRF_SSL_STRICT": False,
            "MAX_CONTENT_LENGTH": 256 * 1024,
            "CARE_VOICES_PROXIES": self.proxies,
            "CARE_VOICES_DEMO_WITHOUT_SECOND_FACTOR": self.demo_without_second_factor,
            "SMTP_URL": self.smtp_url,
            "MAIL_FROM": self.mail_from,
            "PUBLIC_BASE_URL": self.public_base_url,
        }
        settings.update(self.extra)
        return settings


def from_env(instance_path: Path, env: dict[str, str] | None = None) -> Config:
    """Build the configuration from environment variables (see README's table).

    ``env`` defaults to ``os.environ``; passing a dict keeps tests free of global state.
    """
    env = dict(os.environ if env is None else env)
    environment = env.get("CARE_VOICES_ENV", "development")
    if environment not in ENVIRONMENTS:
        raise ConfigError(f"CARE_VOICES_ENV must be one of {', '.join(ENVIRONMENTS)}")
    debug = _is_on(env, "FLASK_DEBUG")
    config = Config(
        environment=environment,
        secret_key=_secret_key(env, environment, instance_path),
        database_url=env.get("DATABASE_URL") or _default_sqlite_url(instance_path),
        redis_url=env.get("REDIS_URL") or None,
        debug=debug,
        proxies=_proxies(env),
        demo_without_second_factor=_is_on(env, "CARE_VOICES_DEMO_WITHOUT_SECOND_FACTOR"),
        smtp_url=env.get("SMTP_URL") or None,
        mail_from=env.get("MAIL_FROM") or "care-voices@localhost",
        public_base_url=(env.get("PUBLIC_BASE_URL") or "").rstrip("/") or None,
    )
    check_safe_for_environment(config)
    return config


def check_safe_for_environment(config: Config) -> None:
    """Refuse production settings that would expose respondents (R-SEC-5, ASVS 14.3.2)."""
    if not config.is_production:
        return
    if not config.secret_key:
        raise ConfigError(
            "SECRET_KEY is not set. Production needs a long random SECRET_KEY in the environment,"
            ' for example from: python -c "import secrets; print(secrets.token_hex(32))"'
        )
    if config.debug:
        raise ConfigError("FLASK_DEBUG is on. Production must never run with debugging enabled.")
    if config.demo_without_second_factor:
        raise ConfigError(
            "CARE_VOICES_DEMO_WITHOUT_SECOND_FACTOR is on. Production staff always need their"
            " second factor."
        )


def _is_on(env: dict[str, str], name: str) -> bool:
    return env.get(name, "0").lower() in {"1", "true", "yes"}


def _proxies(env: dict[str, str]) -> int:
    """How many reverse proxies stand in front of the app (``CARE_VOICES_PROXIES``)."""
    raw = env.get("CARE_VOICES_PROXIES", "0")
    if not raw.isdigit():
        raise ConfigError("CARE_VOICES_PROXIES must be a whole number of proxies, such as 1")
    return int(raw)


def _secret_key(env: dict[str, str], environment: str, instance_path: Path) -> str:
    if env.get("SECRET_KEY"):
        return env["SECRET_KEY"]
    if environment == "production":
        return ""
    return _instance_secret(instance_path)


def _instance_secret(instance_path: Path) -> str:
    """Generate a development key once and keep it, so sessions survive restarts."""
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    key_file.write_text(key, encoding="utf-8")
    key_file.chmod(0o600)
    return key


def _default_sqlite_url(instance_path: Path) -> str:
    instance_path.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{instance_path / 'care_voices.sqlite3'}"
