"""Staff forms, one module per use case, plus the field types they share."""
