"""The ingest stage's knowledge, read from resource files (field names, formats, signatures).

Kept as data (resources/ingest/*.toml) so a user can teach ingest another key name, a file
ending or a legacy encoding without touching code; a user's same-named file extends the
packaged one (lists are appended).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from corroborator.config import Settings, read_resource_toml, resource_paths
from corroborator.errors import ResourceError

FIELDS_RESOURCE = "ingest/fields.toml"
FORMATS_RESOURCE = "ingest/formats.toml"

#: Report fields a text header or a JSON record may fill (besides `text` for JSON).
REPORT_FIELDS = ("id", "outlet", "url", "published", "title", "language", "retrieved")
#: Formats a file ending or a content type may name (see ingest/sniff.py).
NAMED_FORMATS = ("text", "json", "jsonl", "html", "feed", "csv", "tsv", "telegram", "zip")


def key_form(key: str) -> str:
    """The form keys are compared in: case and separators do not matter.

    "Published at", "published_at", "publishedAt" and "PUBLISHED-AT" are one key, because
    exporters disagree on spelling far more than on meaning.
    """
    return "".join(ch for ch in key.casefold() if ch.isalnum())


@dataclass(frozen=True, kw_only=True)
class FieldTable:
    """Accepted keys per Report field, in preference order, for one input kind."""

    keys: Mapping[str, tuple[str, ...]]  # field → key forms, most preferred first
    by_form: Mapping[str, str]  # key form → field

    def field_of(self, key: str) -> str | None:
        """The field a key fills; None when the key is not one of ours (it goes to extra)."""
        return self.by_form.get(key_form(key))

    def rank(self, field: str, key: str) -> int:
        return self.keys[field].index(key_form(key))


@dataclass(frozen=True, kw_only=True)
class Signature:
    name: str
    magic: bytes

    @property
    def printable(self) -> bool:
        """A signature made of printable ASCII ("%PDF-") could also begin a real text."""
        return all(0x20 <= b < 0x7F for b in self.magic)


@dataclass(frozen=True, kw_only=True)
class FormatTable:
    by_extension: Mapping[str, str]  # ending → one of NAMED_FORMATS
    by_content_type: Mapping[str, str]  # MIME type → one of NAMED_FORMATS
    unsupported: Mapping[str, str]  # ending → advice
    signatures: tuple[Signature, ...]
    preferred_encodings: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class IngestTables:
    text_header: FieldTable
    json: FieldTable
    formats: FormatTable


def load_tables(settings: Settings) -> IngestTables:
    """The ingest tables for these settings (cached per set of resource files)."""
    return _load(
        tuple(resource_paths(FIELDS_RESOURCE, settings)),
        tuple(resource_paths(FORMATS_RESOURCE, settings)),
    )


@lru_cache(maxsize=8)
def _load(field_paths: tuple[Path, ...], format_paths: tuple[Path, ...]) -> IngestTables:
    fields = [_read(p) for p in field_paths]
    formats = [_read(p) for p in format_paths]
    return IngestTables(
        text_header=_field_table(fields, "text_header", field_paths),
        json=_field_table(fields, "json", field_paths),
        formats=_format_table(formats, format_paths),
    )


def _read(path: Path) -> dict[str, Any]:
    return read_resource_toml(path, what="the ingest tables")


def _strings(value: Any, *, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ResourceError(f"{where}: expected a list of strings, got {value!r}")
    return list(value)


def _field_table(docs: Sequence[dict[str, Any]], table: str, paths: Sequence[Path]) -> FieldTable:
    merged: dict[str, list[str]] = {}
    for doc, path in zip(docs, paths, strict=True):
        section = doc.get(table, {})
        if not isinstance(section, dict):
            raise ResourceError(f"{path}: [{table}] must be a table of field = [keys]")
        for field, keys in section.items():
            allowed = (*REPORT_FIELDS, "text") if table == "json" else REPORT_FIELDS
            if field not in allowed:
                raise ResourceError(
                    f"{path}: [{table}] names unknown field {field!r}; "
                    f"use one of {', '.join(allowed)}"
                )
            forms = merged.setdefault(field, [])
            for key in _strings(keys, where=f"{path} [{table}].{field}"):
                if key_form(key) not in forms:
                    forms.append(key_form(key))
    by_form: dict[str, str] = {}
    for field, forms in merged.items():
        for form in forms:
            by_form.setdefault(form, field)
    return FieldTable(keys={f: tuple(k) for f, k in merged.items()}, by_form=by_form)


def _format_table(docs: Sequence[dict[str, Any]], paths: Sequence[Path]) -> FormatTable:
    by_extension: dict[str, str] = {}
    by_content_type: dict[str, str] = {}
    unsupported: dict[str, str] = {}
    signatures: list[Signature] = []
    preferred: list[str] = []
    for doc, path in zip(docs, paths, strict=True):
        for fmt, endings in doc.get("extensions", {}).items():
            if fmt not in NAMED_FORMATS:
                raise ResourceError(f"{path}: [extensions] knows {', '.join(NAMED_FORMATS)}, not {fmt!r}")
            for ending in _strings(endings, where=f"{path} [extensions].{fmt}"):
                by_extension[ending.lower().lstrip(".")] = fmt
        for fmt, types in doc.get("content_types", {}).items():
            if fmt not in NAMED_FORMATS:
                raise ResourceError(f"{path}: [content_types] knows {', '.join(NAMED_FORMATS)}, not {fmt!r}")
            for content_type in _strings(types, where=f"{path} [content_types].{fmt}"):
                by_content_type[content_type.casefold()] = fmt
        for kind, entry in doc.get("unsupported", {}).items():
            if not isinstance(entry, dict) or not isinstance(entry.get("advice"), str):
                raise ResourceError(f"{path}: [unsupported].{kind} needs endings and advice")
            for ending in _strings(entry.get("endings"), where=f"{path} [unsupported].{kind}"):
                unsupported[ending.lower().lstrip(".")] = entry["advice"]
        for entry in doc.get("binary", []):
            try:
                signatures.append(
                    Signature(name=str(entry["name"]), magic=bytes.fromhex(entry["hex"]))
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise ResourceError(
                    f"{path}: [[binary]] entry {entry!r} needs a name and a hex string ({exc})"
                ) from exc
        encodings = doc.get("encodings", {}).get("prefer", [])
        preferred.extend(_strings(encodings, where=f"{path} [encodings].prefer"))
    return FormatTable(
        by_extension=by_extension,
        by_content_type=by_content_type,
        unsupported=unsupported,
        signatures=tuple(signatures),
        preferred_encodings=tuple(preferred),
    )
