"""The places a careful analyst needs from the two seed reports (shared/seeds/EXPECTED.md).

Reads the seeds from ../shared through the `shared_dir` fixture (skipped where absent);
nothing of their text is copied here. Crimea is expected under Ukraine (UA): ACLED and
GeoNames code it so, and so does the gazetteer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.gazetteer import load_gazetteer
from corroborator.extract.places import find_places

pytestmark = pytest.mark.shared


def _mentions(
    shared_dir: Path, stem: str, nlp: Language, settings: Settings
) -> list[model.PlaceMention]:
    text = (shared_dir / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
    report = model.NormalisedReport(
        report=model.Report(id=stem, text=text),
        text=text,
        paragraphs=(model.Paragraph(start=0, end=len(text)),),
        publication=model.PublicationTime(),
    )
    return find_places(nlp(text), gazetteer=load_gazetteer(settings), report=report)


@pytest.fixture(scope="module")
def seed_000(shared_dir: Path, nlp: Language, settings: Settings) -> list[model.PlaceMention]:
    return _mentions(shared_dir, "000_0ff70056a748615f", nlp, settings)


@pytest.fixture(scope="module")
def seed_004(shared_dir: Path, nlp: Language, settings: Settings) -> list[model.PlaceMention]:
    return _mentions(shared_dir, "004_d9b43be9c65c47c0", nlp, settings)


def _places(mentions: list[model.PlaceMention]) -> set[tuple[str, str | None]]:
    return {(m.place.name, m.place.country_code) for m in mentions}


def test_places_seeds_find_moscow_and_the_kremlin(
    seed_000: list[model.PlaceMention], seed_004: list[model.PlaceMention]
) -> None:
    for mentions in (seed_000, seed_004):
        assert {("Moscow", "RU"), ("Kremlin", "RU")} <= _places(mentions)
    assert ("Senate Palace", "RU") in _places(seed_000)


def test_places_seeds_find_the_bryansk_region_in_both_spellings(
    seed_000: list[model.PlaceMention],
) -> None:
    regions = {m.span.text.lower(): m for m in seed_000 if m.place.name == "Bryansk Oblast"}
    assert {"briansk region", "bryansk region"} <= set(regions)
    assert all(m.place.country_code == "RU" for m in regions.values())
    assert all(m.precision == model.GeoPrecision.REGION for m in regions.values())


def test_places_seeds_code_crimea_under_ukraine(seed_000: list[model.PlaceMention]) -> None:
    crimea = [m for m in seed_000 if m.place.name == "Crimea"]
    assert crimea and all(m.place.country_code == "UA" for m in crimea)


def test_places_seeds_find_the_moskva_river(seed_000: list[model.PlaceMention]) -> None:
    assert ("Moskva River", "RU") in _places(seed_000)


def test_places_seeds_near_moscow_is_near(seed_000: list[model.PlaceMention]) -> None:
    near = [
        m for m in seed_000 if m.place.name == "Moscow" and m.precision == model.GeoPrecision.NEAR
    ]
    assert len(near) >= 2  # the drone found near the capital, the one that came close to it


def test_places_seeds_demonyms_are_not_places(
    seed_000: list[model.PlaceMention], seed_004: list[model.PlaceMention]
) -> None:
    for mention in (*seed_000, *seed_004):
        assert mention.span.text not in ("Russian", "Ukrainian", "Russians", "Ukrainians")
        assert mention.place.country_code is not None or mention.place.kind in (
            "sea",
            "strait",
            "gulf",
        )
