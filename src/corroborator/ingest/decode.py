"""From bytes to text: size, emptiness, binary content and character encoding.

Order matters: the cheap, certain checks (size, emptiness, magic numbers, byte-order marks,
UTF-8) come first; the statistical detector only sees what they leave, because on short
inputs it guesses, and a confident wrong guess is worse than an honest failure.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import CharsetMatch, from_bytes

from corroborator.errors import BinaryInput, DecodeFailure, EmptyInput, InputTooLarge
from corroborator.ingest.tables import FormatTable

# Byte-order marks, longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Share of control characters above which decoded "text" is taken for binary data. Real
#: text has almost none (tabs and line breaks do not count); binary data read through a
#: single-byte code page has many.
MAX_CONTROL_SHARE = 0.05

# How much of the input the statistical detector and the UTF-16 test look at: enough to be
# sure, little enough that a 20 MB input costs no more than a small one.
_SAMPLE_BYTES = 64 * 1024

# Encodings the statistical detector may not propose: UTF-16/32 are recognised by their
# marks or by the NUL pattern of mostly-ASCII text, and without those the detector's UTF-16
# guesses on short single-byte input are wrong; UTF-7 decodes almost anything.
_NOT_GUESSED = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "utf_7"]

# Below this, too few bytes to judge whether a detected encoding reads as a language.
_MIN_JUDGED_BYTES = 64

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")

# Encodings markup declares for itself, in its first bytes (always ASCII-compatible there).
_MARKUP_HEAD_BYTES = 2048
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']""")


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML or XML document declares for itself (meta tag, XML prolog)."""
    head = data[:_MARKUP_HEAD_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def check_size(data: bytes, *, origin: str, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise InputTooLarge(
            origin,
            f"larger than the {max_bytes:,}-byte limit; split it, or raise ingest.max_bytes "
            "(CORROBORATOR_INGEST_MAX_BYTES)",
        )


def check_signature(data: bytes, *, origin: str, formats: FormatTable) -> None:
    """Refuse inputs that start like a known binary format (PDF, ZIP, images, archives).

    A signature made of printable characters ("%PDF-") only counts when the rest of the
    input is not clean UTF-8 text, so a report that happens to begin with those letters
    is still read.
    """
    for sig in formats.signatures:
        if data.startswith(sig.magic):
            if sig.printable and b"\x00" not in data[:_SAMPLE_BYTES] and _is_utf8(data):
                continue
            raise BinaryInput(
                origin, f"binary content ({sig.name}), not text; convert it to text first"
            )


def decode(data: bytes, *, origin: str, formats: FormatTable, declared: str | None = None) -> str:
    """The text the bytes encode, without a byte-order mark.

    `declared`: the encoding the transport names (HTTP Content-Type charset). It, or the
    encoding HTML/XML markup declares for itself, is used when the bytes are neither
    marked nor valid UTF-8 (valid UTF-8 wins over a declaration: mislabelled pages are
    common, accidental valid UTF-8 is not). Raises EmptyInput, BinaryInput or
    DecodeFailure (all IngestError) when there is no text.
    """
    if not data.strip():
        raise EmptyInput(origin, "empty or only whitespace; nothing to read")
    text = _decode(data, origin=origin, formats=formats, declared=declared)
    if not text.strip():
        raise EmptyInput(origin, "empty or only whitespace once decoded; nothing to read")
    _check_controls(text, origin=origin)
    return text


def _decode(data: bytes, *, origin: str, formats: FormatTable, declared: str | None = None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeFailure(
                    origin,
                    f"starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} (byte {exc.start + len(bom)}); re-save it as UTF-8",
                ) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for named in (declared, declared_charset(data)):
        if named and _known_codec(named):
            try:
                return data.decode(named)
            except UnicodeDecodeError:
                pass  # a wrong declaration: tell from the bytes instead
    utf16 = _unmarked_utf16(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise BinaryInput(origin, "contains NUL bytes: binary content, not text")
    return _detect(data, origin=origin, formats=formats)


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    # A declaration of UTF-16/32 in ASCII markup is a contradiction (the bytes say 8-bit).
    return not name.casefold().replace("-", "").replace("_", "").startswith(("utf16", "utf32", "utf7"))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _unmarked_utf16(data: bytes) -> str | None:
    """UTF-16 without a mark: mostly-ASCII text leaves NULs in every other byte.

    Returns the codec name, or None when the NUL pattern is not there (then the input is
    either binary or some other encoding, which the caller goes on to find out).
    """
    sample = data[: _SAMPLE_BYTES - _SAMPLE_BYTES % 2]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # Most text units are ASCII (a NUL in the high byte), and the low bytes are not NUL.
    if odd_nuls >= 0.6 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= 0.6 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def _detect(data: bytes, *, origin: str, formats: FormatTable) -> str:
    """Ask the statistical detector, favouring the usual code pages, and refuse a wild guess.

    Two passes: one limited to the preferred code pages (resources/ingest/formats.toml), one
    open. The open pass alone misreads short Cyrillic KOI8-R as Japanese; the preferred
    answer is taken when it recognises a language at least as well with no more noise.
    Among equally good answers on a short input (é in cp1252 is č in cp1250) the
    preference order decides.

    An answer that recognises no language in mostly non-ASCII bytes is what random bytes
    get; text in a single-byte code page is mostly ASCII or recognised (Cyrillic, Greek).
    """
    sample = data[:_SAMPLE_BYTES]
    preference = {name: rank for rank, name in enumerate(formats.preferred_encodings)}
    anywhere = _ranked(list(from_bytes(sample, cp_exclusion=_NOT_GUESSED)), preference)
    preferred = _ranked(
        list(from_bytes(sample, cp_isolation=list(formats.preferred_encodings))), preference
    )
    chosen = anywhere
    if preferred is not None and (
        anywhere is None
        or (preferred[1] > 0 and preferred[1] >= anywhere[1] and preferred[2] <= anywhere[2] + 0.05)
    ):
        chosen = preferred
    if chosen is None:
        raise DecodeFailure(
            origin, "not UTF-8 and its encoding cannot be told; re-save it as UTF-8"
        )
    encoding, coherence, _ = chosen
    non_ascii = sum(1 for b in sample if b >= 0x80)
    if coherence == 0 and len(sample) >= _MIN_JUDGED_BYTES and non_ascii > 0.3 * len(sample):
        raise DecodeFailure(
            origin, "not UTF-8, and no encoding makes it read as a language; re-save it as UTF-8"
        )
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        # The sample decoded but the whole did not: the encoding changes inside the input.
        raise DecodeFailure(
            origin, f"looks like {encoding} but does not decode as it throughout; re-save as UTF-8"
        ) from exc


def _ranked(
    matches: list[CharsetMatch], preference: dict[str, int]
) -> tuple[str, float, float] | None:
    """(encoding, coherence, chaos) of the best match, ties broken by preference order."""
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if m.chaos == best.chaos and m.coherence == best.coherence]
    encoding, rank = best.encoding, len(preference)
    for match in tied:
        for name in (match.encoding, *match.could_be_from_charset):
            if preference.get(name, rank) < rank:
                encoding, rank = name, preference[name]
    return encoding, best.coherence, best.chaos


def _check_controls(text: str, *, origin: str) -> None:
    sample = text[:_SAMPLE_BYTES]
    if "\x00" in sample:  # valid UTF-8, but no text editor or scraper writes NUL
        raise BinaryInput(origin, "contains NUL characters: binary content, not text")
    controls = sum(
        1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise BinaryInput(origin, "mostly control characters: binary content, not text")
