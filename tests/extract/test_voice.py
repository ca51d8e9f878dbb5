"""The report's own voice: kind and affiliation of the outlet speaking unattributed."""

from __future__ import annotations

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.actors import PartyTable
from corroborator.extract.places import load_gazetteer
from corroborator.extract.sources import SourceRegistry
from corroborator.extract.voice import OwnVoice


@pytest.fixture(scope="module")
def voice(settings: Settings) -> OwnVoice:
    return OwnVoice(
        registry=SourceRegistry.load(settings), parties=PartyTable.load(settings), gazetteer=load_gazetteer(settings)
    )


@pytest.mark.parametrize(
    ("outlet", "kind", "affiliation"),
    [
        ("Odesa Regional Military Administration", model.SourceKind.OFFICIAL, "UA"),
        ("Government of the Belgorod Region (press service)", model.SourceKind.OFFICIAL, "RU"),
        ("General Staff of the Armed Forces of Ukraine", model.SourceKind.MILITARY, "UA"),
        ("Steppe Lantern (Telegram channel)", model.SourceKind.SOCIAL_MEDIA, None),
        ("Northern Star State News Agency", model.SourceKind.STATE_MEDIA, None),
        ("TASS", model.SourceKind.STATE_MEDIA, "RU"),
        ("The Harbour Gazette", model.SourceKind.INDEPENDENT_MEDIA, None),
    ],
)
def test_voice_kind_and_affiliation_from_the_outlet_name(
    voice: OwnVoice, outlet: str, kind: model.SourceKind, affiliation: str | None
) -> None:
    source = voice(model.Report(id="r", text="t", outlet=outlet))
    assert (source.kind, source.affiliation) == (kind, affiliation)
    assert source.name == outlet or source.registry_id is not None
