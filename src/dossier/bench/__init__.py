"""Benchmarks printed by ``make bench``: quality against the hand annotations and speed.

Each module has ``run() -> list[str]``; ``python -m dossier.bench`` runs them all.
"""
