"""Use cases over an explicit database session. Services flush; the caller commits once."""
