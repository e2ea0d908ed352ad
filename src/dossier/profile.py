"""Read the FtM export into a per-person view: names, positions, relations, evidence.

``entities/entities.ftm.json`` holds one FtM entity per line (see README, "Data
model"). Everything in it came from the sources and is untrusted text: values
are cleaned by followthemoney on load, vocabularies (evidence category, part,
review status) are looked up strictly, and URLs are kept only when they are
plain http(s) links. ``build_profile`` gathers what the export says about one
person; both the ``show`` command and the PDF dossiers read that view.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from followthemoney import EntityProxy, model

from dossier.model import (
    CATEGORIES,
    OCR_NOTE,
    PAGE_PREFIX,
    PARTS,
    PERPETRATOR_PARTS,
    check_vocabulary,
)
from dossier.resolve.names import one_name_only

REVIEWER_NOTE = "Reviewer's note:"
READING = "Read as:"  # Documentation.description: the frame and signals of the claim
# Perpetrator-side categories that state no conduct: advocacy, and an existing
# designation whose conduct the source does not state (shown in section 10).
NOT_CONDUCT: tuple[str, ...] = ("context", "sanctions_call", "designation")
_PAGES = re.compile(re.escape(PAGE_PREFIX) + r" (?:p\. \d+|pp\. \d+–\d+)")
STATUSES: tuple[str, ...] = ("unreviewed", "accepted", "rejected")
ACTOR_SCHEMATA: tuple[str, ...] = ("Person", "Organization", "PublicBody", "Company")
RELATION_SCHEMATA: dict[str, tuple[str, str]] = {
    # schema: (subject property, object property), as in README "Data model"
    "Family": ("person", "relative"),
    "Associate": ("person", "associate"),
    "Employment": ("employee", "employer"),
    "Membership": ("member", "organization"),
    "Directorship": ("director", "organization"),
    "Ownership": ("owner", "asset"),
}
# Person properties that identify someone, in the order a sanctions list shows them.
IDENTIFIER_PROPS: tuple[str, ...] = (
    "firstName",
    "fatherName",
    "lastName",
    "birthDate",
    "birthPlace",
    "birthCountry",
    "nationality",
    "citizenship",
    "country",
    "gender",
    "passportNumber",
    "idNumber",
    "title",
)


class StoreError(ValueError):
    """The entity file cannot be read (bad line, unknown schema)."""


class ProfileError(ValueError):
    """The export holds a value this code does not understand."""


class EntityStore:
    """The entities of one export, indexed by ID and by the entities they point to.

    ``recording()`` gives a view of the same entities that notes every read
    (an entity by ID, the entities pointing at one, a schema's entities, the
    whole store) with a fingerprint of the answer; ``answer`` asks the same
    question of another store. A computation that reads the store only through
    these methods gives the same result on any store that answers them alike
    (``dossier.render.reads`` keys dossiers on it).
    """

    def __init__(self, entities: Iterable[EntityProxy], source: Path | None = None) -> None:
        self.source = source  # the file the entities were read from, if any
        self._entities: dict[str, EntityProxy] = {}
        self._refs: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._fingerprints: dict[str, str] = {}  # entity ID -> hash of its data, when asked
        self._reads: dict[tuple[str, str], str] | None = None  # in a recording view
        for proxy in entities:
            if proxy.id is None:
                raise StoreError(f"entity without an ID (schema {proxy.schema.name})")
            if proxy.id in self._entities:
                raise StoreError(f"duplicate entity ID {proxy.id}")
            self._entities[proxy.id] = proxy
        for proxy in self._entities.values():
            for prop, value in proxy.itervalues():
                if prop.type.name == "entity":
                    self._refs[value].append((str(proxy.id), prop.name))

    @classmethod
    def load(cls, path: Path) -> EntityStore:
        """Read FtM JSON lines; a line that is not an entity is an error."""
        entities: list[EntityProxy] = []
        with path.open("r", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip() == "":
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise StoreError(f"{path}:{number}: not JSON: {exc}") from exc
                if not isinstance(data, dict) or not isinstance(data.get("schema"), str):
                    raise StoreError(f"{path}:{number}: not an FtM entity")
                if model.get(data["schema"]) is None:
                    raise StoreError(f"{path}:{number}: unknown schema {data['schema']!r}")
                try:
                    # cleaned=False: followthemoney cleans (and drops) untrusted values.
                    entities.append(model.get_proxy(data, cleaned=False))
                except Exception as exc:  # followthemoney raises several kinds
                    raise StoreError(f"{path}:{number}: {exc}") from exc
        return cls(entities, source=path)

    def __iter__(self) -> Iterator[EntityProxy]:
        self._note("all", "")
        return iter(self._entities.values())

    def __len__(self) -> int:
        self._note("all", "")
        return len(self._entities)

    def get(self, entity_id: str) -> EntityProxy | None:
        self._note("get", entity_id)
        return self._entities.get(entity_id)

    def by_schema(self, schema: str) -> list[EntityProxy]:
        """Entities of ``schema`` or a schema that extends it, sorted by ID."""
        self._note("schema", schema)
        return self._by_schema(schema)

    def _by_schema(self, schema: str) -> list[EntityProxy]:
        return sorted(
            (e for e in self._entities.values() if e.schema.is_a(schema)),
            key=lambda e: str(e.id),
        )

    def references(self, entity_id: str) -> list[tuple[EntityProxy, str]]:
        """(entity, property name) for every entity property pointing at ``entity_id``."""
        self._note("refs", entity_id)
        return self._references(entity_id)

    def _references(self, entity_id: str) -> list[tuple[EntityProxy, str]]:
        found: list[tuple[EntityProxy, str]] = []
        for ref_id, prop in sorted(self._refs.get(entity_id, [])):
            proxy = self._entities.get(ref_id)
            if proxy is not None:
                found.append((proxy, prop))
        return found

    # --- what a computation read (see the class docstring) ---

    def recording(self) -> EntityStore:
        """A view of the same entities that notes what is read of them (``reads``)."""
        view = copy.copy(self)
        view._reads = {}
        return view

    def reads(self) -> list[tuple[str, str, str]]:
        """(operation, key, answer) for every read of this recording view, sorted."""
        return sorted((op, key, answer) for (op, key), answer in (self._reads or {}).items())

    def _note(self, op: str, key: str) -> None:
        if self._reads is not None and (op, key) not in self._reads:
            self._reads[(op, key)] = self.answer(op, key)

    def fingerprint(self, entity_id: str) -> str:
        """A hash of one entity's whole data (schema, properties, values in order)."""
        found = self._fingerprints.get(entity_id)
        if found is None:
            proxy = self._entities[entity_id]
            data = json.dumps(proxy.to_dict(), sort_keys=True, ensure_ascii=False)
            found = self._fingerprints[entity_id] = hashlib.sha256(data.encode()).hexdigest()
        return found

    def answer(self, op: str, key: str) -> str:
        """A fingerprint of what this store answers to one read ("-": no such entity)."""
        if op == "get":
            return self.fingerprint(key) if key in self._entities else "-"
        if op == "refs":
            found = [(str(p.id), prop) for p, prop in self._references(key)]
        elif op == "schema":
            found = [(str(p.id), "") for p in self._by_schema(key)]
        elif op == "all":
            found = [(i, "") for i in self._entities]
        else:
            raise ValueError(f"unknown store read {op!r}")
        parts = [f"{i}\x1f{prop}\x1f{self.fingerprint(i)}" for i, prop in found]
        return hashlib.sha256("\x1e".join(parts).encode()).hexdigest()


def load_store(path: Path) -> EntityStore:
    return EntityStore.load(path)


# --- small value helpers ---------------------------------------------------------------


def first(proxy: EntityProxy, prop: str) -> str | None:
    """The first value of ``prop`` in sorted order (stable), or None."""
    values = sorted(proxy.get(prop, quiet=True))
    return values[0] if len(values) > 0 else None


def safe_url(value: str | None) -> str | None:
    """``value`` if it is a plain http(s) URL with a host, else None. Shown as text only."""
    if value is None:
        return None
    if any(ch.isspace() or unicodedata.category(ch).startswith("C") for ch in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or parts.hostname is None:
        return None
    if parts.username is not None or parts.password is not None:
        return None
    return value


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form for matching names."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", stripped.casefold()).split())


def script_of(name: str) -> str:
    """The writing system of a name: Latin, Cyrillic, or the first other script seen."""
    for ch in name:
        if not ch.isalpha():
            continue
        uname = unicodedata.name(ch, "")
        if uname.startswith("LATIN"):
            return "Latin"
        if uname.startswith("CYRILLIC"):
            return "Cyrillic"
        return uname.split(" ")[0].title() if uname != "" else "Other"
    return "Other"


def parse_role(value: str, evidence_id: str) -> tuple[str, str]:
    """``<category>/<part>`` from Documentation.role, strictly."""
    category, sep, part = value.partition("/")
    if sep == "":
        raise ProfileError(f"evidence {evidence_id}: role {value!r} is not <category>/<part>")
    try:
        check_vocabulary(category, CATEGORIES, "evidence category")
        check_vocabulary(part, PARTS, "evidence part")
    except ValueError as exc:
        raise ProfileError(f"evidence {evidence_id}: {exc}") from exc
    return category, part


# --- the per-person view -----------------------------------------------------------------


@dataclass(frozen=True)
class SourceRef:
    """A source document as the export describes it. Unknown fields are None."""

    id: str
    schema: str  # "Article" (news) or "Document"
    title: str | None
    publisher: str | None
    authors: tuple[str, ...]
    published_at: str | None
    url: str | None  # validated http(s) or None
    content_hash: str | None
    file_name: str | None
    language: str | None
    processing_agent: str | None = None  # the extractor that read it, where recorded

    @property
    def label(self) -> str:
        """The title, else an honest description of an untitled source."""
        if self.title is not None:
            return self.title
        kind = "news article" if self.schema == "Article" else "document"
        return f"Untitled {kind} (file {self.file_name or self.id})"

    @property
    def attribution(self) -> str | None:
        """Who the source is by: the publisher, else its authors; None if neither."""
        if self.publisher is not None:
            return self.publisher
        if len(self.authors) == 1:
            return self.authors[0]
        if len(self.authors) > 1:
            return f"{self.authors[0]} and others"
        return None

    @property
    def source_type(self) -> str:
        return "News article" if self.schema == "Article" else "Document"


@dataclass(frozen=True)
class EvidenceItem:
    """One Documentation entity: a verbatim passage and what it shows about the person."""

    id: str
    record_id: str
    category: str
    part: str
    summary: str  # verbatim passage
    description: str | None
    reviewer_note: str | None
    status: str  # unreviewed / accepted / rejected
    date: str | None
    document: SourceRef | None
    pages: str | None = None  # pinpoint in a paginated source: "p. 12", "pp. 12–13"
    ocr: bool = False  # the passage was read by OCR: check it against the page image
    reading: str | None = None  # "designated-for; signals …" (why it was read so)

    @property
    def is_allegation(self) -> bool:
        return self.part in PERPETRATOR_PARTS and self.category not in NOT_CONDUCT

    @property
    def frame(self) -> str | None:
        """The sentence frame the extractor read the passage with ("designated-for")."""
        if self.reading is None:
            return None
        return self.reading.split(";", 1)[0].strip()


@dataclass(frozen=True)
class DesignationItem:
    """A designation a source reports (an FtM ``Sanction``): who designated, under what,
    when and for what, as the source writes it. Unknown fields are None."""

    id: str
    record_id: str  # the evidence ID of the passage that reports it
    authority: str | None
    program: str | None
    program_id: str | None
    date: str | None
    reason: str | None
    measures: tuple[str, ...]
    summary: str | None  # verbatim passage
    status: str  # the review status of that evidence
    frame: str | None
    document: SourceRef | None


@dataclass(frozen=True)
class PositionHeld:
    title: str
    countries: tuple[str, ...]
    start: str | None
    end: str | None
    summary: str | None  # verbatim passage, None when only the Person.position value exists
    document: SourceRef | None
    record_id: str | None
    pages: str | None = None  # pinpoint of the summary in a paginated source
    ocr: bool = False


@dataclass(frozen=True)
class RelationItem:
    kind: str  # family, associate, employment, membership, directorship, ownership
    schema: str
    other_id: str
    other_name: str
    other_schema: str
    other_topics: tuple[str, ...]
    other_countries: tuple[str, ...]
    relationship: str | None
    outgoing: bool  # True: the person is the subject (e.g. the Family.person)
    start: str | None
    end: str | None
    summary: str | None
    document: SourceRef | None
    record_id: str | None
    pages: str | None = None  # pinpoint of the summary in a paginated source
    ocr: bool = False


@dataclass
class PersonProfile:
    id: str
    schema: str
    name: str
    aliases: list[str]
    names_by_script: dict[str, list[str]]
    identifiers: dict[str, list[str]]  # IDENTIFIER_PROPS that have values
    positions: list[PositionHeld]
    relations: list[RelationItem]
    evidence: list[EvidenceItem]
    documents: list[SourceRef]
    topics: list[str]
    roles: list[str]
    deceased: bool
    regimes: list[str] = field(default_factory=list)  # programId: regimes a reviewer chose
    sanctions: list[str] = field(default_factory=list)  # sanction* topics: listed already
    designations: list[DesignationItem] = field(default_factory=list)  # reported by sources

    @property
    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]

    @property
    def one_name(self) -> str | None:
        """The one name the sources know the person by, when none is a full name."""
        return one_name_only(
            [*self.all_names, *(n for names in self.names_by_script.values() for n in names)]
        )

    @property
    def is_candidate(self) -> bool:
        return "poi" in self.topics

    def counted_evidence(self) -> list[EvidenceItem]:
        """Evidence that is not rejected."""
        return [e for e in self.evidence if e.status != "rejected"]

    def status_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for item in self.evidence:
            counts[item.status] += 1
        return counts

    @property
    def is_draft(self) -> bool:
        """True while any evidence the dossier would use is unreviewed."""
        return any(e.status == "unreviewed" for e in self.evidence)


def source_ref(store: EntityStore, document_id: str | None) -> SourceRef | None:
    if document_id is None:
        return None
    doc = store.get(document_id)
    if doc is None or not doc.schema.is_a("Document"):
        return None
    return SourceRef(
        id=str(doc.id),
        schema=doc.schema.name,
        title=first(doc, "title"),
        publisher=first(doc, "publisher"),
        authors=tuple(sorted(doc.get("author", quiet=True))),
        published_at=first(doc, "publishedAt"),
        url=safe_url(first(doc, "sourceUrl")),
        content_hash=first(doc, "contentHash"),
        file_name=first(doc, "fileName"),
        language=first(doc, "language"),
        processing_agent=first(doc, "processingAgent"),
    )


def display_name(proxy: EntityProxy) -> str:
    name = first(proxy, "name")
    return name if name is not None else proxy.caption


def _date_key(value: str | None) -> str:
    return value if value is not None else "9999"


def build_profile(store: EntityStore, person_id: str) -> PersonProfile:
    """Everything the export says about one person (or organisation)."""
    proxy = store.get(person_id)
    if proxy is None:
        raise ProfileError(f"no entity with ID {person_id!r}")
    if not any(proxy.schema.is_a(s) for s in ACTOR_SCHEMATA):
        raise ProfileError(f"{person_id} is a {proxy.schema.name}, not a person or organisation")
    name = display_name(proxy)
    aliases = sorted(set(proxy.get("alias", quiet=True)) - {name})
    by_script: dict[str, list[str]] = defaultdict(list)
    for each in [name, *aliases]:
        by_script[script_of(each)].append(each)

    identifiers: dict[str, list[str]] = {}
    for prop in IDENTIFIER_PROPS:
        values = sorted(proxy.get(prop, quiet=True))
        if len(values) > 0:
            identifiers[prop] = values

    evidence: list[EvidenceItem] = []
    found_designations: list[DesignationItem] = []
    positions: list[PositionHeld] = []
    relations: list[RelationItem] = []
    for ref, prop in store.references(person_id):
        ref_id = str(ref.id)
        if ref.schema.is_a("Documentation") and prop == "entity":
            evidence.append(_evidence_item(store, ref))
        elif ref.schema.is_a("Sanction") and prop == "entity":
            found_designations.append(_designation_item(store, ref))
        elif ref.schema.is_a("Occupancy") and prop == "holder":
            positions.extend(_positions(store, ref))
        elif ref.schema.name in RELATION_SCHEMATA:
            subject_prop, object_prop = RELATION_SCHEMATA[ref.schema.name]
            outgoing = prop == subject_prop
            other_prop = object_prop if outgoing else subject_prop
            for other_id in sorted(ref.get(other_prop, quiet=True)):
                other = store.get(other_id)
                if other is None or other_id == person_id:
                    continue
                relations.append(
                    RelationItem(
                        kind=ref.schema.name.lower(),
                        schema=ref.schema.name,
                        other_id=other_id,
                        other_name=display_name(other),
                        other_schema=other.schema.name,
                        other_topics=tuple(sorted(other.get("topics", quiet=True))),
                        other_countries=tuple(
                            sorted(
                                set(other.get("country", quiet=True))
                                | set(other.get("jurisdiction", quiet=True))
                            )
                        ),
                        relationship=first(ref, "relationship") or first(ref, "role"),
                        outgoing=outgoing,
                        start=first(ref, "startDate"),
                        end=first(ref, "endDate"),
                        summary=first(ref, "summary"),
                        document=source_ref(store, first(ref, "proof")),
                        record_id=first(ref, "recordId") or ref_id,
                        pages=pinpoint(ref)[0],
                        ocr=pinpoint(ref)[1],
                    )
                )

    # Position values on the person that no Occupancy backs.
    backed = {fold(p.title) for p in positions}
    for title in sorted(proxy.get("position", quiet=True)):
        if fold(title) not in backed:
            positions.append(PositionHeld(title, (), None, None, None, None, None))

    evidence.sort(key=lambda e: (_date_key(e.date), e.category, e.id))
    found_designations = [d for d in found_designations if d.status != "rejected"]
    found_designations.sort(key=lambda d: (_date_key(d.date), d.authority or "", d.id))
    positions.sort(key=lambda p: (_date_key(p.start), p.title))
    relations.sort(key=lambda r: (r.kind, r.other_name, r.other_id, r.record_id or ""))

    documents: dict[str, SourceRef] = {}
    for doc in (
        [e.document for e in evidence]
        + [r.document for r in relations]
        + [p.document for p in positions]
        + [d.document for d in found_designations]
    ):
        if doc is not None:
            documents[doc.id] = doc
    ordered_docs = sorted(
        documents.values(), key=lambda d: (_date_key(d.published_at), d.label, d.id)
    )
    keywords = sorted(proxy.get("keywords", quiet=True))
    roles = [k.removeprefix("role:") for k in keywords if k.startswith("role:")]
    topics = sorted(proxy.get("topics", quiet=True))
    return PersonProfile(
        id=person_id,
        schema=proxy.schema.name,
        name=name,
        aliases=aliases,
        names_by_script=dict(sorted(by_script.items())),
        identifiers=identifiers,
        positions=positions,
        relations=relations,
        evidence=evidence,
        documents=ordered_docs,
        topics=topics,
        roles=roles,
        deceased="deceased" in proxy.get("status", quiet=True),
        regimes=sorted(set(proxy.get("programId", quiet=True))),
        sanctions=[t for t in topics if t.startswith("sanction")],
        designations=found_designations,
    )


def _evidence_item(store: EntityStore, ref: EntityProxy) -> EvidenceItem:
    ref_id = str(ref.id)
    role = first(ref, "role")
    if role is None:
        raise ProfileError(f"evidence {ref_id} has no role")
    category, part = parse_role(role, ref_id)
    status = first(ref, "status") or "unreviewed"
    try:
        check_vocabulary(status, STATUSES, "review status")
    except ValueError as exc:
        raise ProfileError(f"evidence {ref_id}: {exc}") from exc
    summary = first(ref, "summary")
    if summary is None:
        raise ProfileError(f"evidence {ref_id} has no summary (verbatim passage)")
    descriptions = sorted(ref.get("description", quiet=True))
    notes = [d for d in descriptions if d.startswith(REVIEWER_NOTE)]
    readings = [d for d in descriptions if d.startswith(READING)]
    plain = [
        d
        for d in descriptions
        if not d.startswith((REVIEWER_NOTE, READING))
        and d != OCR_NOTE
        and _PAGES.fullmatch(d) is None
    ]
    pages, ocr = pinpoint(ref)
    return EvidenceItem(
        id=ref_id,
        record_id=first(ref, "recordId") or ref_id,
        category=category,
        part=part,
        summary=summary,
        description=plain[0] if len(plain) > 0 else None,
        reviewer_note=notes[0].removeprefix(REVIEWER_NOTE).strip() if len(notes) > 0 else None,
        status=status,
        date=first(ref, "date"),
        document=source_ref(store, first(ref, "document")),
        reading=readings[0].removeprefix(READING).strip() if len(readings) > 0 else None,
        pages=pages,
        ocr=ocr,
    )


def _designation_item(store: EntityStore, ref: EntityProxy) -> DesignationItem:
    """One Sanction entity: a designation the sources report."""
    frame = None
    for description in sorted(ref.get("description", quiet=True)):
        if description.startswith(READING):
            frame = description.removeprefix(READING).strip().split(";", 1)[0].strip()
    status = first(ref, "status") or "unreviewed"
    try:
        check_vocabulary(status, STATUSES, "review status")
    except ValueError as exc:
        raise ProfileError(f"designation {ref.id}: {exc}") from exc
    return DesignationItem(
        id=str(ref.id),
        record_id=first(ref, "recordId") or str(ref.id),
        authority=first(ref, "authority"),
        program=first(ref, "program"),
        program_id=first(ref, "programId"),
        date=first(ref, "startDate"),
        reason=first(ref, "reason"),
        measures=tuple(sorted(ref.get("provisions", quiet=True))),
        summary=first(ref, "summary"),
        status=status,
        frame=frame,
        document=source_ref(store, first(ref, "proof")),
    )


def pinpoint(proxy: EntityProxy) -> tuple[str | None, bool]:
    """The page label ("p. 12") and OCR mark an evidence record carries in its descriptions."""
    descriptions = sorted(proxy.get("description", quiet=True))
    pages = [d for d in descriptions if _PAGES.fullmatch(d) is not None]
    label = pages[0].removeprefix(PAGE_PREFIX).strip() if len(pages) > 0 else None
    return label, OCR_NOTE in descriptions


def _positions(store: EntityStore, occupancy: EntityProxy) -> list[PositionHeld]:
    found: list[PositionHeld] = []
    for post_id in sorted(occupancy.get("post", quiet=True)):
        post = store.get(post_id)
        if post is None:
            continue
        found.append(
            PositionHeld(
                title=display_name(post),
                countries=tuple(sorted(post.get("country", quiet=True))),
                start=first(occupancy, "startDate"),
                end=first(occupancy, "endDate"),
                summary=first(occupancy, "summary"),
                document=source_ref(store, first(occupancy, "proof")),
                record_id=first(occupancy, "recordId") or str(occupancy.id),
                pages=pinpoint(occupancy)[0],
                ocr=pinpoint(occupancy)[1],
            )
        )
    return found


def candidate_targets(store: EntityStore) -> list[str]:
    """IDs of persons with the ``poi`` topic, sorted by name then ID."""
    people = [p for p in store.by_schema("Person") if "poi" in p.get("topics", quiet=True)]
    people.sort(key=lambda p: (fold(display_name(p)), str(p.id)))
    return [str(p.id) for p in people]


def find_people(store: EntityStore, query: str) -> list[str]:
    """Person IDs matching ``query``: the exact ID, else names/aliases ignoring case and
    diacritics (the whole name; else all of the query's words in any order; else words
    that start with the query's words), sorted by name then ID."""
    query = query.strip()
    if query == "":
        return []
    exact = store.get(query)
    if exact is not None and exact.schema.is_a("Person"):
        return [query]
    wanted = fold(query)
    words = set(wanted.split())
    full: list[EntityProxy] = []
    partial: list[EntityProxy] = []
    prefix: list[EntityProxy] = []
    for person in store.by_schema("Person"):
        names = [fold(n) for n in person.get("name", quiet=True) + person.get("alias", quiet=True)]
        if wanted in names:
            full.append(person)
        elif any(words <= set(n.split()) for n in names):
            partial.append(person)
        elif any(all(any(t.startswith(w) for t in n.split()) for w in words) for n in names):
            prefix.append(person)
    # Exact names first, then all words, then word prefixes; never a looser tier if a
    # stricter one matched, and the caller lists every hit when there is more than one.
    hits = full if len(full) > 0 else (partial if len(partial) > 0 else prefix)
    hits.sort(key=lambda p: (fold(display_name(p)), str(p.id)))
    return [str(p.id) for p in hits]
