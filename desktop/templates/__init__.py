"""Dispatch templates: a sandboxed fill engine (engine.py), the library service (service.py)
and the seed templates shipped in resources/templates (seed.py)."""
