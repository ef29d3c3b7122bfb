"""Movements (see docs)."""
