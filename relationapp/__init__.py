"""relationapp: a local-first relationship tracker for small firms."""

__version__ = "0.1.0"
