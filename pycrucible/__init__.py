"""pycrucible: the Python client for Crucible, the Molecular Foundry's data lakehouse."""

__all__ = ["__version__"]

__version__ = "0.1.0"
