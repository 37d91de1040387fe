"""Tests of the questionnaires package: files, loader, checks, routing, indicators and CLI."""
