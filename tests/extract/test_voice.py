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
        # a masthead word ends a newspaper's name, whatever else it means ("a post")
        ("Lakeside Post", model.SourceKind.INDEPENDENT_MEDIA, None),
        ("Lakeside Post (Telegram channel)", model.SourceKind.SOCIAL_MEDIA, None),
        # an office of no side is not an office: a news outlet's name
        ("Coastal Press Service", model.SourceKind.INDEPENDENT_MEDIA, None),
        # monitors, observatories and humanitarian agencies speak for no side
        ("Southern Civic Watch", model.SourceKind.EXPERT, None),
        ("Sahel Observatory for Human Rights (translated from French)", model.SourceKind.EXPERT, None),
        ("UN Office for the Coordination of Humanitarian Affairs (OCHA) Sudan", model.SourceKind.EXPERT, None),
        ("Frontline Signals (weekly digest)", model.SourceKind.EXPERT, None),
        # a party-run agency is that party's state media; an armed group's channel is military
        ("Saba Voice Agency (Houthi-run)", model.SourceKind.STATE_MEDIA, "HOUTHIS"),
        ("al-Nasr Media Foundation (JNIM, Telegram)", model.SourceKind.MILITARY, "JNIM"),
        ("Tehreek-e-Taliban Pakistan, Central Spokesman (Telegram)", model.SourceKind.MILITARY, "TTP"),
        # a registry name followed by "of" another country is that country's body
        ("National Police of Colombia, Nariño Police Department", model.SourceKind.OFFICIAL, "CO"),
        ("National Unity Government of Myanmar, Ministry of Education", model.SourceKind.OFFICIAL, "NUG"),
    ],
)
def test_voice_kind_and_affiliation_from_the_outlet_name(
    voice: OwnVoice, outlet: str, kind: model.SourceKind, affiliation: str | None
) -> None:
    source = voice(model.Report(id="r", text="t", outlet=outlet))
    assert (source.kind, source.affiliation) == (kind, affiliation)
    assert source.name == outlet or source.registry_id is not None
