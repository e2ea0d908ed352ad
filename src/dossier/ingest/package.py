"""Zip packages (.docx, .odt) opened defensively, and their XML parsed safely.

A package is refused before any part is decompressed when it holds too many
members, when its parts would unpack to more than ``max_unpacked`` bytes, or
when a part compresses suspiciously well (a zip bomb). XML goes through
defusedxml with DTDs forbidden, so no entity is ever expanded or fetched.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException, ElementTree

from dossier.ingest.errors import UnusableSourceError

MAX_MEMBERS = 5000
MAX_RATIO = 200  # uncompressed / compressed size of one part


class Package:
    """The members of a zip package, read one at a time within limits."""

    def __init__(self, data: bytes, what: str, max_unpacked: int) -> None:
        self.what = what
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise UnusableSourceError(
                f"not a valid {what} file (damaged zip package: {exc}); "
                "check that it opens and save it again"
            ) from exc
        if len(infos) > MAX_MEMBERS:
            raise UnusableSourceError(f"{what} package has {len(infos)} parts; refused")
        total = sum(info.file_size for info in infos)
        if total > max_unpacked:
            raise UnusableSourceError(
                f"{what} package unpacks to {total} bytes, above the {max_unpacked}-byte limit"
            )
        for info in infos:
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * info.compress_size:
                raise UnusableSourceError(
                    f"{what} package part {info.filename} compresses {MAX_RATIO} times or "
                    "more (a zip bomb?); refused"
                )
        self.names = {info.filename for info in infos}

    def read(self, name: str) -> bytes | None:
        """The bytes of member ``name``; None when absent."""
        if name not in self.names:
            return None
        try:
            return self.zip.read(name)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
            raise UnusableSourceError(f"{self.what} part {name} cannot be read ({exc})") from exc

    def xml(self, name: str) -> Element | None:
        """Member ``name`` parsed as XML; None when absent."""
        data = self.read(name)
        return None if data is None else parse_xml(data, f"{self.what} part {name}")


def parse_xml(data: bytes, what: str) -> Element:
    try:
        return ElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise UnusableSourceError(
            f"{what} declares a DTD or entities, which are refused ({type(exc).__name__})"
        ) from exc
    except ElementTree.ParseError as exc:
        raise UnusableSourceError(f"{what} is not well-formed XML ({exc})") from exc
