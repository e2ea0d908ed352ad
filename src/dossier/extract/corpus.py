"""Run extraction over a corpus: spaCy once per document, then mentions, then claims.

``extract_corpus`` runs spaCy once over every document, finds the people and
organisations (``mentions``), then what the text says about them (``claims``).

``extract_cached`` does the same with caches (``dossier.cache``): the spaCy
parse of each document is kept as a ``DocBin`` keyed by the analysis text and
the spaCy model, and the whole corpus's extraction is kept keyed by every
document and the extractor's code. Mention finding decides labels over all
documents at once, so when any document changes the cheap corpus steps run
again over every document (from the cached parses); only the changed
documents are parsed again. spaCy is loaded only when the corpus's extraction
is not cached. Large corpora use two worker processes for both per-document
passes, and parsed documents wait as bytes, not objects (``extract_cached``).
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from dossier import __version__
from dossier.cache import CacheStore, code_fingerprint, digest
from dossier.extract.candidates import DocumentView, collect
from dossier.extract.claims import analyse_document
from dossier.extract.mentions import (
    CorpusKnowledge,
    DocumentMentions,
    corpus_knowledge,
    document_mentions,
    find_mentions,
)
from dossier.extract.nlp import model_version
from dossier.forking import forked_map
from dossier.model import Extraction, SourceDocument

log = logging.getLogger(__name__)

Tick = Callable[[], None]

# Two processes pay off only when there is a lot to parse: starting a worker and
# loading spaCy in it costs a few seconds.
PARALLEL_MIN_DOCS = 24
PARALLEL_MIN_CHARS = 1_000_000
CACHE_FORMAT = "1"


def extractor_name(nlp: Language) -> str:
    """Provenance string: extractor version and spaCy pipeline."""
    return f"dossier-{__version__}+{model_version(nlp)}"


def choose_processes(texts: Sequence[str], processes: int | None = None) -> int:
    """1 for small inputs (and tests), 2 for large corpora; ``processes`` overrides."""
    if processes is not None:
        return max(1, processes)
    if len(texts) >= PARALLEL_MIN_DOCS and sum(len(t) for t in texts) >= PARALLEL_MIN_CHARS:
        return 2
    return 1


def parse_texts(
    texts: Sequence[str],
    nlp: Language,
    tick: Tick | None = None,
    processes: int | None = None,
) -> list[Doc]:
    """spaCy over ``texts`` in order; two worker processes for large inputs.

    The result does not depend on the number of processes (``nlp.pipe`` keeps
    the input order and the models are deterministic).
    """
    n_process = choose_processes(texts, processes)
    docs: list[Doc] = []
    if n_process > 1:
        stream = nlp.pipe(texts, n_process=n_process, batch_size=4)
    else:
        stream = nlp.pipe(texts)
    for doc in stream:
        docs.append(doc)
        if tick is not None:
            tick()
    return docs


def parse(
    sources: Sequence[SourceDocument],
    nlp: Language,
    tick: Tick | None = None,
    processes: int | None = None,
) -> list[Doc]:
    """spaCy over every document's analysis text (furniture blanked, offsets kept)."""
    return parse_texts([s.analysis_text() for s in sources], nlp, tick, processes)


def extract_docs(
    sources: Sequence[SourceDocument], docs: Sequence[Doc], extractor: str
) -> list[Extraction]:
    """Mentions (over the whole corpus) and claims (per document) from parsed docs."""
    found = find_mentions(sources, docs)
    return [
        _assemble(source, doc, mentions, extractor)
        for source, doc, mentions in zip(sources, docs, found, strict=True)
    ]


def _assemble(
    source: SourceDocument, doc: Doc, mentions: DocumentMentions, extractor: str
) -> Extraction:
    analysis = analyse_document(source, doc, mentions)
    return Extraction(
        source=source,
        extractor=extractor,
        mentions=mentions.mentions,
        entities=mentions.entities,
        claims=analysis.claims,
        positions=analysis.positions,
        relations=analysis.relations,
        designations=analysis.designations,
        roles=analysis.roles,
        deceased=analysis.deceased,
    )


def extract_corpus(
    sources: Sequence[SourceDocument],
    nlp: Language,
    tick: Tick | None = None,
    processes: int | None = None,
) -> list[Extraction]:
    """Extract every document; ``tick`` is called once per parsed document."""
    docs = parse(sources, nlp, tick, processes)
    return extract_docs(sources, docs, extractor_name(nlp))


def model_identity(name: str) -> str:
    """What a parse depends on besides the text: spaCy, the pipeline and its version."""
    path = Path(name)
    if path.is_dir() and (path / "meta.json").is_file():
        version = digest((path / "meta.json").read_bytes())
    else:
        version = str(spacy.util.get_package_version(name))
    return f"spacy-{metadata.version('spacy')}:{name}:{version}"


def parse_key(text: str, model: str) -> str:
    return digest("parse", CACHE_FORMAT, model, text)


def corpus_key(sources: Sequence[SourceDocument], model: str) -> str:
    code = code_fingerprint("extract", "model", "ids", "ingest", "cache")
    parts: list[str] = ["corpus", CACHE_FORMAT, __version__, code, model]
    for source in sources:
        parts.append(digest(repr(source)))
    return digest(*parts)


Stage = Callable[[str, int], None]


def extract_cached(
    sources: Sequence[SourceDocument],
    model_name: str,
    load_nlp: Callable[[], Language],
    cache: CacheStore,
    tick: Tick | None = None,
    processes: int | None = None,
    stage: Stage | None = None,
) -> list[Extraction]:
    """``extract_corpus`` through the caches; the same result, byte for byte.

    Large corpora run on two worker processes (``choose_processes``) in two
    passes: parse and ``collect`` each document, then, once the corpus's
    knowledge is built from every document's view, decide each document's
    mentions and claims. Parsed documents travel and wait as ``DocBin`` bytes
    (the parse cache's form), so memory holds no more than a few parsed
    documents at a time. ``tick`` is called once per document in each pass;
    ``stage`` (name, total) announces the second.
    """
    model = model_identity(model_name)
    key = corpus_key(sources, model)
    cached = cache.get("extraction", key)
    if cached is not None:
        try:
            extractions = pickle.loads(cached)
        except (pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError) as exc:
            log.warning("cached extraction %s cannot be read (%s); extracting again", key, exc)
        else:
            if isinstance(extractions, list) and len(extractions) == len(sources):
                log.info("extraction of %d documents taken from the cache", len(sources))
                if tick is not None:
                    for _ in sources:
                        tick()
                return extractions
    texts = [s.analysis_text() for s in sources]
    keys = [parse_key(t, model) for t in texts]
    nlp = load_nlp()
    work = _Work(nlp, sources, texts, [cache.get("parse", k) for k in keys], extractor_name(nlp))
    n_process = choose_processes(texts, processes)
    reparsed = 0
    with forked_map(_views, work, _chunks(len(texts)), n_process) as chunks:
        for chunk in chunks:
            for i, data, parsed, view in chunk:
                work.data[i], work.views[i] = data, view
                if parsed:
                    reparsed += 1
                    cache.put("parse", keys[i], data)
                if tick is not None:
                    tick()
    log.info("parsed %d of %d documents", reparsed, len(sources))
    work.knowledge = corpus_knowledge([v for v in work.views if v is not None])
    if stage is not None:
        stage("Finding people, organisations and evidence", len(sources))
    extractions = []
    with forked_map(_extraction, work, range(len(texts)), n_process) as extracted:
        for extraction in extracted:
            extractions.append(extraction)
            if tick is not None:
                tick()
    cache.put("extraction", key, pickle.dumps(extractions, protocol=pickle.HIGHEST_PROTOCOL))
    return extractions


@dataclass
class _Work:
    """One extraction run's state (forked workers inherit it: ``forking.forked_map``)."""

    nlp: Language
    sources: Sequence[SourceDocument]
    texts: list[str]
    data: list[bytes | None]  # each document's parse as DocBin bytes, once known
    extractor: str
    views: list[DocumentView | None] = field(default_factory=list)
    knowledge: CorpusKnowledge | None = None

    def __post_init__(self) -> None:
        self.views = [None] * len(self.texts)


CHUNK = 4  # documents per task: enough for spaCy's batching, small for an even split


def _chunks(size: int) -> list[list[int]]:
    return [list(range(i, min(i + CHUNK, size))) for i in range(0, size, CHUNK)]


def _views(work: _Work, chunk: list[int]) -> list[tuple[int, bytes, bool, DocumentView]]:
    """Parse (unless a usable parse is cached) and ``collect`` each document of ``chunk``."""
    docs: dict[int, Doc] = {}
    for i in chunk:
        data = work.data[i]
        doc = None if data is None else _read_doc(data, work.nlp, f"of {work.sources[i].file_name}")
        if doc is not None and doc.text == work.texts[i]:
            docs[i] = doc
    todo = [i for i in chunk if i not in docs]
    parsed = dict(zip(todo, work.nlp.pipe([work.texts[i] for i in todo]), strict=True))
    out = []
    for i in chunk:
        doc = docs[i] if i in docs else parsed[i]
        data = work.data[i] if i in docs else _doc_bytes(doc)
        assert data is not None
        out.append((i, data, i in parsed, collect(work.sources[i], doc)))
    return out


def _extraction(work: _Work, i: int) -> Extraction:
    """One document's mentions and claims, with the corpus's knowledge."""
    data, view = work.data[i], work.views[i]
    assert data is not None and view is not None and work.knowledge is not None
    doc = _read_doc(data, work.nlp, work.sources[i].file_name)
    if doc is None:
        raise RuntimeError(f"{work.sources[i].file_name}: its parse cannot be read back")
    found = document_mentions(view, work.knowledge)
    return _assemble(work.sources[i], doc, found, work.extractor)


def _doc_bytes(doc: Doc) -> bytes:
    box = DocBin(store_user_data=True)
    box.add(doc)
    data: bytes = box.to_bytes()
    return data


def _read_doc(data: bytes, nlp: Language, key: str) -> Doc | None:
    try:
        found = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    except (ValueError, KeyError, OSError) as exc:
        log.warning("cached parse %s cannot be read (%s); parsing again", key, exc)
        return None
    if len(found) != 1:
        return None
    doc: Doc = found[0]
    return doc
