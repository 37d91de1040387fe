"""Interface text is translated in full, and the catalogue template matches the code."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from flask.testing import FlaskClient

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "survey_app" / "translations"
METHOD_MAP = [("survey_app/**.py", "python"), ("survey_app/templates/**.html", "jinja2")]


def _welsh_catalogue():
    with (TRANSLATIONS / "cy" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale="cy")


def _extracted_ids() -> set[str]:
    found = extract_from_dir(
        str(ROOT), METHOD_MAP, keywords={"_": None, "gettext": None, "_l": None, "ngettext": (1, 2)}
    )
    return {message if isinstance(message, str) else message[0] for *_, message, _c, _x in found}


def test_every_welsh_message_is_translated_and_none_is_fuzzy() -> None:
    untranslated = [m.id for m in _welsh_catalogue() if m.id and (not m.string or m.fuzzy)]
    assert untranslated == []


def test_welsh_catalogue_is_marked_as_awaiting_review() -> None:
    assert "awaiting review" in _welsh_catalogue().language_team


def test_welsh_catalogue_holds_every_message_the_code_uses() -> None:
    """Run ``make translations`` when this fails: a string was added or changed."""
    catalogue_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in _welsh_catalogue() if m.id}
    assert _extracted_ids() - catalogue_ids == set()


def test_welsh_pages_show_welsh_interface_text(client: FlaskClient) -> None:
    html = client.get("/privacy?lang=cy").get_data(as_text=True)
    assert "Neidio i&#39;r prif gynnwys" in html or "Neidio i'r prif gynnwys" in html
    assert "Hysbysiad preifatrwydd" in html
    assert "Privacy notice" not in html
