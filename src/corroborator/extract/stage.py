"""The extract stage: one spaCy parse per report, then the components in order.

`Extractor(report)` handles one report; `Extractor.pipe(reports, batch_size=...)` streams
many through `nlp.pipe`, which is where spaCy's speed comes from. The component list is
checked when the extractor is built (see `workspace.check_order`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.actors import PartyTable
from corroborator.extract.assemble import ClaimAssembler
from corroborator.extract.attribution import find_attributions
from corroborator.extract.attribution_lexicon import CueLexicon
from corroborator.extract.events import EventFinder, WeaponFinder
from corroborator.extract.facts import FactFinder
from corroborator.extract.frames import FrameBuilder
from corroborator.extract.gazetteer import Gazetteer
from corroborator.extract.lexicon import load_lexicon
from corroborator.extract.nlp import load_nlp
from corroborator.extract.places import find_places, load_gazetteer
from corroborator.extract.quantities import QuantityFinder
from corroborator.extract.sources import SourceRegistry
from corroborator.extract.voice import OwnVoice
from corroborator.extract.workspace import Component, Workspace, check_order
from corroborator.ingest.language import is_english
from corroborator.normalise.timex import Reference, find_time_expressions, stated_zone


class PlaceFinder:
    """Place mentions resolved against the gazetteer (see extract/places.py)."""

    name: ClassVar[str] = "places"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "report"})
    assigns: ClassVar[frozenset[str]] = frozenset({"places"})

    def __init__(self, gazetteer: Gazetteer, focus_countries: Sequence[str]) -> None:
        self.gazetteer = gazetteer
        self.focus_countries = tuple(focus_countries)

    def __call__(self, ws: Workspace) -> None:
        ws.places = find_places(
            ws.doc, gazetteer=self.gazetteer, report=ws.report, focus_countries=self.focus_countries
        )


class AttributionFinder:
    """Who said what (see extract/attribution.py)."""

    name: ClassVar[str] = "attributions"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "report", "places"})
    assigns: ClassVar[frozenset[str]] = frozenset({"attributions"})

    def __init__(self, registry: SourceRegistry, lexicon: CueLexicon) -> None:
        self.registry = registry
        self.lexicon = lexicon

    def __call__(self, ws: Workspace) -> None:
        ws.attributions = find_attributions(
            ws.doc,
            report=ws.report,
            registry=self.registry,
            lexicon=self.lexicon,
            local_party=_local_party(ws.places),
        )


def _local_party(places: Sequence[model.PlaceMention]) -> str | None:
    """The country most of a report's event places are in: "a local official" speaks for it.

    Only when one country clearly dominates (two thirds of the event places); a report
    about both sides of a border names its officials' sides itself.
    """
    counts: dict[str, int] = {}
    for mention in places:
        code = mention.place.country_code
        if mention.role == model.PlaceRole.EVENT and code:
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    code, top = max(counts.items(), key=lambda item: item[1])
    return code if top * 3 >= 2 * sum(counts.values()) else None


class Extractor:
    """NormalisedReport → ExtractedReport, one at a time or streaming."""

    def __init__(
        self,
        *,
        settings: Settings,
        components: Sequence[Component] | None = None,
        nlp: Language | None = None,
    ) -> None:
        self.settings = settings
        self.nlp = nlp or load_nlp(settings.nlp_model)
        if components is None:
            components = default_components(self.nlp, settings)
        check_order(components)
        self.components = tuple(components)

    def __call__(self, report: model.NormalisedReport) -> model.ExtractedReport:
        if not is_english(report.language):
            return model.ExtractedReport(normalised=report)
        return self._run(report, self.nlp(report.text))

    def pipe(
        self, reports: Iterable[model.NormalisedReport], *, batch_size: int | None = None
    ) -> Iterator[model.ExtractedReport]:
        size = batch_size or self.settings.batch_size
        # A report in another language passes through with an empty parse (kept in order,
        # flagged by the normalise stage): English rules on it would only invent claims.
        pairs = self.nlp.pipe(
            ((r.text if is_english(r.language) else "", r) for r in reports), as_tuples=True, batch_size=size
        )
        for doc, report in pairs:
            if is_english(report.language):
                yield self._run(report, doc)
            else:
                yield model.ExtractedReport(normalised=report)

    def _run(self, report: model.NormalisedReport, doc: Doc) -> model.ExtractedReport:
        ws = Workspace(doc=doc, report=report, times=report_times(report, doc=doc))
        for component in self.components:
            component(ws)
        return ws.result()


def report_times(report: model.NormalisedReport, *, doc: Doc) -> list[model.TimeExpression]:
    """Time expressions re-read with the parse (tense decides "on Wednesday": last or next).

    The normalise stage tagged them without a parse to infer the publication time; with
    that reference settled, the parse-aware reading is the one later stages use.
    """
    publication = report.publication
    reference = Reference(
        earliest=publication.reference,
        latest=publication.inferred_latest if publication.inferred_earliest else None,
        year_known=publication.year_known,
        time=publication.declared_time,
    )
    # A live blog may say in its title which zone its times are in ("... (all times Kyiv time)")
    zone = stated_zone(report.report.title) if report.report.title else None
    return find_time_expressions(report.text, reference=reference, report_id=report.id, doc=doc, zone=zone)


def default_components(nlp: Language, settings: Settings) -> list[Component]:
    """The standard extract components, in an order `check_order` accepts."""
    lexicon = load_lexicon(settings)
    gazetteer = load_gazetteer(settings)
    registry = SourceRegistry.load(settings)
    parties = PartyTable.load(settings)
    cues = CueLexicon.load(settings)
    denials = frozenset(lemma for lemma, stance in cues.verbs.items() if stance == model.Stance.DENIES)
    return [
        PlaceFinder(gazetteer, settings.focus_countries),
        AttributionFinder(registry, cues),
        WeaponFinder(nlp, lexicon),
        EventFinder(lexicon, parties),
        QuantityFinder(lexicon),
        FactFinder(nlp, lexicon, parties, denials=denials),
        FrameBuilder(
            gazetteer,
            weapon_subtypes=lexicon.weapon_subtypes,
            response_phrases=lexicon.response_phrases,
            armed_groups=frozenset(code for code, party in parties.parties.items() if party.kind == "armed_group"),
        ),
        ClaimAssembler(
            OwnVoice(registry=registry, parties=parties, gazetteer=gazetteer),
            states=frozenset(code for code, party in parties.parties.items() if party.kind == "state"),
            local_offices=registry.descriptors.local_offices,
            enemies={code: enemy for code in parties.parties if (enemy := parties.enemy_of(code))},
            group_homes={
                code: party.country
                for code, party in parties.parties.items()
                if party.kind == "armed_group" and party.country
            },
            parties=parties,
            contains=gazetteer.contains,
            denials=denials,
        ),
    ]
