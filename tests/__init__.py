"""Tests (a package, so that test modules import their helpers by full name)."""
