"""``python -m bench._seed``: migrate the database in ``DATABASE_URL`` and seed the demo round.

Prints the demo access code as the last line. Run as a child process by ``bench._stack`` so the
bench's own process never holds the app's extension state or database connections.
"""

from __future__ import annotations

from flask_migrate import upgrade

from questionnaires import load_catalogue
from survey_app import create_app
from survey_app.extensions import db
from survey_app.services.demo import DEMO_INSTRUMENTS, seed_demo


def main() -> None:
    """Upgrade to the head revision, seed the open demo round, print its access code."""
    app = create_app()
    with app.app_context():
        upgrade()
        catalogue = load_catalogue()
        pinned = {
            key: catalogue.get(f"{key}@v{version}").content_hash
            for key, version in DEMO_INSTRUMENTS
        }
        seed = seed_demo(db.session, pinned_hashes=pinned)
        db.session.commit()
        db.engine.dispose()
    print(seed.access_code)


if __name__ == "__main__":
    main()
