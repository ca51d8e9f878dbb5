"""Claims: each finding, time and place of a frame, with who says it and how firmly.

A finding inside an attribution's content is that source's claim, with its stance and
relays ("residents, via the X Telegram channel"). A finding in a clause about footage
("a video shows", "images appear to show") is claimed by the footage. Anything else is
the report's own outlet speaking in its own voice. Hedges in the sentence ("apparently",
"it is suspected", "appears to") lower a stance from asserts to speculates or reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import ClassVar

from spacy.tokens import Span as SpacySpan

from corroborator import model
from corroborator.extract import syntax
from corroborator.extract.actors import ENEMY, OWN_SIDE, STATE_FORCES, STATE_RULERS, PartyTable
from corroborator.extract.facts import VERB_ALONE
from corroborator.extract.gazetteer import name_key
from corroborator.extract.sources import DOCUMENT_PREFIX, HEDGE_PREFIX
from corroborator.extract.workspace import Workspace

_SPECULATIVE = frozenset(
    {
        "apparently",
        "appear",
        "appears",
        "appeared",
        "suspect",
        "suspected",
        "possibly",
        "probably",
        "perhaps",
        "likely",
        "may",
        "might",
        "seemingly",
        "seem",
        "seems",
        "believed",
        "speculate",
        "speculated",
    }
)
_REPORTED = frozenset(
    {
        "reportedly",
        "allegedly",
        "purportedly",
        "purporting",
        "claimed",
        "alleged",
        "unverified",
        "unconfirmed",
        "supposedly",
        "ostensibly",
    }
)
_FOOTAGE = frozenset(
    {
        "video",
        "videos",
        "footage",
        "image",
        "images",
        "photo",
        "photos",
        "photograph",
        "photographs",
        "clip",
        "clips",
        "recording",
        "recordings",
    }
)

FOOTAGE_SOURCE = model.Source(
    key="footage:unverified",
    name="video and photo footage",
    kind=model.SourceKind.SOCIAL_MEDIA,
    description="footage described by the report, not attributed to a named source",
)


class ClaimAssembler:
    """Turn framed findings, times and places into claims with sources and stances."""

    name: ClassVar[str] = "claims"
    requires: ClassVar[frozenset[str]] = frozenset({"frames", "finding_frames", "findings", "attributions"})
    assigns: ClassVar[frozenset[str]] = frozenset({"claims"})

    def __init__(
        self,
        own_voice: Callable[[model.Report], model.Source] | None = None,
        *,
        states: frozenset[str] = frozenset(),
        local_offices: frozenset[str] = frozenset(),
        enemies: Mapping[str, str] | None = None,
        group_homes: Mapping[str, str] | None = None,
        parties: PartyTable | None = None,
        contains: Callable[[model.Place, model.Place], bool] | None = None,
        denials: frozenset[str] = frozenset(),
    ) -> None:
        self._own_voice = own_voice
        #: Verbs of denial ("deny", "reject"): what the voice itself denies ("we deny targeting
        #: the market") it claims with stance `denies`.
        self._denials = denials
        #: Whether one place lies in another (the gazetteer's hierarchy): a frame claims its
        #: smallest places, not the areas they lie in.
        self._contains = contains
        #: Country codes of states that are parties, and the words of local offices: a local
        #: office there speaks for that side.
        self._states = states
        self._local_offices = local_offices
        #: Each party's one enemy, for "the enemy" in its words.
        self._enemies = dict(enemies or {})
        #: The country each armed group is based in: a place read elsewhere is doubtful.
        self._group_homes = dict(group_homes or {})
        self._parties = parties

    def _area_of(self, outer: model.Place, inner: model.Place) -> bool:
        """Whether `outer` is an area (`_AREA_KINDS`) another place of the frame lies in."""
        if self._contains is None or inner.id == outer.id or outer.kind not in _AREA_KINDS:
            return False
        return inner.kind != "country" and self._contains(outer, inner)

    def __call__(self, ws: Workspace) -> None:
        own = self._own_voice(ws.report.report) if self._own_voice else _outlet_voice(ws)
        claims: list[tuple[model.Span, model.Attribute, str, model.Claim]] = []
        kinds = ws.weapon_kinds()
        for index, finding in enumerate(ws.findings):
            frame_id = ws.finding_frames.get(index)
            if frame_id is None:
                continue
            evidence = ws.span(finding.start, finding.end)
            value = finding.value
            if isinstance(value, model.Quantity) and finding.weapon in kinds:
                value = value.model_copy(update={"counted": kinds[finding.weapon]})
            claims.append(
                (
                    evidence,
                    finding.attribute,
                    frame_id,
                    self._claim(
                        ws,
                        evidence,
                        frame_id,
                        finding.attribute,
                        value,
                        own,
                        negated=finding.negated,
                        note=finding.note,
                        revised=finding.revised,
                    ),
                )
            )
        # The day and place of an event told only as denied are what the denial is about: the
        # speaker denies them with the event, so they neither corroborate nor contradict others.
        for frame in ws.frames:
            for expression in frame.times:
                if expression.interval is None:
                    continue
                stated = expression.timezone if expression.timezone not in (None, "local") else None
                when = model.TimeValue(
                    interval=expression.interval,
                    value=expression.value,
                    clock=expression.clock,
                    timezone=stated,
                )
                claims.append(
                    (
                        expression.span,
                        model.Attribute.TIME,
                        frame.id,
                        self._claim(
                            ws, expression.span, frame.id, model.Attribute.TIME, when, own, negated=frame.denied
                        ),
                    )
                )
            for mention in frame.places:
                if any(self._area_of(mention.place, other.place) for other in frame.places):
                    continue
                where = model.PlaceValue(place=mention.place, precision=mention.precision)
                note = _derived_note(mention) if mention.match == "derived" else None
                claims.append(
                    (
                        mention.span,
                        model.Attribute.PLACE,
                        frame.id,
                        self._claim(
                            ws,
                            mention.span,
                            frame.id,
                            model.Attribute.PLACE,
                            where,
                            own,
                            negated=frame.denied,
                            note=note,
                        ),
                    )
                )
        claims.sort(key=lambda c: (c[0].start, c[0].end, c[1].value))
        # A party's own outlet quotes its own officials (Russian state television's "acting
        # governor" of an occupied region is Russia's); a state outlet of unknown allegiance
        # leaves them unknown; independent outlets are read by the place.
        side = own.affiliation if own.affiliation in self._states else None
        if side is None and own.kind not in _STATE_VOICES:
            side = self._home_side(ws)
        sided = [claim.model_copy(update={"source": self._local_side(claim.source, side)}) for *_, claim in claims]
        sided = [_own_claim(claim) for claim in self._state_forces_named(ws, sided)]
        sided = [c for c in (_own_side_named(claim) for claim in sided) if c is not None]
        kept = [c for c in (self._enemy_named(claim, side) for claim in sided) if c is not None]
        kept = _without_generic_retellings(kept)
        kept = _without_default_methods(kept)
        ws.claims = [claim.model_copy(update={"id": f"{ws.report_id}:c{n}"}) for n, claim in enumerate(kept, 1)]

    def _enemy_named(self, claim: model.Claim, home: str | None) -> model.Claim | None:
        """ "The enemy attacked the city": the one party the claim's source is at war with, or
        no claim when its side, or that side's single enemy, is unknown. A local outlet or
        channel of no side writing "enemy drone targets a car" in its own voice writes as its
        country does: the side is `home`, the state where all the report's events happen."""
        value = claim.value
        if claim.attribute != model.Attribute.RESPONSIBLE_PARTY or not isinstance(value, model.Label):
            return claim
        if value.code != ENEMY:
            return claim
        side = claim.source.affiliation
        if side is None and claim.source.kind in _LOCAL_MEDIA:
            side = home
        enemy = self._enemies.get(side or "")
        return claim.model_copy(update={"value": value.model_copy(update={"code": enemy})}) if enemy else None

    def _state_forces_named(self, ws: Workspace, claims: list[model.Claim]) -> list[model.Claim]:
        """ "The security forces struck", "a drone of the junta": whose forces, first match wins:

        1. the claim's source's own state, when the source speaks for a state (an official,
           military or state-media voice: "the air force" in an army's statement is its own);
        2. the one state other than the place's that the report names as the actor in passages
           about the same country ("Israeli jets struck Hodeidah ... the military said its jets
           hit the port": Israel's); with two such states, nobody;
        3. the state whose territory the passage's events are in, when it is a party state and
           the report names no other state at all (a report that names a foreign state leaves
           "the army" unsure): the frame's one country, or for a frame without a place, the
           report's one country, else the one state the report names.
        A government named without its state ("the junta", "the regime") is what its opponents
        call it: never in a state's own voice (Israeli officials' "the regime" is Iran's, or
        another's).
        Otherwise no claim: a party is never guessed.
        """
        countries = {frame.id: _countries(frame.places) for frame in ws.frames}
        groups = {frame.id: {self._group_homes.get(code) for code in frame.actors} - {None} for frame in ws.frames}
        mentioned = self._states_named(ws)

        def trusted(country: str | None, frame_id: str | None = None) -> str | None:
            # A place in a country the report never names while it names others ("Cité Soleil" read
            # in the US in a report about Haiti), or away from the armed group named with it ("Mir
            # Ali" read in India in a passage about the TTP), is doubtful.
            if country is None or (mentioned and country not in mentioned):
                return None
            return country if frame_id is None or groups.get(frame_id, set()) <= {country} else None

        def country_of(frame_id: str) -> str | None:
            own = countries.get(frame_id, set())
            return trusted(next(iter(own)), frame_id) if len(own) == 1 else None

        everywhere = set().union(*countries.values()) if countries else set()
        report_country = trusted(next(iter(everywhere))) if len(everywhere) == 1 else None
        if not everywhere and len(mentioned) == 1:
            report_country = next(iter(mentioned))
        named = [
            (claim.value.code, country_of(claim.frame_id))
            for claim in claims
            if claim.attribute == model.Attribute.RESPONSIBLE_PARTY
            and isinstance(claim.value, model.Label)
            and claim.value.code in self._states
        ]
        kept = []
        for claim in claims:
            value = claim.value
            if not isinstance(value, model.Label) or value.code not in {STATE_FORCES, STATE_RULERS}:
                kept.append(claim)
                continue
            rulers = value.code == STATE_RULERS
            code: str | None = None
            state_voice = claim.source.affiliation in self._states and claim.source.kind in _STATE_VOICES
            if state_voice:
                # a state's own forces; its "regime" is someone else's, whose is not said
                code = None if rulers else claim.source.affiliation
            elif countries.get(claim.frame_id):
                place = country_of(claim.frame_id)
                foreign = {named_code for named_code, where in named if named_code != place and where == place}
                if place is not None and foreign:
                    code = next(iter(foreign)) if len(foreign) == 1 else None
                elif place in self._states and mentioned <= {place}:
                    code = place
            elif report_country in self._states and mentioned <= {report_country}:
                code = report_country
            if code is not None:
                kept.append(claim.model_copy(update={"value": value.model_copy(update={"code": code})}))
        return kept

    def _states_named(self, ws: Workspace) -> frozenset[str]:
        """The states the report names, but not by where it was filed: the "NAIROBI" of a
        dateline over a story from Ethiopia names no state of the story."""
        if self._parties is None:
            return frozenset()
        text = ws.doc.text
        filed = [p.span for p in ws.places if p.role == model.PlaceRole.REPORTING]
        return frozenset(
            m.code
            for m in self._parties.mentions(text)
            if m.code in self._states
            and not any(f.start <= m.start < f.end for f in filed)
            and not _dateline(text, m.start, m.end)
        )

    def _local_side(self, source: model.Source, side: str | None) -> model.Source:
        if side is None or source.affiliation is not None or source.kind != model.SourceKind.OFFICIAL:
            return source
        words = set(re.findall(r"[a-z]+", (source.description or source.name).lower()))
        return source.model_copy(update={"affiliation": side}) if words & self._local_offices else source

    def _home_side(self, ws: Workspace) -> str | None:
        """The party state all the report's events happen in, when there is one: its "regional
        governor" and "city officials" speak for that state. None when the events are in several
        countries (an army's statement about a strike across the border is not local), or when
        one of them is not placed at all (it may be across the border)."""
        placed = [
            {m.place.country_code for m in f.places if m.role != model.PlaceRole.REPORTING} for f in ws.frames
        ]
        countries = set().union(*placed)
        country = next(iter(countries)) if len(countries) == 1 and all(placed) else None
        return country if country in self._states else None

    def _claim(
        self,
        ws: Workspace,
        evidence: model.Span,
        frame_id: str,
        attribute: model.Attribute,
        value: model.Quantity | model.Label | model.TimeValue | model.PlaceValue,
        own: model.Source,
        *,
        negated: bool = False,
        note: str | None = None,
        revised: bool = False,
    ) -> model.Claim:
        attribution = _innermost(ws.attributions, evidence)
        sentence = _sentence(ws, evidence)
        if attribution is None:
            attribution = _continued(ws, sentence)
        hedges = _hedges(sentence)
        attribution_id: str | None = None
        via: tuple[model.Source, ...] = ()
        if attribution is not None:
            hedges = tuple(dict.fromkeys((*attribution.hedges, *hedges)))
            if _is_footage(ws, attribution):
                # "Images captured in another video appear to show ...": footage, not a speaker
                source, stance, attribution_id = FOOTAGE_SOURCE, model.Stance.REPORTS, attribution.id
            elif attribution.source.key.startswith((DOCUMENT_PREFIX, HEDGE_PREFIX)):
                # "according to initial statistics", "reportedly": a document that names no author,
                # or a hedge on the report's own words, leaves the statement the report's
                source, stance = own, attribution.stance
            else:
                source, via, stance = attribution.source, attribution.via, attribution.stance
                attribution_id = attribution.id
        elif _about_footage(ws, evidence):
            source, stance = FOOTAGE_SOURCE, model.Stance.REPORTS
        else:
            source, stance = own, model.Stance.ASSERTS
        if stance == model.Stance.ASSERTS and _denied_in_own_words(ws, evidence, self._denials):
            stance = model.Stance.DENIES
        if negated:
            stance = model.Stance.ASSERTS if stance == model.Stance.DENIES else model.Stance.DENIES
        elif stance == model.Stance.ASSERTS and hedges:
            stance = model.Stance.REPORTS if set(hedges) & _REPORTED else model.Stance.SPECULATES
        return model.Claim(
            id="pending",
            report_id=ws.report_id,
            frame_id=frame_id,
            attribute=attribute,
            value=value,
            stance=stance,
            source=source,
            via=tuple(via),
            evidence=evidence,
            hedges=hedges,
            attribution_id=attribution_id,
            in_caption=ws.report.role_at(evidence.start) == model.ParagraphRole.CAPTION,
            note=note,
            revised=revised,
        )


def _own_side_named(claim: model.Claim) -> model.Claim | None:
    """ "Our forces struck the depot", "the mujahideen stormed the barracks": the side of the claim's
    source, or no claim when the source has none."""
    value = claim.value
    if not isinstance(value, model.Label) or value.code != OWN_SIDE:
        return claim
    side = claim.source.affiliation
    return claim.model_copy(update={"value": value.model_copy(update={"code": side})}) if side else None


def _own_claim(claim: model.Claim) -> model.Claim:
    """ "The group claimed the attack": "claimed" is the group's own word for owning up, not the
    outlet's distance, so the group asserts its responsibility."""
    value = claim.value
    if (
        claim.attribute == model.Attribute.RESPONSIBLE_PARTY
        and isinstance(value, model.Label)
        and claim.stance == model.Stance.REPORTS
        and claim.source.affiliation == value.code
        and set(claim.hedges) <= {"claimed"}
    ):
        return claim.model_copy(update={"stance": model.Stance.ASSERTS})
    return claim


#: What follows a wire dateline's city: "NAIROBI, Nov 5 (Agency) -", "KYIV (AP) —".
_DATELINE_TAIL = re.compile(r"^[^\n]{0,40}?(?:\(|\s[-\u2013\u2014]\s)")


def _dateline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a dateline's city: upper-case, opening a line, followed soon by
    the agency's bracket or a dash. (Place extraction may drop the place itself as far from
    the story, but its words must not name a state of the story either.)"""
    word = text[start:end]
    opens_line = text[text.rfind("\n", 0, start) + 1 : start].strip() == ""
    return word.isupper() and len(word) > 2 and opens_line and bool(_DATELINE_TAIL.match(text[end:]))


def _countries(places: Sequence[model.PlaceMention]) -> set[str]:
    """The countries of a passage's event places (not where the report was filed)."""
    return {m.place.country_code for m in places if m.role != model.PlaceRole.REPORTING and m.place.country_code}


_STATE_VOICES = frozenset({model.SourceKind.STATE_MEDIA, model.SourceKind.OFFICIAL, model.SourceKind.MILITARY})
#: Voices of no side that write of "the enemy" as their country does (a local paper or channel).
_LOCAL_MEDIA = frozenset({model.SourceKind.INDEPENDENT_MEDIA, model.SourceKind.SOCIAL_MEDIA})


def _is_footage(ws: Workspace, attribution: model.Attribution) -> bool:
    """Whether the source is footage: the head of its words where the report has them ("unverified
    videos sent to the channel", not "media outlets working to tarnish the image of the State"),
    else any word of its description."""
    span = ws.char_span(attribution.source_span) if attribution.source_span is not None else None
    if span is not None and len(span):
        return span.root.lower_ in _FOOTAGE
    source = attribution.source
    words = (source.description or source.name).lower().replace(".", " ").split()
    return bool(set(words) & _FOOTAGE)


def _outlet_voice(ws: Workspace) -> model.Source:
    outlet = ws.report.report.outlet
    name = outlet or "the report's outlet"
    key = "outlet:" + (outlet.lower().replace(" ", "-") if outlet else ws.report_id)
    return model.Source(key=key, name=name, kind=model.SourceKind.INDEPENDENT_MEDIA, description="the report itself")


def _innermost(attributions: Sequence[model.Attribution], evidence: model.Span) -> model.Attribution | None:
    containing = [
        a for a in attributions if a.content_span.start <= evidence.start and evidence.end <= a.content_span.end
    ]
    if not containing:
        # Evidence that holds an attribution's cue and runs on past it tells of that attribution
        # in an outer voice ("the allegations that civilians were targeted are propaganda")
        containing = [a for a in attributions if a.content_span.overlaps(evidence) and not _told_of(a, evidence)]
    if not containing:
        return None
    return min(containing, key=lambda a: a.content_span.end - a.content_span.start)


def _told_of(attribution: model.Attribution, evidence: model.Span) -> bool:
    """Whether evidence holds the attribution's cue and reaches beyond all its words."""
    cue = attribution.cue_span
    if cue is None or not (evidence.start <= cue.start and cue.end <= evidence.end):
        return False
    spans = [s for s in (attribution.source_span, cue, attribution.content_span) if s is not None]
    return evidence.start < min(s.start for s in spans) or evidence.end > max(s.end for s in spans)


def _without_generic_retellings(claims: list[model.Claim]) -> list[model.Claim]:
    """ "Two Iskander-M ballistic missiles hit the port ... the missiles struck at 10:50": a
    generic weapon word (the code its category is named by: drone, missile, rocket) that a
    source uses in a frame where the same source names a model of that category, with the same
    stance, is that weapon told again, not a second one."""

    def generic(c: model.Claim) -> bool | None:
        if c.attribute != model.Attribute.WEAPON or not isinstance(c.value, model.Label) or not c.value.category:
            return None
        return c.value.code == c.value.category

    def key(c: model.Claim) -> Hashable:
        return c.frame_id, c.source.key, c.stance, c.value.category if isinstance(c.value, model.Label) else None

    return _yielding(claims, generic, key)


def _without_default_methods(claims: list[model.Claim]) -> list[model.Claim]:
    """ "Two drones were shot down by the Army ... troops brought them down with small arms
    fire": an interception method read from the verb alone ("shot down": air defence) yields to
    a means a source of the same side names for the same frame, with the same stance. Opposing
    sides keep theirs: "shot down" against "jammed" may be their dispute."""

    def from_verb(c: model.Claim) -> bool | None:
        return c.note == VERB_ALONE if c.attribute == model.Attribute.INTERCEPTION_METHOD else None

    return _yielding(claims, from_verb, lambda c: (c.frame_id, c.source.affiliation, c.stance))


def _yielding(
    claims: list[model.Claim],
    weak: Callable[[model.Claim], bool | None],
    key: Callable[[model.Claim], Hashable],
) -> list[model.Claim]:
    """The claims without each weak one (`weak` true) that a strong one (`weak` false) shares
    its key with; claims `weak` says nothing of (None) stay."""
    strong = {key(c) for c in claims if weak(c) is False}
    return [c for c in claims if not (weak(c) and key(c) in strong)]


def _continued(ws: Workspace, sentence: SpacySpan) -> model.Attribution | None:
    """ "Some 15 rockets were fired at the area of Shlomi, the IDF said. Several were intercepted
    and the rest fell in open areas.": a sentence that names no source of its own, right after
    one that ends with what a named source said, in the same paragraph, goes on with that
    statement (as news writing continues indirect speech). Not after a quote, nor across a
    sentence that has an attribution of its own.

    A denial goes on as the speaker's own telling: "The ministry rejects the claim that a drone
    attacked the post. The army did not carry out any attack on it." denies the attack once,
    in the second sentence's own words; the rejection's scope ended with its sentence."""
    if not len(sentence) or sentence.start == 0:
        return None
    paragraph = ws.report.paragraph_at(sentence.start_char)
    if paragraph is None or paragraph.start >= sentence.start_char:
        return None
    if any(_touches(a, sentence.start_char, sentence.end_char) for a in ws.attributions):
        return None
    if _speaks_of_a_statement(sentence):
        return None
    previous = ws.doc[sentence.start - 1].sent
    if previous.start_char < paragraph.start:
        return None
    told = [
        a
        for a in ws.attributions
        if previous.start_char <= a.content_span.start
        and a.content_span.end <= previous.end_char
        and a.source_span is not None
        and not a.quote
        and not a.source.key.startswith((DOCUMENT_PREFIX, HEDGE_PREFIX))
        and a.source.kind not in _NO_VOICE
    ]
    if len(told) != 1:
        return None
    if told[0].stance == model.Stance.DENIES:
        return told[0].model_copy(update={"stance": model.Stance.ASSERTS})
    return told[0]


def _speaks_of_a_statement(sentence: SpacySpan) -> bool:
    """ "... have claimed that a missile caused the explosions. Residents who watched the bombs come
    down find the claim insulting.": a sentence that names the statement ("the claim", "these
    allegations") tells about it, in the report's own voice, rather than going on with it."""
    return any(
        t.pos_ == "NOUN"
        and t.lemma_.lower() in _STATEMENT_NOUNS
        and any(c.dep_ == "det" and c.lower_ in _POINTING for c in t.children)
        for t in sentence
    )


_STATEMENT_NOUNS = frozenset(
    {"claim", "statement", "allegation", "accusation", "assertion", "version", "account", "denial"}
)
_POINTING = syntax.DEFINITE_DETERMINERS | {"such"}

#: Sources whose statement a following sentence does not go on with: nobody in particular.
_NO_VOICE = frozenset({model.SourceKind.ANONYMOUS, model.SourceKind.UNKNOWN})


def _denied_in_own_words(ws: Workspace, evidence: model.Span, denials: frozenset[str]) -> bool:
    """ "We categorically deny targeting the market": the voice speaking denies in the first
    person, which no attribution reads (the report, or the speaker it quotes, speaking for
    itself). What the denial verb governs, and the denial itself, are denied."""
    span = ws.char_span(evidence)
    if span is None or not denials:
        return False
    token = span.root
    while True:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in denials:
            return any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in token.children)
        if token.dep_ in _ASIDES or token.head.i == token.i:
            return False  # "we reject the claims of the army, which killed 12": the killing is told
        token = token.head


_FIRST_PERSON = frozenset({"we", "i"})
#: Arcs by which a clause hangs on a word as an aside, not as what a verb governs.
_ASIDES = frozenset({"relcl", "acl", "appos", "advcl", "parataxis"})


def _touches(attribution: model.Attribution, start: int, end: int) -> bool:
    spans = [attribution.content_span, attribution.source_span, attribution.cue_span]
    return any(span is not None and span.start < end and start < span.end for span in spans)


def _sentence(ws: Workspace, evidence: model.Span) -> SpacySpan:
    span = ws.char_span(evidence)
    if span is None:
        return ws.doc[0:0]
    return span.root.sent


def _hedges(sentence: SpacySpan) -> tuple[str, ...]:
    found = []
    for token in sentence:
        word = token.lower_
        if word in {"may", "might"} and token.tag_ != "MD":
            continue  # the month of May
        if word == "claimed" and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in token.children):
            continue  # "the strike claimed the lives of seven people" tells deaths, not a claim
        if word in _SPECULATIVE or word in _REPORTED:
            found.append(word)
    text = sentence.text.lower()
    for phrase in (
        "it is claimed",
        "it is suspected",
        "it is believed",
        "could not be verified",
        "could not immediately verify",
        "not independently verified",
    ):
        if phrase in text:
            found.append(phrase)
    return tuple(dict.fromkeys(found))


def _about_footage(ws: Workspace, evidence: model.Span) -> bool:
    """ "A video shows X", "images appear to show X": the footage is the source of X.

    Only for words inside what the footage is said to show, not for the rest of a
    sentence that merely mentions a video.
    """
    span = ws.char_span(evidence)
    if span is None:
        return False
    for token in span.root.sent:
        if token.lower_ in _FOOTAGE and token.dep_ in {"nsubj", "nsubjpass"}:
            verb = token.head
            start, end = verb.left_edge.i, verb.right_edge.i + 1
            shown = [c for c in verb.subtree if c.i > verb.i]
            if shown and start <= span.start and span.end <= end and span.start > token.i:
                return True
    return False


def _derived_note(mention: model.PlaceMention) -> str:
    """Why a place not named by these words is claimed: the report's one town lent to a passage
    that names none, or a phrase read as a place ("the capital", an unlisted zone of a commune)."""
    if name_key(mention.span.text) == name_key(mention.place.name):
        return "the passage names no place; the report's events are all in this one town"
    return f"'{mention.span.text}' is coded as {mention.place.name}"


#: Kinds of area a frame's place may lie in ("Liski, Voronezh region"): named beside a place in
#: them, they say where that place is, not another place of the event. A city is no such area:
#: ACLED codes a city's districts to the city, so "Kyiv's Darnytskyi district" keeps Kyiv.
_AREA_KINDS = frozenset({"country", "admin1", "region", "historic_region", "district"})
