"""Decoding: byte-order marks, legacy encodings, binary content, empty and oversized input."""

from __future__ import annotations

import codecs
import random

import pytest

from corroborator.config import Settings
from corroborator.errors import BinaryInput, DecodeFailure, EmptyInput, InputTooLarge
from corroborator.ingest import read_bytes

SENTENCE = "Residents said the café's façade was damaged — “a miracle nobody was hurt”."


def text_of(data: bytes, settings: Settings) -> str:
    [report] = read_bytes(data, origin="t.txt", default_id="t", fmt="text", settings=settings)
    return report.text


@pytest.mark.parametrize(
    "data",
    [
        SENTENCE.encode("utf-8"),
        codecs.BOM_UTF8 + SENTENCE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + SENTENCE.encode("utf-32-le"),
        codecs.BOM_UTF32_BE + SENTENCE.encode("utf-32-be"),
        SENTENCE.encode("utf-16-le"),  # no mark: recognised by the NUL pattern
        SENTENCE.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf32be-bom",
         "utf16le-unmarked", "utf16be-unmarked"],
)  # fmt: skip
def test_decode_unicode_encodings_without_loss(settings: Settings, data: bytes) -> None:
    assert text_of(data, settings) == SENTENCE


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Residents said the façade was damaged — a naïve hope, said the café owner.", "cp1252"),
        ("Le préfet a déclaré que la façade du théâtre était endommagée mardi soir.", "latin-1"),
        ("Атака дронов: мэр сообщил о повреждениях зданий в центре города.", "cp1251"),
        ("Атака дронов на город: мэр сообщил о повреждениях зданий.", "koi8_r"),
    ],
)
def test_decode_legacy_encodings_are_detected(settings: Settings, text: str, encoding: str) -> None:
    assert text_of(text.encode(encoding), settings) == text


def test_decode_short_latin1_word_prefers_western_code_page(settings: Settings) -> None:
    assert text_of("naïve café".encode("latin-1"), settings) == "naïve café"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"Some words\x00 with a NUL byte in them",
        bytes(range(1, 32)) * 20,
    ],
    ids=["pdf", "zip", "png", "jpeg", "nul", "controls"],
)
def test_decode_binary_input_is_refused(settings: Settings, data: bytes) -> None:
    with pytest.raises(BinaryInput):
        text_of(data, settings)


def test_decode_text_starting_like_a_printable_signature_is_still_text(settings: Settings) -> None:
    # "ID3" is the MP3 tag signature, but this is clean UTF-8 prose.
    assert text_of(b"ID3 tags aside, the recording was authentic.", settings).startswith("ID3")


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"\n\n", codecs.BOM_UTF16_LE]
)
def test_decode_empty_or_blank_input_is_empty(settings: Settings, data: bytes) -> None:
    with pytest.raises(EmptyInput):
        text_of(data, settings)


def test_decode_random_high_bytes_fail_to_decode(settings: Settings) -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(600))
    with pytest.raises(DecodeFailure, match="UTF-8"):
        text_of(data, settings)


def test_decode_bad_bytes_after_a_bom_fail_clearly(settings: Settings) -> None:
    with pytest.raises(DecodeFailure, match="byte-order mark"):
        text_of(codecs.BOM_UTF8 + b"caf\xe9 \xff\xfe", settings)


def test_decode_input_over_the_limit_is_too_large(settings: Settings) -> None:
    small = settings.with_overrides(max_input_bytes=32)
    assert read_bytes(b"x" * 32, origin="t", default_id="t", settings=small)
    with pytest.raises(InputTooLarge, match="32-byte limit"):
        read_bytes(b"x" * 33, origin="t", default_id="t", settings=small)
