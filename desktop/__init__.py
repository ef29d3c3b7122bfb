"""TĐKT Desk core: services, renderers, importers and the CLI. Never imports Qt."""
__version__ = "0.1.0"
