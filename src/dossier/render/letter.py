"""Advocacy cover letters that ask a government to designate named targets.

In the manner of an NGO letter to a foreign ministry: addressee, date, the
request, one paragraph per target built on the strongest *reviewed* evidence,
the dossiers listed as annexes, signatories. Optionally bundled with the
dossiers into one PDF (pypdf). Unreviewed evidence is never cited in a letter;
a target with no accepted allegation makes the letter a visible draft, whose
paragraph quotes the strongest unreviewed allegations marked "[not yet reviewed]"
so the reviewer sees what the letter would rest on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from dossier import criteria as rules
from dossier.profile import EntityStore, EvidenceItem, PersonProfile, build_profile
from dossier.render.dossier import RenderOptions, dossier_path, render_dossier_pdf
from dossier.render.pdf import html_document, shared_environment, write_pdf
from dossier.render.sections.basis import Basis, Note
from dossier.render.sections.facts import conduct_sentence
from dossier.render.sections.positions import as_phrase, position_list
from dossier.render.sections.regimes import chosen_regimes
from dossier.render.sections.wording import join_words


class LetterError(ValueError):
    """The letter cannot be written as asked (unknown addressee, target, regime)."""


@dataclass(frozen=True)
class Addressee:
    key: str
    label: str
    lines: tuple[str, ...]
    salutation: str
    regimes: tuple[str, ...]


ADDRESSEES: tuple[Addressee, ...] = (
    Addressee(
        "uk-fcdo",
        "UK FCDO",
        (
            "Secretary of State for Foreign, Commonwealth and Development Affairs",
            "Foreign, Commonwealth and Development Office",
            "King Charles Street",
            "London SW1A 2AH",
            "United Kingdom",
        ),
        "Dear Secretary of State",
        ("GB-HR", "GB-AC"),
    ),
    Addressee(
        "us-treasury",
        "US Treasury",
        (
            "Director, Office of Foreign Assets Control",
            "U.S. Department of the Treasury",
            "1500 Pennsylvania Avenue NW",
            "Washington, DC 20220",
            "United States",
        ),
        "Dear Director",
        ("US-GLOMAG",),
    ),
    Addressee(
        "us-state",
        "US State",
        (
            "Secretary of State",
            "U.S. Department of State",
            "2201 C Street NW",
            "Washington, DC 20520",
            "United States",
        ),
        "Dear Secretary of State",
        ("US-GLOMAG",),
    ),
    Addressee(
        "eu",
        "EU",
        (
            "High Representative of the Union for Foreign Affairs and Security Policy",
            "European External Action Service",
            "Rond-Point Robert Schuman 9A",
            "1046 Brussels",
            "Belgium",
        ),
        "Dear High Representative",
        ("EU-HR",),
    ),
    Addressee(
        "canada",
        "Canada",
        (
            "Minister of Foreign Affairs",
            "Global Affairs Canada",
            "125 Sussex Drive",
            "Ottawa, ON K1A 0G2",
            "Canada",
        ),
        "Dear Minister",
        ("CA-JVCFOA",),
    ),
)
ADDRESSEE_ALIASES: dict[str, str] = {
    "uk fcdo": "uk-fcdo", "uk-fcdo": "uk-fcdo", "fcdo": "uk-fcdo", "uk": "uk-fcdo",
    "us treasury": "us-treasury", "us-treasury": "us-treasury", "ofac": "us-treasury",
    "us state": "us-state", "us-state": "us-state", "state department": "us-state",
    "eu": "eu", "eeas": "eu", "canada": "canada", "gac": "canada",
    "global affairs canada": "canada",
}  # fmt: skip


def parse_addressee(text: str) -> Addressee:
    key = ADDRESSEE_ALIASES.get(" ".join(text.strip().lower().replace("/", " ").split()))
    for addressee in ADDRESSEES:
        if addressee.key == key:
            return addressee
    known = ", ".join(f'"{a.label}"' for a in ADDRESSEES)
    raise LetterError(f"unknown addressee {text!r}; use one of {known}")


def read_signatories(path: Path) -> list[tuple[str, ...]]:
    """One signatory a line, fields separated by ``|`` (name | title | organisation).
    Blank lines and lines starting with ``#`` are skipped."""
    found: list[tuple[str, ...]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text == "" or text.startswith("#"):
            continue
        found.append(tuple(part.strip() for part in text.split("|") if part.strip() != ""))
    return found


@dataclass(frozen=True)
class LetterOptions:
    templates_dir: Path
    date: dt.date
    addressee: str  # "UK FCDO", "US Treasury", "US State", "EU", "Canada"
    targets: tuple[str, ...]  # person IDs
    organisation: str
    signatories: tuple[tuple[str, ...], ...] = ()
    regimes: tuple[str, ...] | None = None  # override, applies to every target
    bundle: bool = False  # append the dossiers to the letter


@dataclass(frozen=True)
class TargetParagraph:
    annex: int
    name: str
    position: str | None
    regimes: tuple[rules.Regime, ...]
    sentences: tuple[tuple[str, Note | None], ...]
    reviewed: bool
    dossier_file: str


def _strongest(builder: Basis, status: str) -> list[EvidenceItem]:
    """The strongest allegation of each category with the given review status (at most
    three categories, in the dossier's order)."""
    best: list[EvidenceItem] = []
    for category in builder.categories():
        items = [e for e in builder.ranked(category) if e.status == status]
        if len(items) > 0:
            best.append(items[0])
    return best[:3]


def _paragraph(
    store: EntityStore,
    profile: PersonProfile,
    annex: int,
    addressee: Addressee,
    options: LetterOptions,
) -> TargetParagraph:
    dossier_options = RenderOptions(options.templates_dir, options.date, options.organisation)
    builder = Basis(store, profile, dossier_options)
    applicable = _applicable(builder, addressee, options)
    if len(applicable) == 0:
        raise LetterError(
            f"{profile.name}: no regime of the {addressee.label} "
            f"({', '.join(addressee.regimes)}) applies to the allegations; "
            "remove the target or choose --regime"
        )
    sentences: list[tuple[str, Note | None]] = []
    positions = position_list(builder)
    if len(positions) > 0:
        titles = join_words(as_phrase(pos.dated) for pos in positions[:3])
        sentences.append((f"{profile.name} is described in the sources as {titles}.", None))
    strongest = _strongest(builder, "accepted")
    reviewed = len(strongest) > 0
    if not reviewed:
        # A draft letter shows what the reviewer must check, marked as unreviewed.
        strongest = _strongest(builder, "unreviewed")
    for item in strongest:
        sentence = conduct_sentence(builder, item, "", limit=320, tag=False)
        note = sentence.note
        if note is not None:
            note = dataclasses.replace(note, source_no=None, ref=f"Annex {annex}, {note.ref}")
        text = sentence.text + (" [not yet reviewed]" if item.status != "accepted" else "")
        sentences.append((text, note))
    if len(strongest) == 0:
        sentences.append(
            (
                f"The sources allege no conduct by {profile.name} that a designation "
                f"criterion covers; see the dossier at Annex {annex}.",
                None,
            )
        )
    elif not reviewed:
        sentences.append(
            (
                f"The evidence concerning {profile.name} is still under review; the draft "
                f"dossier at Annex {annex} sets out every allegation and its source.",
                None,
            )
        )
    position = positions[0].title if len(positions) > 0 else None
    return TargetParagraph(
        annex=annex,
        name=profile.name,
        position=position,
        regimes=tuple(rules.regime(r) for r in applicable),
        sentences=tuple(sentences),
        reviewed=reviewed,
        dossier_file=dossier_path(profile, Path(".")).name,
    )


def _applicable(builder: Basis, addressee: Addressee, options: LetterOptions) -> list[str]:
    """The target's regimes (chosen, or derived) that the addressee administers."""
    if options.regimes is not None:
        chosen = list(options.regimes)
    else:
        chosen, _reason = chosen_regimes(builder)
    return [r for r in chosen if r in addressee.regimes]


def render_letter_html(store: EntityStore, options: LetterOptions) -> str:
    addressee = parse_addressee(options.addressee)
    if len(options.targets) == 0:
        raise LetterError("a letter needs at least one target")
    profiles = [build_profile(store, t) for t in options.targets]
    for profile in profiles:
        if not profile.is_candidate:
            raise LetterError(f"{profile.name} is not a candidate target (no 'poi' topic)")
    paragraphs = [
        _paragraph(store, p, n, addressee, options) for n, p in enumerate(profiles, start=1)
    ]
    regimes = [
        rules.regime(r)
        for r in rules.REGIMES
        if any(r == g.id for para in paragraphs for g in para.regimes)
    ]
    measures: list[str] = []
    for reg in regimes:
        measures.extend(m for m in reg.measures if m not in measures)
    draft = any(not para.reviewed for para in paragraphs) or any(p.is_draft for p in profiles)
    env = shared_environment(options.templates_dir)
    return env.get_template("letter.html.j2").render(
        addressee=addressee,
        options=options,
        paragraphs=paragraphs,
        regimes=regimes,
        measures=measures,
        draft=draft,
        names=join_words(p.name for p in profiles),
    )


def render_letter_pdf(store: EntityStore, options: LetterOptions) -> bytes:
    """The letter, followed by each target's dossier when ``options.bundle`` is set."""
    html = render_letter_html(store, options)
    letter = write_pdf(html_document(html, options.templates_dir))
    if not options.bundle:
        return letter
    addressee = parse_addressee(options.addressee)
    base = RenderOptions(options.templates_dir, options.date, options.organisation)
    parts = [letter]
    # pypdf keeps the first document's pages, not its metadata: copy it over below.
    for target in options.targets:
        profile = build_profile(store, target)
        # Each annexed dossier is addressed to this letter's addressee and its regimes.
        regimes = tuple(_applicable(Basis(store, profile, base), addressee, options))
        dossier_options = dataclasses.replace(base, regimes=regimes)
        parts.append(render_dossier_pdf(profile, store, dossier_options))
    return concatenate(parts)


def concatenate(pdfs: list[bytes]) -> bytes:
    """Join PDFs in order, keeping the first one's metadata (deterministic output)."""
    writer = PdfWriter()
    for data in pdfs:
        writer.append(io.BytesIO(data))
    if len(pdfs) > 0:
        info = PdfReader(io.BytesIO(pdfs[0])).metadata
        if info is not None:
            writer.add_metadata({str(k): str(v) for k, v in info.items()})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
