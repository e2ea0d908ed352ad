"""The records that flow between pipeline stages.

ingest -> ``SourceDocument``; extract -> ``Extraction`` (mentions, local
entities, claims, positions, relations); resolve groups local entities across
documents; export turns all of it into FtM entities. Every offset is a
character offset into ``SourceDocument.text``, the exact text that is quoted.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal, get_args

from dossier.ids import make_id

EntityLabel = Literal["PERSON", "ORG"]
ActorSchema = Literal["Person", "Organization", "PublicBody", "Company"]

# What an evidence passage alleges (Documentation.role, with the part).
Category = Literal[
    "killing",  # killings, shoot-to-kill orders, deaths caused
    "torture",  # torture, cruel, inhuman or degrading treatment
    "detention",  # arbitrary arrest or detention
    "enforced_disappearance",  # abduction or detention with the fate kept secret
    "sexual_violence",  # rape and other sexual violence
    "forced_labour",  # slavery, forced or bonded labour, trafficking for labour
    "unjust_conviction",  # sentencing or convicting on a political or fabricated case
    "rights_abuse",  # serious human-rights abuse or violations, the kind not stated
    "persecution",  # persecution of defenders, journalists, opposition, protesters
    "cover_up",  # cover-up, failure to investigate, impunity
    "corruption",  # misappropriation, bribery, kleptocracy, embezzlement
    "laundering",  # laundering or concealment of assets
    "sanctions_evasion",  # helping others circumvent sanctions
    "election_fraud",  # rigging or falsifying an election, a vote or its count
    "sanctions_call",  # the source calls for this person to be sanctioned
    "designation",  # an authority designated or sanctioned the person; no conduct stated
    "context",  # no allegation: identity, position, background
]
CATEGORIES: tuple[str, ...] = get_args(Category)
ALLEGATION_CATEGORIES: tuple[str, ...] = tuple(c for c in CATEGORIES if c != "context")

# The person's part in what the passage describes.
Part = Literal[
    "perpetrator",  # did it
    "ordered",  # ordered or commanded it
    "complicit",  # complicit, covered up, failed to act
    "beneficiary",  # profited from it
    "accused",  # accused or named for sanctions without a stated act
    "victim",
    "witness",
    "source",  # quoted or cited as the source of information
    "advocate",  # calls for accountability, signs letters, campaigns
    "subject",  # mentioned, no part in an allegation
    "unclear",  # the text leaves the part open (victim and agent at once): a human decides
]
PARTS: tuple[str, ...] = get_args(Part)
PERPETRATOR_PARTS: frozenset[str] = frozenset(
    {"perpetrator", "ordered", "complicit", "beneficiary", "accused"}
)

# The sentence frame that made a claim: why the passage was read the way it was.
Frame = Literal[
    "designated-for",  # an authority designated / sanctioned the person for stated conduct
    "designated",  # an authority designated / sanctioned the person, no conduct stated
    "designating-authority",  # the person announced or made a designation
    "designee-list",  # a name in a list under a designation lead-in
    "sanctions-call",  # the source calls for sanctions on the person
    "responsible-for",  # "X is responsible for <act>", "X's responsibility for <act>"
    "complicit-in",  # "X is complicit in <act>", "X's complicity in <act>"
    "involved-in",  # "X was involved in / took part in / his involvement in <act>"
    "implicated-in",  # "X is implicated in <act>"
    "linked-to",  # "the State Department linked X to <act>", "X is tied to <act>"
    "accused-of",  # "X was accused of / charged with <act>"
    "role-in",  # "for his role in <act>"
    "command",  # "X oversaw / commanded / led / headed the unit that ..."; "under X's command"
    "ordered",  # "X ordered <act>", "gave the order to ..."
    "active-agent",  # subject of an active verb of the act
    "passive-by-agent",  # "... was <act>ed by X"
    "act-noun",  # "<act> by X", "X's <act>"
    "regime",  # "X's government / forces <act>ed": the head is responsible
    "list-lead-in",  # a list item under a lead-in that states the act
    "helped",  # "X helped / financed / enabled <act>"
    "cover-up",  # covering up, failing to investigate, denying that abuses happened
    "denial",  # "X denied receiving bribes / the allegations": the person's own denial
    "victim",  # object or passive subject of the act, "<act> of / against X"
    "released",  # "X was released": held before, so a detainee (unless tried for a crime)
    "speech",  # speaker of a reporting verb, "according to X"
    "advocacy",  # calls, urges, campaigns
    "witness",  # saw it happen
    "cited",  # an author in a footnote or reference list
    "none",  # no frame matched: the person is only mentioned
]
FRAMES: tuple[str, ...] = get_args(Frame)

# What a person is in a document, as the text presents them.
Role = Literal[
    "official",
    "business",
    "alleged_perpetrator",
    "victim",
    "human_rights_defender",
    "journalist",
    "activist",
    "advocate_signatory",
    "analyst_academic",
    "foreign_official",
    "lawyer",
    "historical",
    "cited_author",
    "other",
]
ROLES: tuple[str, ...] = get_args(Role)
# Roles that must never be proposed as sanctions targets.
PROTECTED_ROLES: frozenset[str] = frozenset(
    {
        "victim",
        "human_rights_defender",
        "journalist",
        "activist",
        "advocate_signatory",
        "analyst_academic",
        "lawyer",
        "cited_author",
    }
)

RelationKind = Literal[
    "family", "associate", "employment", "membership", "directorship", "ownership"
]
RELATION_KINDS: tuple[str, ...] = get_args(RelationKind)


# Documentation.description values that carry an evidence item's page and OCR mark.
PAGE_PREFIX = "Cited at"
OCR_NOTE = "Read by OCR: check the quote against the page image."


def page_label(pages: tuple[int, int]) -> str:
    """The pinpoint a citation shows: ``p. 12``, or ``pp. 12–13`` for a range."""
    first, last = pages
    return f"p. {first}" if first == last else f"pp. {first}–{last}"


def check_vocabulary(value: str, allowed: tuple[str, ...], what: str) -> str:
    """Strict lookup: return ``value`` if allowed, else fail loudly."""
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; expected one of {', '.join(allowed)}")
    return value


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}-{self.end}")


@dataclass(frozen=True)
class SourceMeta:
    """What the document itself says about where it comes from. Unknown is None."""

    title: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published_at: str | None = None  # ISO 8601, only as precise as the text supports
    place: str | None = None  # where it was filed, from a dateline ("WASHINGTON")
    url: str | None = None
    language: str | None = None  # ISO 639-1, e.g. "en"
    kind: str | None = None  # "article", "report", "letter", ...
    retrieved_at: str | None = None  # ISO 8601 date-time a web page was fetched
    # (field, where its value came from), e.g. ("title", "og:title"), ("url", "sidecar")
    origins: tuple[tuple[str, str], ...] = ()

    def origin(self, key: str) -> str | None:
        """Where the value of ``key`` came from; None when unknown or not given."""
        for name, where in self.origins:
            if name == key:
                return where
        return None


@dataclass(frozen=True)
class SourceDocument:
    """One ingested source. ``text`` is what gets quoted; offsets point into it."""

    file_name: str  # POSIX path relative to the seeds folder
    text: str
    content_hash: str  # SHA-1 hex of the file's bytes
    meta: SourceMeta
    furniture: tuple[Span, ...] = ()  # page furniture, excluded from extraction
    # Paginated sources (PDF, scans): page i + 1 is text[pages[i].start:pages[i].end].
    pages: tuple[Span, ...] = ()
    ocr: tuple[Span, ...] = ()  # text read from page images by OCR, to check by eye
    mime_type: str | None = None  # of the file as read, e.g. "application/pdf"

    @property
    def id(self) -> str:
        return make_id("doc", self.content_hash)

    def page_range(self, start: int, end: int) -> tuple[int, int] | None:
        """First and last page (1-based) of ``text[start:end]``; None if not paginated."""
        if len(self.pages) == 0:
            return None
        starts = [page.start for page in self.pages]
        first = max(bisect_right(starts, start) - 1, 0)
        last = max(bisect_right(starts, max(start, end - 1)) - 1, first)
        return first + 1, last + 1

    def is_ocr(self, start: int, end: int) -> bool:
        """True when any of ``text[start:end]`` was read by OCR."""
        return any(span.start < end and start < span.end for span in self.ocr)

    def analysis_text(self) -> str:
        """``text`` with furniture blanked out, same length, so offsets hold."""
        if len(self.furniture) == 0:
            return self.text
        chars = list(self.text)
        for span in self.furniture:
            for i in range(span.start, min(span.end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)


@dataclass(frozen=True)
class IngestError:
    """A source file that could not be used, and why (shown to the user)."""

    file_name: str
    message: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name. ``text == source.text[start:end]`` always."""

    start: int
    end: int
    text: str
    label: EntityLabel
    entity_key: str | None  # LocalEntity.key; None = unresolved, left for a human
    cited: bool = False  # inside a footnote, bibliography or citation
    why: tuple[str, ...] = ()  # signals the person and reference decisions weighed


@dataclass
class LocalEntity:
    """A person or organisation as named in one document."""

    key: str  # see local_entity_key()
    schema: ActorSchema
    name: str  # full name in normal form (title case where the source shouts)
    aliases: set[str] = field(default_factory=set)  # other spellings, as written
    first_name: str | None = None
    last_name: str | None = None
    father_name: str | None = None  # a patronymic, kept apart from the given name
    cited_only: bool = False  # only ever named as a cited author
    country: str | None = None  # ISO 3166-1 alpha-2, where the text says so


def local_entity_key(content_hash: str, label: EntityLabel, name_key: str) -> str:
    """ID of a document-level entity: the document's content hash plus its name key."""
    return make_id("local", content_hash, label, name_key)


def evidence_id(
    content_hash: str, start: int, end: int, mention_start: int, mention_end: int
) -> str:
    """A claim's evidence ID: the document, the passage span and the mention span."""
    return make_id("evidence", content_hash, start, end, mention_start, mention_end)


@dataclass(frozen=True)
class Claim:
    """One evidence item: a verbatim passage and what it says about one entity."""

    content_hash: str  # of the source document
    entity_key: str
    start: int  # the passage, in source.text
    end: int
    mention_start: int  # the entity's mention inside the passage
    mention_end: int
    category: Category
    part: Part
    date: str | None = None  # ISO 8601 where the passage gives one
    attributed_to: str | None = None  # reported speech: who says so
    frame: Frame = "none"  # the sentence frame that decided category and part
    # What the decision weighed besides the frame (descriptor roles, lead-ins,
    # overrides), in order, e.g. ("descriptor:journalist", "part:unclear").
    signals: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return evidence_id(
            self.content_hash, self.start, self.end, self.mention_start, self.mention_end
        )


@dataclass(frozen=True)
class Designation:
    """A source reports that an authority designated, sanctioned, listed or barred a
    person: who designated, under which regime or order, when and for what.

    ``authority``, ``program`` and ``reason`` are as written in the source (None
    when it does not say); ``program_id`` is the FtM programId where the program
    is one the project knows (``criteria.REGIMES``).
    """

    content_hash: str
    entity_key: str
    start: int  # the passage, in source.text
    end: int
    mention_start: int
    mention_end: int
    frame: Frame
    authority: str | None = None
    program: str | None = None
    program_id: str | None = None
    date: str | None = None  # ISO 8601, as precise as the text
    reason: str | None = None  # "for involvement in significant corruption"
    measures: tuple[str, ...] = ()  # "asset freeze", "visa restrictions", ...

    @property
    def id(self) -> str:
        return make_id(
            "designation",
            self.content_hash,
            self.start,
            self.end,
            self.mention_start,
            self.mention_end,
        )

    @property
    def evidence_id(self) -> str:
        """The ID of the claim that quotes the same passage about the same mention."""
        return evidence_id(
            self.content_hash, self.start, self.end, self.mention_start, self.mention_end
        )


@dataclass(frozen=True)
class PositionFact:
    """A position the text says an entity holds or held."""

    entity_key: str
    title: str  # e.g. "President of Kazakhstan"
    start: int  # the evidence passage
    end: int
    current: bool | None = None  # False for "former ...", None if unclear


@dataclass(frozen=True)
class IdentifierFact:
    """A particular a list entry quoted in the text gives for a person: "DOB 05 Oct
    1976", "POB Tula, Russia", "nationality Russia", "Passport 123456"."""

    entity_key: str
    prop: str  # the FtM Person property: birthDate, birthPlace, nationality, ...
    value: str  # the FtM value: an ISO date, an ISO country code, "male", as written
    written: str  # the particular as the text writes it ("05 Oct 1976")
    start: int  # the evidence passage: the list entry, name to last particular
    end: int


@dataclass(frozen=True)
class RelationFact:
    """A relation between two local entities, with its evidence passage."""

    kind: RelationKind
    subject_key: str  # family: person; employment: employee; ownership: owner ...
    object_key: str  # family: relative; employment: employer; ownership: asset ...
    relationship: str  # e.g. "son-in-law", "head", "owner"
    start: int
    end: int


@dataclass
class Extraction:
    """Everything extract found in one document."""

    source: SourceDocument
    extractor: str  # extractor name, version and spaCy model, for provenance
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, LocalEntity] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    positions: list[PositionFact] = field(default_factory=list)
    relations: list[RelationFact] = field(default_factory=list)
    designations: list[Designation] = field(default_factory=list)
    identifiers: list[IdentifierFact] = field(default_factory=list)
    roles: dict[str, Role] = field(default_factory=dict)  # entity key -> role here
    deceased: set[str] = field(default_factory=set)  # entity keys the text reports dead
