"""Tests of the distribution: the wheel, the namespace, the metadata."""
