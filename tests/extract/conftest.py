"""Build a workspace from plain text, run chosen extract components on it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.actors import PartyTable
from corroborator.extract.attribution_lexicon import CueLexicon
from corroborator.extract.events import EventFinder, WeaponFinder
from corroborator.extract.facts import FactFinder
from corroborator.extract.lexicon import Lexicon, load_lexicon
from corroborator.extract.places import load_gazetteer
from corroborator.extract.quantities import QuantityFinder
from corroborator.extract.stage import PlaceFinder
from corroborator.extract.workspace import Workspace


@pytest.fixture(scope="session")
def lexicon(settings: Settings) -> Lexicon:
    return load_lexicon(settings)


@pytest.fixture(scope="session")
def make_workspace(nlp: Language) -> Callable[[str], Workspace]:
    def build(text: str) -> Workspace:
        report = model.Report(id="t", text=text)
        normalised = model.NormalisedReport(
            report=report,
            text=text,
            paragraphs=(model.Paragraph(start=0, end=len(text)),),
            publication=model.PublicationTime(),
        )
        return Workspace(doc=nlp(text), report=normalised, times=[])

    return build


@pytest.fixture(scope="session")
def run_events(
    nlp: Language, lexicon: Lexicon, settings: Settings, make_workspace: Callable[[str], Workspace]
) -> Callable[[str], Workspace]:
    weapons, events = WeaponFinder(nlp, lexicon), EventFinder(lexicon, PartyTable.load(settings))

    def run(text: str) -> Workspace:
        ws = make_workspace(text)
        weapons(ws)
        events(ws)
        return ws

    return run


@pytest.fixture(scope="session")
def run_quantities(
    lexicon: Lexicon, run_events: Callable[[str], Workspace]
) -> Callable[[str], Workspace]:
    finder = QuantityFinder(lexicon)

    def run(text: str) -> Workspace:
        ws = run_events(text)
        finder(ws)
        return ws

    return run


@pytest.fixture(scope="session")
def run_facts(
    nlp: Language, lexicon: Lexicon, settings: Settings, run_quantities: Callable[[str], Workspace]
) -> Callable[[str], Workspace]:
    cues = CueLexicon.load(settings)
    denials = frozenset(lemma for lemma, stance in cues.verbs.items() if stance == model.Stance.DENIES)
    finder = FactFinder(nlp, lexicon, PartyTable.load(settings), denials=denials)
    places = PlaceFinder(load_gazetteer(settings), settings.focus_countries)

    def run(text: str) -> Workspace:
        ws = run_quantities(text)  # as in the pipeline: counts of the dead are read before the facts
        places(ws)
        finder(ws)
        return ws

    return run
