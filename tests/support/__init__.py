"""Helpers the test suite shares: a real PostgreSQL server and checks run on every page."""
