"""Run extraction over a corpus: spaCy once per document, then mentions, then claims.

``extract_corpus`` runs spaCy once over every document, finds the people and
organisations (``mentions``), then what the text says about them (``claims``).

``extract_cached`` does the same with caches (``dossier.cache``), per
document: the spaCy parse (a ``DocBin``), the ``collect`` view, and the
mentions and claims with the facts of the corpus's knowledge they read; so
adding, changing or removing a document re-does that document and only the
documents whose facts it changes (see ``extract_cached``). spaCy is loaded
only when something must be parsed or decided again. The per-document passes
run on an executor (``dossier.executor``): local processes for large
corpora, or a Dask cluster; parsed documents travel and wait as bytes.
"""

from __future__ import annotations

import logging
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from importlib import metadata
from pathlib import Path
from typing import Any

import msgpack
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from dossier import __version__, codec
from dossier.cache import CacheStore, code_fingerprint, digest
from dossier.executor import SERIAL, Executor, ExecutorError, LocalExecutor
from dossier.extract.candidates import DocumentView, collect
from dossier.extract.citations import CitedRegions
from dossier.extract.claims import analyse_document
from dossier.extract.mentions import (
    CorpusKnowledge,
    DocumentMentions,
    corpus_knowledge,
    document_mentions,
    find_mentions,
)
from dossier.extract.nlp import load_pipeline, model_version
from dossier.extract.particulars import list_particulars
from dossier.model import Extraction, SourceDocument
from dossier.readset import ReadLog, still_valid, watch

log = logging.getLogger(__name__)

Tick = Callable[[], None]

# Workers are forked from the process that has loaded spaCy, so a second one costs
# little: it pays off as soon as there are two documents and a few pages to parse.
PARALLEL_MIN_DOCS = 2
PARALLEL_MIN_CHARS = 50_000
CACHE_FORMAT = "2"  # 2: plain data (msgpack), no pickles
PARSE_FORMAT = "1"  # DocBin bytes


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
        identifiers=list_particulars(source.text, mentions.mentions),
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
    return digest("parse", PARSE_FORMAT, model, text)


def corpus_key(sources: Sequence[SourceDocument], model: str) -> str:
    parts: list[str] = ["corpus", CACHE_FORMAT, __version__, extraction_code(), model]
    for source in sources:
        parts.append(digest(repr(source)))
    return digest(*parts)


Stage = Callable[[str, int], None]


def _register_codecs() -> None:
    codec.register(CitedRegions, lambda r: r.ranges, lambda d: CitedRegions([tuple(x) for x in d]))


_register_codecs()


@dataclass
class _DocumentResult:
    """One document's extraction and what it read of the corpus's knowledge (the cache form)."""

    extraction: Extraction
    reads: list[tuple[str, str, Any, str]]


def extraction_code() -> str:
    """The code an extraction depends on (the extractor, the model, the cache formats)."""
    return code_fingerprint("extract", "model", "ids", "ingest", "cache", "codec", "readset")


def extract_cached(
    sources: Sequence[SourceDocument],
    model_name: str,
    load_nlp: Callable[[], Language],
    cache: CacheStore,
    tick: Tick | None = None,
    processes: int | None = None,
    stage: Stage | None = None,
    executor: Executor | None = None,
) -> list[Extraction]:
    """``extract_corpus`` through the caches; the same result, byte for byte.

    Per document, three cache entries: its parse (``DocBin`` bytes keyed by
    the text and the model), its ``collect`` view (keyed by the parse, the
    document and the code) and its mentions and claims together with every
    fact of the corpus's knowledge they read (``dossier.readset``). The corpus's
    knowledge is built from every view; a document is decided again only when
    its own inputs changed or one of the facts it read did, so adding one
    document re-does that document and the few others whose facts it changes.
    The whole corpus's result is also kept, for a rebuild with nothing changed.

    The per-document work runs on ``executor`` (local processes by default,
    ``choose_processes`` of them, or a Dask cluster): parse and ``collect``
    each document, then decide each document's mentions and claims. ``tick``
    is called once per document in each pass; ``stage`` (name, total)
    announces the second.
    """
    executor = LocalExecutor() if executor is None else executor
    model = model_identity(model_name)
    key = corpus_key(sources, model)
    whole = _decoded(cache, "extraction", key, list[Extraction])
    if isinstance(whole, list) and len(whole) == len(sources):
        log.info("extraction of %d documents taken from the cache", len(sources))
        if tick is not None:
            for _ in sources:
                tick()
        return whole
    code = extraction_code()
    texts = [s.analysis_text() for s in sources]
    parse_keys = [parse_key(t, model) for t in texts]
    view_keys = [
        digest("view", CACHE_FORMAT, code, k, repr(s))
        for k, s in zip(parse_keys, sources, strict=True)
    ]
    views: list[DocumentView | None] = [
        _cached_view(cache, k, s, t) for k, s, t in zip(view_keys, sources, texts, strict=True)
    ]
    data: list[bytes | None] = [None] * len(sources)
    nlp: Language | None = None
    todo = [i for i, view in enumerate(views) if view is None]
    n_process = choose_processes([texts[i] for i in todo], processes)
    if len(todo) > 0:
        nlp = load_nlp()
        context = _Context(model_name, model, extractor_name(nlp), nlp)
        tasks = [
            [(i, sources[i], cache.get("parse", parse_keys[i])) for i in chunk]
            for chunk in _chunks(todo, [len(t) for t in texts])
        ]
        reparsed = 0
        with executor.map(_views, context, tasks, n_process) as chunks:
            for chunk in chunks:
                for i, parsed_data, parsed, view in chunk:
                    data[i], views[i] = parsed_data, view
                    if parsed:
                        reparsed += 1
                        cache.put("parse", parse_keys[i], parsed_data)
                    _put_view(cache, view_keys[i], view)
                    if tick is not None:
                        tick()
        log.info("parsed %d of %d documents", reparsed, len(sources))
    if tick is not None:
        for _ in range(len(sources) - len(todo)):
            tick()
    known = [v for v in views if v is not None]
    knowledge = corpus_knowledge(known)
    if stage is not None:
        stage("Finding people, organisations and evidence", len(sources))
    result_keys = [digest("mentions", code, k) for k in view_keys]
    memo: dict[tuple[str, str, Any], str] = {}
    results: list[Extraction | None] = []
    previous: dict[int, Extraction] = {}  # own inputs unchanged, but a fact read changed
    for i, result_key in enumerate(result_keys):
        cached = _decoded(cache, "mentions", result_key, _DocumentResult)
        if cached is not None and still_valid(knowledge, [_entry(e) for e in cached.reads], memo):
            results.append(cached.extraction)
            continue
        results.append(None)
        if cached is not None:
            previous[i] = cached.extraction
    redo = sorted(
        (i for i, found in enumerate(results) if found is None), key=lambda i: (-len(texts[i]), i)
    )  # the longest first, so two workers finish together
    claims = 0
    if tick is not None:
        for _ in range(len(sources) - len(redo)):
            tick()
    if len(redo) > 0:
        if nlp is None:
            nlp = load_nlp()
        context = _Context(model_name, model, extractor_name(nlp), nlp, knowledge)
        tasks2 = [
            _Decide(
                sources[i],
                data[i] if data[i] is not None else cache.get("parse", parse_keys[i]),
                views[i],
                previous.get(i),
            )
            for i in redo
        ]
        with executor.map(_extraction, context, tasks2, choose_processes(
            [texts[i] for i in redo], processes
        )) as extracted:
            for i, (extraction, reads, parsed_data) in zip(redo, extracted, strict=True):
                results[i] = extraction
                if extraction != previous.get(i):
                    claims += 1
                _put(cache, "mentions", result_keys[i], _DocumentResult(extraction, reads))
                if parsed_data is not None:
                    cache.put("parse", parse_keys[i], parsed_data)
                if tick is not None:
                    tick()
    log.info(
        "decided the mentions of %d of %d documents, the claims of %d",
        len(redo),
        len(sources),
        claims,
    )
    extractions = [r for r in results if r is not None]
    _put(cache, "extraction", key, extractions)
    return extractions


def _decoded(cache: CacheStore, kind: str, key: str, cls: Any) -> Any:
    """The cached value of type ``cls``, or None (absent, damaged or not this type)."""
    data = cache.get(kind, key)
    if data is None:
        return None
    try:
        return codec.decode(cls, data)
    except codec.CodecError as exc:
        log.warning("cache entry %s/%s is not a valid %s (%s); rebuilding it", kind, key, cls, exc)
        cache.discard(kind, key)
        return None


def _put(cache: CacheStore, kind: str, key: str, value: object) -> None:
    try:
        payload = codec.encode(value)
    except codec.CodecError as exc:  # a new field type the codec does not know: no cache
        log.warning("cannot cache %s (%s); it will be computed again next time", kind, exc)
        return
    cache.put(kind, key, payload)


_VIEW_OWN = ("source", "text")  # what a cached view leaves out: the build has both


def _put_view(cache: CacheStore, key: str, view: DocumentView) -> None:
    """The view without its document and text (the key covers both): a smaller entry."""
    try:
        payload = msgpack.packb(
            {f.name: codec.to_data(getattr(view, f.name)) for f in fields(view)
             if f.name not in _VIEW_OWN},
            use_bin_type=True,
        )
    except codec.CodecError as exc:
        log.warning("cannot cache a view (%s); it will be computed again next time", exc)
        return
    cache.put("view", key, payload)


def _cached_view(
    cache: CacheStore, key: str, source: SourceDocument, text: str
) -> DocumentView | None:
    data = cache.get("view", key)
    if data is None:
        return None
    try:
        raw = msgpack.unpackb(data, raw=False, strict_map_key=False)
        hints = typing.get_type_hints(DocumentView)
        names = {f.name for f in fields(DocumentView)} - set(_VIEW_OWN)
        if not isinstance(raw, dict) or set(raw) != names:
            raise codec.CodecError("not a view of this version")
        values = {name: codec.from_data(hints[name], raw[name]) for name in names}
        return DocumentView(source=source, text=text, **values)
    except (codec.CodecError, ValueError, TypeError, msgpack.UnpackException) as exc:
        log.warning("cache entry view/%s is not a valid view (%s); rebuilding it", key, exc)
        cache.discard("view", key)
        return None


def _entry(raw: Any) -> tuple[str, str, Any, str]:
    path, op, key, answer = raw
    return path, op, tuple(key) if isinstance(key, list) else key, answer


@dataclass
class _Context:
    """What every worker needs: the pipeline (by name) and, for the second pass, the knowledge.

    A local forked worker inherits ``nlp``; on a Dask worker it is left out of
    what is sent and the worker loads the pipeline by name, checking that it
    is the same version.
    """

    model_name: str
    model: str  # model_identity(model_name) where the build runs
    extractor: str
    nlp: Language | None = None
    knowledge: CorpusKnowledge | None = None
    whole: dict[str, str] = field(default_factory=dict)  # readset fingerprints of containers

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "nlp": None}

    def pipeline(self) -> Language:
        if self.nlp is None:
            here = model_identity(self.model_name)
            if here != self.model:
                raise ExecutorError(
                    f"this worker has spaCy pipeline {here}, the build uses {self.model}; "
                    "install the same versions on every worker"
                )
            self.nlp = load_pipeline(self.model_name)
        return self.nlp


CHUNK = 4  # documents per task: enough for spaCy's batching, small for an even split
CHUNK_CHARS = 40_000  # ... and no more text than this, unless one document is longer


def _chunks(indexes: Sequence[int], sizes: Sequence[int]) -> list[list[int]]:
    """Tasks of a few documents, the longest first, so two workers finish together."""
    order = sorted(indexes, key=lambda i: (-sizes[i], i))
    chunks: list[list[int]] = []
    for i in order:
        last = chunks[-1] if len(chunks) > 0 else None
        if (
            last is not None
            and len(last) < CHUNK
            and sum(sizes[j] for j in last) + sizes[i] <= CHUNK_CHARS
        ):
            last.append(i)
        else:
            chunks.append([i])
    return chunks


def _views(
    context: _Context, chunk: list[tuple[int, SourceDocument, bytes | None]]
) -> list[tuple[int, bytes, bool, DocumentView]]:
    """Parse (unless a usable parse is given) and ``collect`` each document of ``chunk``."""
    nlp = context.pipeline()
    docs: dict[int, Doc] = {}
    texts = {i: source.analysis_text() for i, source, _ in chunk}
    with SERIAL:
        for i, source, data in chunk:
            doc = None if data is None else _read_doc(data, nlp, f"of {source.file_name}")
            if doc is not None and doc.text == texts[i]:
                docs[i] = doc
        todo = [i for i, _, _ in chunk if i not in docs]
        parsed = dict(zip(todo, nlp.pipe([texts[i] for i in todo]), strict=True))
    out = []
    for i, source, data in chunk:
        doc = docs[i] if i in docs else parsed[i]
        doc_data = data if i in docs and data is not None else _doc_bytes(doc)
        out.append((i, doc_data, i in parsed, collect(source, doc)))
    return out


@dataclass
class _Decide:
    """One document to decide: its source, parse bytes, view and last result (if any)."""

    source: SourceDocument
    data: bytes | None  # DocBin bytes; None if the parse must be made again
    view: DocumentView | None
    previous: Extraction | None  # the same document's last result, from other knowledge


def _extraction(
    context: _Context, task: _Decide
) -> tuple[Extraction, list[tuple[str, str, Any, str]], bytes | None]:
    """One document's mentions and claims with the corpus's knowledge, and what it read of it.

    Claims depend on the document and its mentions only: when the mentions
    come out as in ``task.previous``, its claims are kept. Returns the parse's
    bytes too when the document had to be parsed again, else None.
    """
    assert context.knowledge is not None
    source, view, reparsed = task.source, task.view, False
    doc = None
    if view is None:
        doc, reparsed = _doc(context, task)
        view = collect(source, doc)
    reads = ReadLog(context.whole)
    found = document_mentions(view, watch(context.knowledge, reads))
    old = task.previous
    if old is not None and _same_mentions(found, old) and old.extractor == context.extractor:
        return old, reads.entries(), None
    if doc is None:
        doc, reparsed = _doc(context, task)
    extraction = _assemble(source, doc, found, context.extractor)
    return extraction, reads.entries(), _doc_bytes(doc) if reparsed else None


def _same_mentions(found: DocumentMentions, old: Extraction) -> bool:
    names = {f.name for f in fields(found)}
    return (
        names == {"mentions", "entities"}
        and found.mentions == old.mentions
        and found.entities == old.entities
    )


def _doc(context: _Context, task: _Decide) -> tuple[Doc, bool]:
    """The task's parsed document, and whether it had to be parsed again."""
    nlp = context.pipeline()
    text = task.source.analysis_text()
    with SERIAL:
        doc = None if task.data is None else _read_doc(task.data, nlp, task.source.file_name)
        if doc is not None and doc.text == text:
            return doc, False
        return nlp(text), True


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
