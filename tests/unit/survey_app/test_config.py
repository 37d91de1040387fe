"""Configuration comes from the environment and fails fast where it would be unsafe."""

from pathlib import Path

import pytest

from survey_app.config import ConfigError, from_env


def test_development_defaults_to_sqlite_in_the_instance_folder(tmp_path: Path) -> None:
    config = from_env(tmp_path, env={})
    assert config.database_url == f"sqlite:///{tmp_path / 'care_voices.sqlite3'}"
    assert config.environment == "development"


def test_development_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = from_env(tmp_path, env={}).secret_key
    second = from_env(tmp_path, env={}).secret_key
    assert len(first) == 64
    assert first == second
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="SECRET_KEY is not set"):
        from_env(tmp_path, env={"CARE_VOICES_ENV": "production", "DATABASE_URL": "sqlite://"})
    assert not (tmp_path / "secret_key").exists()


def test_production_refuses_to_start_with_debugging_on(tmp_path: Path) -> None:
    env = {"CARE_VOICES_ENV": "production", "SECRET_KEY": "x" * 64, "FLASK_DEBUG": "1"}
    with pytest.raises(ConfigError, match="debugging"):
        from_env(tmp_path, env=env)


def test_production_uses_secure_host_only_session_cookies(tmp_path: Path) -> None:
    env = {"CARE_VOICES_ENV": "production", "SECRET_KEY": "x" * 64, "DATABASE_URL": "sqlite://"}
    settings = from_env(tmp_path, env=env).flask_settings()
    assert settings["SESSION_COOKIE_NAME"] == "__Host-session"
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["SESSION_COOKIE_HTTPONLY"] is True


def test_an_unknown_environment_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="CARE_VOICES_ENV"):
        from_env(tmp_path, env={"CARE_VOICES_ENV": "staging"})


def test_redis_url_sets_the_shared_rate_limit_store(tmp_path: Path) -> None:
    settings = from_env(tmp_path, env={"REDIS_URL": "redis://localhost:6379/0"}).flask_settings()
    assert settings["RATELIMIT_STORAGE_URI"] == "redis://localhost:6379/0"


def test_proxies_default_to_none_and_must_be_a_whole_number(tmp_path: Path) -> None:
    assert from_env(tmp_path, env={}).proxies == 0
    assert from_env(tmp_path, env={"CARE_VOICES_PROXIES": "2"}).proxies == 2
    with pytest.raises(ConfigError, match="CARE_VOICES_PROXIES"):
        from_env(tmp_path, env={"CARE_VOICES_PROXIES": "yes"})


def test_the_demo_may_skip_the_second_factor_but_never_in_production(tmp_path: Path) -> None:
    demo = {"CARE_VOICES_DEMO_WITHOUT_SECOND_FACTOR": "1"}
    settings = from_env(tmp_path, env=demo).flask_settings()
    assert settings["CARE_VOICES_DEMO_WITHOUT_SECOND_FACTOR"] is True
    assert from_env(tmp_path, env={}).demo_without_second_factor is False
    production = {"CARE_VOICES_ENV": "production", "SECRET_KEY": "x" * 64, **demo}
    with pytest.raises(ConfigError, match="second factor"):
        from_env(tmp_path, env=production)
