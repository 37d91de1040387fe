"""Extension instances, created unbound and initialised by the app factory."""

from flask_babel import Babel
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy.orm import Session

from survey_app.common.rate_keys import anonymous_rate_key
from survey_app.db import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
babel = Babel()
login_manager = LoginManager()
limiter = Limiter(anonymous_rate_key, default_limits=[])


def db_session() -> Session:
    """Return the session of the current application context, as the `Session` services take.

    `db.session` is a `scoped_session`: a proxy that finds the context's session on each use.
    Calling it returns that session itself, so views and commands hand services (which are
    annotated with `sqlalchemy.orm.Session`) the real thing, and commit the same object.
    """
    return db.session()
