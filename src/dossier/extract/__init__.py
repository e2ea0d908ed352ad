"""The extract stage: find people and organisations and what the text says about them.

- ``nlp``: loading the spaCy pipeline.
- ``mentions``: names with exact spans, corrected labels, within-document references.
- ``claims``: evidence passages, allegations, who did what to whom, positions, relations.
- ``corpus``: runs all of it over the ingested documents.
"""
