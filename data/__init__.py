"""craftwave's bundled data: the demo study and the examples (package data, not code)."""
