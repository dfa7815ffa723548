"""Routers of API v3, one module per resource; see :mod:`pycrucible.testing.v3`."""
