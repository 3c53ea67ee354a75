"""Synthetic data at scale and the benchmark figures (see README.md)."""
