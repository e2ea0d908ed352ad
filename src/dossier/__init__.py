"""Build Magnitsky-style designation dossiers from source documents.

The pipeline runs one way, one module per stage:
ingest -> extract -> resolve -> review -> export -> render.
"""

__version__ = "0.1.0"
