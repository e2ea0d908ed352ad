"""Hand-built pipeline records for unit tests of the later stages."""

from __future__ import annotations

import hashlib

from dossier.model import (
    Category,
    Claim,
    EntityLabel,
    Extraction,
    LocalEntity,
    Mention,
    Part,
    Role,
    SourceDocument,
    SourceMeta,
    local_entity_key,
)


class DocBuilder:
    """Builds one document's Extraction from a text and names found in it."""

    def __init__(self, file_name: str, text: str, publisher: str | None = "Test Publisher"):
        content_hash = hashlib.sha1(text.encode("utf-8")).hexdigest()
        self.source = SourceDocument(
            file_name=file_name,
            text=text,
            content_hash=content_hash,
            meta=SourceMeta(title=f"Title of {file_name}", publisher=publisher, language="en"),
        )
        self.extraction = Extraction(source=self.source, extractor="test-1")

    def entity(
        self, name: str, label: EntityLabel = "PERSON", role: Role | None = None
    ) -> LocalEntity:
        key = local_entity_key(self.source.content_hash, label, name.lower())
        schema = "Person" if label == "PERSON" else "Organization"
        entity = LocalEntity(key=key, schema=schema, name=name)
        self.extraction.entities[key] = entity
        start = self.source.text.index(name)
        self.extraction.mentions.append(Mention(start, start + len(name), name, label, key))
        self.extraction.mentions.sort(key=lambda m: m.start)
        if role is not None:
            self.extraction.roles[key] = role
        return entity

    def claim(
        self,
        entity: LocalEntity,
        sentence: str,
        category: Category,
        part: Part,
        date: str | None = None,
    ) -> Claim:
        start = self.source.text.index(sentence)
        mention = sentence.index(entity.name.split()[-1])
        claim = Claim(
            content_hash=self.source.content_hash,
            entity_key=entity.key,
            start=start,
            end=start + len(sentence),
            mention_start=start + mention,
            mention_end=start + mention + len(entity.name.split()[-1]),
            category=category,
            part=part,
            date=date,
        )
        self.extraction.claims.append(claim)
        return claim
