"""Questionnaire instruments as versioned data, with their schema, loader and checks."""
