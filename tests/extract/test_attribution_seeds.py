"""The founding reports: who says what in them (see ../shared/seeds/EXPECTED.md).

The reports go through the normaliser's clean-up first, as in the pipeline, so quotes are
ASCII and offsets index the cleaned text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from corroborator.config import Settings
from corroborator.extract.attribution import find_attributions
from corroborator.extract.sources import SourceRegistry
from corroborator.model import (
    Attribution,
    NormalisedReport,
    PublicationTime,
    Report,
    SourceKind,
    Stance,
)
from corroborator.normalise.clean import clean_text

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def registry(settings: Settings) -> SourceRegistry:
    return SourceRegistry.load(settings)


def attributions(shared_dir: Path, stem: str, nlp: Language, registry: SourceRegistry) -> list[Attribution]:
    raw = (shared_dir / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
    text, paragraphs = clean_text(raw)
    report = NormalisedReport(
        report=Report(id=stem[:3], text=raw),
        text=text,
        paragraphs=paragraphs,
        publication=PublicationTime(),
    )
    return find_attributions(nlp(text), report=report, registry=registry)


@pytest.fixture(scope="module")
def seed000(shared_dir: Path, nlp: Language, registry: SourceRegistry) -> list[Attribution]:
    return attributions(shared_dir, "000_0ff70056a748615f", nlp, registry)


@pytest.fixture(scope="module")
def seed004(shared_dir: Path, nlp: Language, registry: SourceRegistry) -> list[Attribution]:
    return attributions(shared_dir, "004_d9b43be9c65c47c0", nlp, registry)


def by_source(found: list[Attribution], key: str) -> list[Attribution]:
    return [a for a in found if a.source.key == key]


def test_attribution_seeds_press_service_statement_with_its_continuations(
    seed000: list[Attribution],
) -> None:
    statement = by_source(seed000, "reg:ru-press-service")
    assert statement, "the Presidential Press Service statement was not attributed"
    source = statement[0].source
    assert source.kind == SourceKind.OFFICIAL and source.affiliation == "RU"
    quoted = " ".join(a.content_span.text for a in statement if a.quote)
    # the opening sentence and both continuation paragraphs
    assert "Kyiv regime attempted" in quoted
    assert "Two UAVs targeted the Kremlin" in quoted
    assert "planned terrorist attack" in quoted


def test_attribution_seeds_podolyak_denies(seed000: list[Attribution]) -> None:
    podolyak = by_source(seed000, "reg:ua-podolyak")
    assert any(a.stance == Stance.DENIES for a in podolyak)
    assert podolyak[0].source.kind == SourceKind.OFFICIAL and podolyak[0].source.affiliation == "UA"
    tweet = [a for a in podolyak if a.medium == "tweet"]
    assert tweet and all(a.quote for a in tweet)


def test_attribution_seeds_residents_via_the_telegram_channel(seed000: list[Attribution]) -> None:
    residents = [a for a in seed000 if a.source.kind == SourceKind.EYEWITNESS]
    assert residents
    relayed = [a for a in residents if a.via and a.via[0].kind == SourceKind.SOCIAL_MEDIA]
    assert relayed, [(a.source.name, [v.name for v in a.via]) for a in residents]
    assert {a.via[0].name for a in relayed} == {"Yakimanca"}


def test_attribution_seeds_baza_on_telegram(seed000: list[Attribution]) -> None:
    baza = by_source(seed000, "reg:ru-baza")
    assert baza
    assert baza[0].source.kind in (SourceKind.INDEPENDENT_MEDIA, SourceKind.STATE_MEDIA)
    assert any(a.medium == "Telegram" for a in baza)


def test_attribution_seeds_peskov_via_tass(seed000: list[Attribution]) -> None:
    peskov = by_source(seed000, "reg:ru-peskov")
    assert any([v.key for v in a.via] == ["reg:ru-tass"] for a in peskov)
    # "he said" after RIA Novosti is named still points at Peskov
    assert any(a.source_span is not None and a.source_span.text == "he" for a in peskov)


def test_attribution_seeds_russia_today_is_russian_state_media(seed004: list[Attribution]) -> None:
    rt = by_source(seed004, "reg:ru-rt")
    assert rt
    assert rt[0].source.kind == SourceKind.STATE_MEDIA and rt[0].source.affiliation == "RU"
    assert rt[0].stance == Stance.REPORTS  # "claimed"


def test_attribution_seeds_unnamed_claim_in_004(seed004: list[Attribution]) -> None:
    claimed = [a for a in seed004 if a.cue_span is not None and a.cue_span.text == "is claimed"]
    assert claimed and claimed[0].source_span is None and claimed[0].stance == Stance.REPORTS
