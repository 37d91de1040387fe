"""The safeguarding email settings come from the environment; none of them is needed to start."""

from pathlib import Path

from survey_app.config import from_env


def test_mail_settings_are_read_from_the_environment(tmp_path: Path) -> None:
    env = {
        "SMTP_URL": "smtp://alerts:secret@mail.example:587",
        "MAIL_FROM": "Care Voices <care-voices@council.example>",
        "PUBLIC_BASE_URL": "https://voices.council.example/",
    }
    settings = from_env(tmp_path, env=env).flask_settings()
    assert settings["SMTP_URL"] == env["SMTP_URL"]
    assert settings["MAIL_FROM"] == env["MAIL_FROM"]
    assert settings["PUBLIC_BASE_URL"] == "https://voices.council.example"


def test_production_starts_without_a_mail_server(tmp_path: Path) -> None:
    env = {"CARE_VOICES_ENV": "production", "SECRET_KEY": "s" * 64, "DATABASE_URL": "sqlite://"}
    settings = from_env(tmp_path, env=env).flask_settings()
    assert settings["SMTP_URL"] is None
    assert settings["PUBLIC_BASE_URL"] is None
    assert settings["MAIL_FROM"] == "care-voices@localhost"
