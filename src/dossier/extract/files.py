"""Several files as one corpus, for ``dossier extract FILE...``.

The files go through the build's own path: ``ingest_file`` (the same readers,
furniture marking and sidecars as ``dossier build``), spaCy over each
document's analysis text (``corpus.parse``), then ``find_mentions`` over all
documents together, so the gazetteer, the label votes and the searched names
are the corpus's, exactly as in a build of a seeds folder holding these files.
Documents are processed in the order a build reads them (POSIX path order
under their common folder), so the result does not depend on the order the
files are named in.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.corpus import parse
from dossier.extract.mentions import MentionRecord, find_mentions, mention_records
from dossier.ingest import ingest_file
from dossier.ingest.ocr import Ocr
from dossier.model import IngestError, SourceDocument


# spaCy labels that are already decided by the mention stage (PERSON, ORG) or
# are not names (numbers, dates); the others (GPE, LOC, NORP, ...) are printed as
# spaCy gives them, where no person or organisation mention covers them.
class DuplicateFileError(ValueError):
    """The same file was named twice."""


@dataclass(frozen=True)
class FileSource:
    """One named file and the document ingest made of it."""

    path: Path  # as the caller named it
    source: SourceDocument


@dataclass(frozen=True)
class FileMention:
    """One mention and the file it is in."""

    path: Path
    record: MentionRecord

    def to_dict(self) -> dict[str, str | int | list[str] | None]:
        return {"file": str(self.path), **self.record.to_dict()}


def common_root(paths: Sequence[Path]) -> Path:
    """The deepest folder holding every path (the "seeds folder" of these files)."""
    if len(paths) == 0:
        raise ValueError("no files given")
    folders = [os.path.dirname(os.path.abspath(p)) for p in paths]
    return Path(os.path.commonpath(folders))


def read_files(
    paths: Sequence[Path], max_bytes: int, ocr: Ocr | None = None
) -> tuple[list[FileSource], list[IngestError]]:
    """Ingest each file as ``dossier build`` would (``ocr`` as the build's); in build order.

    A file named twice (by any spelling of its path) is a ``DuplicateFileError``.
    Files that cannot be used come back as errors, one per file.
    """
    seen: dict[str, Path] = {}
    for path in paths:
        real = os.path.realpath(path)
        if real in seen:
            raise DuplicateFileError(f"{path}: named twice (also as {seen[real]})")
        seen[real] = path
    root = common_root(paths)
    found: list[FileSource] = []
    errors: list[IngestError] = []
    engine = ocr if ocr is not None else Ocr()
    for path in paths:
        ingested = ingest_file(path, root, max_bytes, engine)
        if isinstance(ingested, IngestError):
            reason = ingested.message.removeprefix(f"{ingested.file_name}: ")
            errors.append(IngestError(str(path), reason))
        else:
            found.append(FileSource(path, ingested))
    found.sort(key=lambda f: f.source.file_name)
    return found, errors


def corpus_mentions(files: Sequence[FileSource], docs: Sequence[Doc]) -> list[FileMention]:
    """Every mention in every file, decided over all of them together.

    ``docs[i]`` is the parse of ``files[i].source.analysis_text()``. PERSON and
    ORG mentions come from ``find_mentions`` (``resolved`` is the full name of
    the local entity a mention names, or None when it is left unresolved); other
    spaCy name labels are added where no such mention covers them. Sorted by
    file (build order), then offsets.
    """
    sources = [f.source for f in files]
    out: list[FileMention] = []
    for file, doc, found in zip(files, docs, find_mentions(sources, docs), strict=True):
        records = mention_records(file.source.text, doc, found)
        out.extend(FileMention(file.path, r) for r in records)
    return out


def extract_files(
    paths: Sequence[Path], nlp: Language, max_bytes: int, ocr: Ocr | None = None
) -> tuple[list[FileMention], list[IngestError]]:
    """``read_files``, spaCy, ``corpus_mentions``: the mentions of files read as one corpus.

    When any file cannot be used, nothing is extracted (the corpus would not be
    the one asked for) and the errors come back.
    """
    files, errors = read_files(paths, max_bytes, ocr)
    if len(errors) > 0:
        return [], errors
    return corpus_mentions(files, parse([f.source for f in files], nlp)), []
