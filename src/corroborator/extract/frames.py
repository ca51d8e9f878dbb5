"""Report-local incident candidates ("frames"): which event each mention and fact is about.

A report usually describes one main incident and mentions others in passing: an
earlier attack recalled, a ban that followed, a strike elsewhere the same night. Reading
in order, each actual event mention joins the frame under discussion unless the text
says it is a different event:

- its own time or place cannot be the current frame's (another day, another city);
- it is marked as different ("another attack", "an additional strike");
- it belongs to another family (an attack vs the flight ban that followed it).

A mention with no anchors of its own ("the attack", "Two were shot down") continues the
most recent frame of its family. Facts follow the mention the parse ties them to, or
else the frame under discussion at their position. Clock times never split a frame: a
report giving "2:27 pm" and "2:30 am" for one event contradicts itself, which reconcile
reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from typing import ClassVar, TypeVar

from spacy.tokens import Doc, Span, Token

from corroborator import model
from corroborator.extract import syntax
from corroborator.extract.actors import PLACEHOLDERS
from corroborator.extract.events import opens_days_after
from corroborator.extract.gazetteer import Gazetteer, distinct_sites
from corroborator.extract.settlements import heading_country
from corroborator.extract.times import (
    WeekdayReading,
    clocks_on_the_day,
    in_dateline,
    most_precise,
    names_no_day,
    weekday_reading,
    weekdays_agree,
)
from corroborator.extract.workspace import EventHit, Finding, Workspace
from corroborator.normalise.timex import default_time_lexicon

_CLASS_PRIORITY = (
    "attack",
    "explosion",
    "casualty",
    "violence_against_civilians",
    "clash",
    "intercept",
    "crash",
    "find",
    "incident",
    "ban",
    "deploy",
)


@dataclass
class _Draft:
    index: int
    family: str
    hits: list[EventHit] = field(default_factory=list)
    times: list[model.TimeExpression] = field(default_factory=list)
    places: list[model.PlaceMention] = field(default_factory=list)
    findings: list[int] = field(default_factory=list)
    #: Told only as denied ("the army did not strike the hospital in Kherson on Sunday").
    denied: bool = False


class FrameBuilder:
    """Group a report's event mentions and findings into report-local incident candidates."""

    name: ClassVar[str] = "frames"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "events", "findings", "times", "places"})
    assigns: ClassVar[frozenset[str]] = frozenset({"frames", "finding_frames"})

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        weapon_subtypes: Mapping[str, str] | None = None,
        response_phrases: Sequence[tuple[str, ...]] = (),
        armed_groups: frozenset[str] = frozenset(),
    ) -> None:
        self.gazetteer = gazetteer
        #: Codes of the parties that are armed groups: one named as an attack's agent
        #: ("al-Shabaab attacked the village") makes a weaponless attack a ground attack.
        self.armed_groups = armed_groups
        #: weapon category → ACLED sub-type, for frames whose attack words name no weapon
        self.weapon_subtypes = dict(weapon_subtypes or {})
        #: "in response to ...": phrases naming the earlier event an action answers
        self.response_phrases = tuple(response_phrases)
        self._sides: dict[int, set[str]] = {}
        self._headings: dict[int, str] = {}
        #: event token → its paragraph, for events told in a stamped entry (see `_entry_stamps`)
        self._entry_of: dict[int, int] = {}

    def __call__(self, ws: Workspace) -> None:
        drafts: list[_Draft] = []
        frame_of_token: dict[int, _Draft] = {}
        times_by_token = _times_by_token(ws)
        places_by_token = _places_by_token(ws)
        responses = _response_phrases(ws.doc, self.response_phrases)
        # "In response to the aggression on the town of X, the fighters fired ...": X is the
        # earlier attack's place, not the response's
        outside_responses = {i: p for i, p in places_by_token.items() if i not in responses}
        sentence_families = _sentence_families(ws.events)
        lead_ins = _LeadIns(ws, times_by_token, places_by_token)
        fronted = _fronted_times(ws, times_by_token)
        said_when = _dated_sayings(ws)
        stamps = _entry_stamps(ws, times_by_token)
        self._entry_of = {
            h.token: paragraph
            for h in ws.events
            if (paragraph := ws.report.paragraph_index(ws.doc[h.token].idx)) in stamps
        }
        self._sides = _sides_by_token(ws)
        countries = [p for p in ws.places if p.place.kind == "country"]
        self._headings = {
            h.token: code
            for h in ws.events
            if (code := heading_country(ws.doc[h.token].idx, countries, ws.report)) is not None
        }
        event_tokens = {h.token for h in ws.events}
        for hit in ws.events:
            if hit.mention.modality != model.Modality.ACTUAL:
                continue
            token = ws.doc[hit.token]
            if hit.anaphoric and sentence_families.get(hit.mention.sentence.start, {hit.family}) - {hit.family}:
                continue  # "As a result of the attack, the mayor banned ...": a back-reference
            rivals = [
                ws.doc[h.token]
                for h in ws.events
                if h.token != hit.token
                and h.mention.modality == model.Modality.ACTUAL
                and ws.doc[h.token].sent.start == token.sent.start
            ]
            times = _attached(token, times_by_token)  # "overnight" serves every conjoined event
            times = [
                t
                for t in times
                if not _in_rival_clause(ws, t, token, rivals)
                and not _dates_inner_event(ws, t, token, rivals)
                and not _in_earlier_clause(ws, t, token)
            ]
            times = _counted_back(ws, token, times)
            if not _timed(times):
                times = [*times, *_head_clause_times(token, times_by_token)]
            if not _timed(times):
                times = [*times, *fronted.get(token.sent.start, [])]
            if not _timed(times) and not rivals and not hit.anaphoric:
                times = [*times, *_stranded_times(ws, token, times_by_token)]
            own_places = places_by_token if token.i in responses else outside_responses
            places = _attached(token, own_places, rivals, coarse=_is_country, clause_events=event_tokens)
            lead_times, lead_places = lead_ins.take(token)
            if hit.another or hit.anaphoric:
                lead_times, lead_places = [], []  # a new topic opens its own scene; "the attack" refers back
            if token.sent.start in said_when:
                lead_times = []  # "the army said on Saturday it had struck ...": dated before the saying
            times = times if _timed(times) else [*times, *lead_times]
            places = (
                places or _where_place(ws, token, own_places) or _labelled_place(ws, token, own_places) or lead_places
            )
            places = self._with_parts_named_before(ws, places, own_places)
            filed = [r for r in rivals if r.i in frame_of_token]
            nearest = min(filed, key=lambda r: syntax.tree_distance(r, token), default=None)
            beside = frame_of_token[nearest.i] if nearest is not None else None
            draft = self._choose(
                drafts, hit, times, places, kind=_weapon_kind(ws, hit), beside=beside, spot=_in_phrase(token, places)
            )
            if draft is None:
                draft = _Draft(index=len(drafts), family=hit.family)
                drafts.append(draft)
            self._file(draft, hit, times, places, frame_of_token)
        self._add_denials(ws, drafts, frame_of_token, times_by_token, outside_responses)
        if not drafts:
            ws.frames = []
            return
        self._adopt_orphans(ws, drafts, frame_of_token, times_by_token, places_by_token)
        _stamp_untimed(ws, drafts, stamps)
        self._report_town(ws, drafts, outside_responses)
        self._assign_findings(ws, drafts, frame_of_token)
        ws.findings = _resolve_anaphoric_counts(ws, drafts)
        drafts = [d for d in drafts if _grounded(d, ws.findings)]
        if not drafts:
            ws.frames = []
            return
        primary = _primary(ws, drafts)
        ws.frames = [self._frame(ws, d, primary is d) for d in drafts if d.hits]
        ws.finding_frames = {i: f"{ws.report_id}#f{d.index + 1}" for d in drafts for i in d.findings}

    # -- choosing a frame for a mention

    def _choose(
        self,
        drafts: list[_Draft],
        hit: EventHit,
        times: Sequence[model.TimeExpression],
        places: Sequence[model.PlaceMention],
        *,
        kind: str | None = None,
        beside: _Draft | None = None,
        spot: Sequence[model.PlaceMention] = (),
    ) -> _Draft | None:
        """The draft a mention joins; None for a new one. `beside`: the draft of the event
        word nearest this one in its sentence's parse, which an event with no time or place
        of its own belongs with ("jets hit hideouts used by the militants behind Monday's
        attack, and dozens were killed": the killing is the strike's, not Monday's). `spot`:
        the places inside the event word's own phrase ("a strike on the gas plant"), which say
        where a new attack hit better than the clause around it ("cut power to Qamishli")."""
        # Violence mentions of one incident come in many classes (an attack, its
        # interception, the crash); policy events are told apart by class (a flight ban
        # is not an air-defence deployment).
        same_family = [
            d
            for d in reversed(drafts)
            if d.family == hit.family
            and (hit.family != "policy" or d.hits[0].event_class == hit.event_class)
            and not self._other_side(d, hit)
            and not self._other_heading(d, hit)
        ]
        if not same_family:
            return None
        current = same_family[0]
        if hit.another:
            # A new event, unless its anchors positively match an earlier one.
            for draft in same_family[1:]:
                if self._positively_matches(draft, times, places):
                    return draft
            return None
        if hit.new_unless_same_spot and places:
            # "Another drone hit the gas plant near Rmelan": another attack, unless where an
            # earlier one hit (the same town, or near it)
            return next((d for d in same_family if self._positively_matches(d, times, spot or places)), None)
        if not times and not places:
            return _same_weapon(same_family, kind) or (beside if beside in same_family else current)
        compatible = [
            d
            for d in same_family
            if self._compatible(d, times, places) and self._same_spot_if_new_entry(d, hit, places)
        ]
        if not compatible:
            return None
        unplaced = bool(places) and all(m.place.latitude is None for m in places)
        close = [d for d in compatible if unplaced and d.places and self._places_close(d.places, places)]
        if close and compatible[0] not in close:
            # the latest frame is merely not ruled out ("in Guzang", a village of no known
            # position, after a blast in Batibo): an earlier frame at that very spot is its own
            compatible = close
        compatible = _holding_the_clock(compatible, times) or compatible
        return _same_weapon(compatible, kind) or compatible[0]

    def _same_spot_if_new_entry(self, draft: _Draft, hit: EventHit, places: Sequence[model.PlaceMention]) -> bool:
        """A channel's or live blog's entries are posts of their own: an event a new entry
        places joins an earlier entry's frame only at the same spot ("[15:12] a drone targets
        a car at the entrance of Bint Jbeil ... [15:47] a drone fired at a motorcycle on the
        outskirts of Aitaroun" are two strikes; "[06:20] drones hit the Kyivskyi district"
        updates "[02:05] a hit on a building in the Kyivskyi district")."""
        entry = self._entry_of.get(hit.token)
        if entry is None or not places or not draft.places:
            return True
        if any(self._entry_of.get(h.token) == entry for h in draft.hits):
            return True
        return self._places_close(draft.places, places)

    def _other_heading(self, draft: _Draft, hit: EventHit) -> bool:
        """ "Ukraine. Drones hit Kharkiv ... Russia. The General Staff claimed two hits on a
        refinery": a round-up files each country's news under its own heading, so events under
        different country headings are different incidents."""
        mine = self._headings.get(hit.token)
        theirs = {self._headings[h.token] for h in draft.hits if h.token in self._headings}
        return mine is not None and bool(theirs) and mine not in theirs

    def _other_side(self, draft: _Draft, hit: EventHit) -> bool:
        """ "An Israeli drone strike killed two ... Hezbollah fired rockets at a base": attacks
        whose own words name different attackers are different incidents (a strike and the
        retaliation for it), however close in time and place."""
        mine = self._sides.get(hit.token, set())
        theirs = set().union(*(self._sides.get(h.token, set()) for h in draft.hits))
        return bool(mine and theirs and not mine & theirs)

    def _compatible(
        self,
        draft: _Draft,
        times: Sequence[model.TimeExpression],
        places: Sequence[model.PlaceMention],
    ) -> bool:
        return self._times_compatible(draft.times, times) and self._places_compatible(draft.places, places)

    def _positively_matches(
        self,
        draft: _Draft,
        times: Sequence[model.TimeExpression],
        places: Sequence[model.PlaceMention],
    ) -> bool:
        if not (times or places):
            return False
        # "Another attack" the same night is usually elsewhere: only a place match (with a
        # compatible time, if any) brings it back to an earlier frame, and a town of the same
        # region is elsewhere ("another drone hit the gas plant near Rmelan", after Amuda).
        place_ok = bool(places) and bool(draft.places) and self._places_close(draft.places, places)
        time_ok = not times or self._times_compatible(draft.times, times)
        return place_ok and time_ok

    @staticmethod
    def _times_compatible(a: Sequence[model.TimeExpression], b: Sequence[model.TimeExpression]) -> bool:
        """Whether the most precise readings of each side can meet.

        "Earlier this week, on the night from Tuesday to Wednesday" overlaps a Sunday through
        its vague week, but its night does not: the precise words decide.
        """
        dated_a, dated_b = most_precise(_dated(a)), most_precise(_dated(b))
        if dated_a and dated_b:
            return any(x.overlaps(y, slack=_slack(x, y)) for x in dated_a for y in dated_b)
        # A report with no date tells its days by weekday: "on Thursday ... the next day,
        # Friday" are two days, though neither is on the calendar.
        return weekdays_agree(_weekdays(a), dated_a, _weekdays(b), dated_b) is not False

    def _places_compatible(self, a: Sequence[model.PlaceMention], b: Sequence[model.PlaceMention]) -> bool:
        """Whether the places can be one event's. The most specific places decide: a frame
        in Kyiv is not Odesa's because both lie in Ukraine."""
        if not a or not b:
            return True
        inner_a, inner_b = self._innermost(a), self._innermost(b)
        if inner_a and inner_b and all(distinct_sites(x.place, y.place) for x in inner_a for y in inner_b):
            return False  # "the Sarsang oil field" (in Duhok) and "the Khurmala field" (anywhere)
        specific_a, specific_b = _specific(a), _specific(b)
        if specific_a and specific_b and not (_wave(specific_a) or _wave(specific_b)):
            a, b = specific_a, specific_b
        return any(self.same_area(x.place, y.place) for x in a for y in b)

    def _places_close(self, a: Sequence[model.PlaceMention], b: Sequence[model.PlaceMention]) -> bool:
        """Like `_places_compatible`, but the innermost places must be one spot: the same place,
        one inside the other, or near by their coordinates; not merely one region, and not a
        place of unknown position ("near Rmelan", a town no gazetteer lists)."""
        inner_a, inner_b = self._innermost(a), self._innermost(b)
        if not (inner_a and inner_b):
            return self._places_compatible(a, b)
        return any(self.gazetteer.one_area(x.place, y.place, unplaced_anywhere=False) for x in inner_a for y in inner_b)

    def _with_parts_named_before(
        self, ws: Workspace, places: list[model.PlaceMention], candidates: dict[int, model.PlaceMention]
    ) -> list[model.PlaceMention]:
        """ "In the locality of El Aguaje, municipality of Aguililla, where drones dropped
        explosives": the parse hangs the event on the container named last; the place inside it
        named just before, in the same sentence, is where it happened."""
        found = list(places)
        for outer in places:
            named = ws.doc.char_span(outer.span.start, outer.span.end, alignment_mode="expand")
            if named is None or outer.place.kind == "country":
                continue
            for inner in _named_just_before(outer, candidates.values(), named.sent.start_char):
                if inner not in found and inner.place.id != outer.place.id and self.gazetteer.contains(
                    outer.place, inner.place
                ):
                    found.append(inner)
        return found

    def _innermost(self, places: Sequence[model.PlaceMention]) -> list[model.PlaceMention]:
        """The specific places that hold none of the others ("Myrhorod", not "Poltava region")."""
        specific = _specific(places)
        return [
            p
            for p in specific
            if not any(q.place.id != p.place.id and self.gazetteer.contains(p.place, q.place) for q in specific)
        ]

    def _compatible_places(self, draft: _Draft, places: Sequence[model.PlaceMention]) -> list[model.PlaceMention]:
        """The places a mention adds to a frame it joins: "strikes on Kyiv and Odesa" joining
        the Odesa frame does not bring Kyiv into it."""
        own = _specific(draft.places)
        if not own:
            return list(places)
        if _wave(_specific(places)):
            return []  # the reach of the night's wave, not where this incident happened
        return [p for p in places if p.place.kind == "country" or any(self.same_area(p.place, q.place) for q in own)]

    def same_area(self, a: model.Place, b: model.Place) -> bool:
        """One place contains the other, or they are close enough to be one event's area.

        Within one report, two places of the same region are one area too: a wave of drones
        "shot down over nine regions, including Poltava" and hitting Kremenchuk is told as
        one night; a writer who means two events says so ("another", "separately").
        """
        same_region = bool(a.admin1) and a.admin1 == b.admin1 and a.country_code == b.country_code
        return same_region or self.gazetteer.one_area(a, b)

    # -- denials

    def _add_denials(
        self,
        ws: Workspace,
        drafts: list[_Draft],
        frame_of_token: dict[int, _Draft],
        times_by_token: dict[int, model.TimeExpression],
        places_by_token: dict[int, model.PlaceMention],
    ) -> None:
        """ "The army said it did not carry out any drone strike on the wedding in X on Sunday":
        when a report tells an incident only through a denial, the denial is its frame, so that it
        joins the incident other reports tell and its denied party contradicts their blame.

        Only a denial of one occasion (see `EventHit.denial`) anchored by its own words: a place,
        a day, or a determined target ("the hospital", not "civilians"). A denial whose anchors
        fit a frame of the report's actual mentions is about that event and makes no frame: its
        findings follow it there by position, as they always have. Denials come after the actual
        mentions, so they never take a frame number from them.
        """
        for hit in ws.events:
            if not hit.denial or hit.family != "violence":
                continue
            token = ws.doc[hit.token]
            times = [t for t in _attached(token, times_by_token) if _names_a_day(t)]
            places = _specific(_attached(token, places_by_token, coarse=_is_country))
            if not (times or places or self._denied_targets(ws, hit)):
                continue  # "there was no attack": no occasion of its own to deny
            kind = _weapon_kind(ws, hit)
            if self._choose([d for d in drafts if not d.denied], hit, times, places, kind=kind) is not None:
                continue
            draft = self._choose([d for d in drafts if d.denied], hit, times, places, kind=kind)
            if draft is None:
                draft = _Draft(index=len(drafts), family=hit.family, denied=True)
                drafts.append(draft)
            self._file(draft, hit, times, places, frame_of_token)

    def _file(
        self,
        draft: _Draft,
        hit: EventHit,
        times: Sequence[model.TimeExpression],
        places: Sequence[model.PlaceMention],
        frame_of_token: dict[int, _Draft],
    ) -> None:
        """Put a mention in a frame with its anchors (the places the frame's own allow)."""
        draft.hits.append(hit)
        draft.times.extend(t for t in times if t not in draft.times)
        draft.places.extend(p for p in self._compatible_places(draft, places) if p not in draft.places)
        frame_of_token[hit.token] = draft

    @staticmethod
    def _denied_targets(ws: Workspace, hit: EventHit) -> list[Finding]:
        """The determined targets a denial names ("did not strike the hospital", "a market"):
        a bare plural ("we do not attack civilians") is a class of targets, not an occasion."""
        found = []
        for finding in ws.findings:
            if finding.attribute != model.Attribute.TARGET or finding.event_token != hit.token:
                continue
            noun = ws.doc[finding.start : finding.end].root
            if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DETERMINERS) for c in noun.children):
                found.append(finding)
        return found

    # -- anchors in sentences without an event word

    def _adopt_orphans(
        self,
        ws: Workspace,
        drafts: list[_Draft],
        frame_of_token: dict[int, _Draft],
        times_by_token: dict[int, model.TimeExpression],
        places_by_token: dict[int, model.PlaceMention],
    ) -> None:
        """Scene-setting sentences ("At 7:40 on Saturday, the driver was on his route through
        Kherson's Dniprovskyi district") carry the time and place of the event told next.

        Only to fill a gap: an anchor in a sentence with no actual event word goes to a frame
        that has no anchor of that kind yet, with a mention in the same paragraph or in the
        paragraph right after (the lead-in), and never a dateline's date.
        """
        mention_sentences = {ws.doc[t].sent.start for t in frame_of_token}

        def paragraph_of(token: int) -> int:
            return ws.report.paragraph_index(ws.doc[token].idx)

        mentions_by_paragraph: dict[int, list[int]] = {}
        for t in frame_of_token:
            mentions_by_paragraph.setdefault(paragraph_of(t), []).append(t)
        orphans: list[tuple[int, model.TimeExpression | model.PlaceMention]] = [
            (i, t) for i, t in times_by_token.items() if _names_a_day(t) or _bare_clock(t)
        ] + list(places_by_token.items())
        apart = {
            model.ParagraphRole.DATELINE,
            model.ParagraphRole.BYLINE,
            model.ParagraphRole.CREDIT,
        }
        for token, anchor in sorted(orphans, key=lambda o: o[0]):
            if ws.report.role_at(ws.doc[token].idx) in apart:
                continue
            if ws.doc[token].sent.start in mention_sentences or not _narrative(ws.doc[token].sent, times_by_token):
                continue  # not theirs, or background ("the ports are used to ... through Romania")
            paragraph = paragraph_of(token)
            if paragraph in mentions_by_paragraph:
                nearby = mentions_by_paragraph[paragraph]
                target = frame_of_token[min(nearby, key=lambda t: abs(t - token))]
            elif (
                isinstance(anchor, model.TimeExpression)
                and _bare_clock(anchor)
                and paragraph - 1 in mentions_by_paragraph
            ):
                # a paragraph of detail after the event's ("A spokesman said troops detected the
                # drones at around 9.40 pm"): the hour of the event told just before
                target = frame_of_token[max(mentions_by_paragraph[paragraph - 1])]
            elif paragraph + 1 in mentions_by_paragraph:
                first = min(mentions_by_paragraph[paragraph + 1])
                target = frame_of_token[first]
                if min(frame_of_token_first(target)) < ws.doc[first].idx or target.hits[0].another:
                    continue  # the frame began earlier, or opens a new topic: no lead-in
            else:
                continue
            if isinstance(anchor, model.TimeExpression):
                if _bare_clock(anchor):
                    # "troops detected the drones at around 9.40 pm" after "shot down late on
                    # Saturday": the hour of the frame's day, when it has none yet
                    if _timed(target.times) and not any(t.precision in _WITHIN_A_DAY for t in target.times):
                        target.times.append(anchor)
                elif not _timed(target.times):
                    target.times.append(anchor)
            elif not target.places:
                target.places.append(anchor)

    def _report_town(self, ws: Workspace, drafts: list[_Draft], places_by_token: dict[int, model.PlaceMention]) -> None:
        """A report about one town ("drones have become the main danger in Kherson") sets
        the scene for passages that name no place of their own, as a coder would read it.

        Only when every town-level event place the report names is in that one town's
        area; the place joins as 'derived', with the evidence of its nearest earlier mention.
        """
        towns = [
            p
            for p in places_by_token.values()
            if p.precision != model.GeoPrecision.REGION and p.place.kind not in {"country", "admin1", "region", "sea"}
        ]
        if not towns:
            return
        anchor = towns[0].place
        if not all(self.same_area(anchor, t.place) for t in towns):
            return
        for draft in drafts:
            # "in a separate incident" may be anywhere; but "the facility that was attacked on
            # Wednesday" recalls an attack on a thing of the story, in the story's town
            recalled = all(_in_relative_clause(ws.doc[h.token]) for h in draft.hits)
            if draft.places or draft.family != "violence" or (draft.hits[0].another and not recalled):
                continue
            start = min(h.mention.trigger.start for h in draft.hits)
            earlier = [t for t in towns if t.span.start < start] or towns
            mention = max(earlier, key=lambda t: t.span.start) if earlier is not towns else earlier[0]
            draft.places.append(mention.model_copy(update={"match": "derived", "precision": model.GeoPrecision.NEAR}))

    # -- findings

    def _assign_findings(self, ws: Workspace, drafts: list[_Draft], frame_of_token: dict[int, _Draft]) -> None:
        ordered = sorted(frame_of_token.items())
        violence = {t: d for t, d in ordered if d.family == "violence"}
        denials = {h.token for h in ws.events if h.denial}
        for index, finding in enumerate(ws.findings):
            if (
                finding.attribute == model.Attribute.TARGET
                and finding.event_token in denials
                and finding.event_token not in frame_of_token
            ):
                # "Our forces did not strike the market", beside the report's account of the
                # strike: the speaker denies who did it; what was hit is the frame's own.
                continue
            draft = None
            if finding.event_token is not None:
                draft = frame_of_token.get(finding.event_token)
            if draft is None:
                draft = _frame_at(ws, finding, violence)
            if draft is not None:
                draft.findings.append(index)

    def _ground(self, ws: Workspace, draft: _Draft) -> bool:
        """Whether an attack of the frame is told as an ambush or as irregulars' ("gunmen",
        "insurgents") or a named armed group's, the group being the attack word's own agent."""
        if any(h.ground for h in draft.hits):
            return True
        tokens = {h.token for h in draft.hits if h.event_class in {"attack", "casualty"}}
        return any(
            f.attribute == model.Attribute.RESPONSIBLE_PARTY
            and f.event_token in tokens
            and isinstance(f.value, model.Label)
            and f.value.code in self.armed_groups
            and not f.negated
            for i in draft.findings
            for f in [ws.findings[i]]
        )

    def _frame(self, ws: Workspace, draft: _Draft, primary: bool) -> model.Frame:
        hits = sorted(
            draft.hits,
            key=lambda h: _CLASS_PRIORITY.index(h.event_class) if h.event_class in _CLASS_PRIORITY else 99,
        )
        lead = hits[0]
        # The frame's sub-type comes from the first weapon its violent mentions name, in the
        # order told: "two glide bombs fell on the street ... the first bomb landed ...
        # (officials claimed a missile) caused the explosions" is a glide-bomb strike.
        violent = {"attack", "explosion", "casualty", "crash"}
        weapon_hits = [h for h in draft.hits if h.weapon_category in self.weapon_subtypes and h.event_class in violent]
        event_type, sub_type = lead.mention.event_type, lead.mention.sub_event_type
        typed_by_weapon = bool(weapon_hits) and lead.event_class in {"attack", "explosion", "casualty"}
        if typed_by_weapon:
            first = weapon_hits[0]
            event_type, sub_type = "Explosions/Remote violence", self.weapon_subtypes[str(first.weapon_category)]
        elif lead.event_class in {"attack", "casualty"} and not any(h.weapon_category for h in draft.hits):
            # No weapon of remote violence anywhere, and the attack is told as shooting,
            # beheading or a fight ("gunmen raided the village, shooting five farmers"): a
            # ground attack, typed as that mention is, not by the shelling fallback
            ground = next((h for h in hits if h.event_class in {"violence_against_civilians", "clash"}), None)
            if ground is not None:
                event_type, sub_type = ground.mention.event_type, ground.mention.sub_event_type
            elif self._ground(ws, draft) and not any(h.armed or h.event_class == "explosion" for h in hits):
                # Nor is one told as gunmen's, insurgents' or militants' attack, or as an ambush
                # ("insurgents attacked the village", "militants attacked an army post"): a ground
                # attack, which ACLED types by whom it was aimed at
                event_type, sub_type = _ground_attack_type(ws, draft)
        sentences: dict[int, str] = {}
        for hit in draft.hits:
            sentences[hit.mention.sentence.start] = hit.mention.sentence.text
        actors = sorted(
            {
                f.value.code
                for i in draft.findings
                for f in [ws.findings[i]]
                if f.attribute == model.Attribute.RESPONSIBLE_PARTY and isinstance(f.value, model.Label)
                and f.value.code not in PLACEHOLDERS
            }
        )
        return model.Frame(
            id=f"{ws.report_id}#f{draft.index + 1}",
            report_id=ws.report_id,
            event_type=event_type,
            sub_event_type=sub_type,
            typed_by_weapon=typed_by_weapon,
            mentions=tuple(h.mention for h in draft.hits),
            times=tuple(clocks_on_the_day(draft.times, ws.report.text)),
            places=tuple(draft.places),
            actors=tuple(actors),
            primary=primary,
            denied=draft.denied,
            text=" ".join(sentences[k] for k in sorted(sentences)),
        )


def _ground_attack_type(ws: Workspace, draft: _Draft) -> tuple[str, str]:
    """A ground attack on armed men or their posts is a battle ("militants attacked an army
    post", "gunmen ambushed a patrol"); on anyone or anything else it is violence against
    civilians ("insurgents attacked the village", "bandits ambushed a minibus"), as ACLED codes
    an attack in which only one side is armed. The targets the attack words themselves take
    decide, else all the frame's targets, and a battle only when every one of them is armed."""
    ground_tokens = {h.token for h in draft.hits if h.ground}
    targets = [
        f
        for i in draft.findings
        for f in [ws.findings[i]]
        if f.attribute == model.Attribute.TARGET and isinstance(f.value, model.Label) and not f.negated
    ]
    own = [f for f in targets if f.event_token in ground_tokens] or targets
    if own and all(isinstance(f.value, model.Label) and f.value.code == "military" for f in own):
        return "Battles", "Armed clash"
    return "Violence against civilians", "Attack"


# -- anchors


def _narrative(sentence: Span, times_by_token: dict[int, model.TimeExpression]) -> bool:
    """A sentence telling what happened (past tense, or dated), not background in the present."""
    if any(sentence.start <= i < sentence.end and _timed([t]) for i, t in times_by_token.items()):
        return True
    return any(t.tag_ == "VBD" for t in sentence)


#: Arcs by which a time hangs on its verb as an adjunct ("circling since 9:30", "left at dawn").
_ADJUNCT_ARCS = frozenset({"prep", "npadvmod", "advmod", "obl"})


def _head_clause_times(token: Token, by_token: dict[int, model.TimeExpression]) -> list[model.TimeExpression]:
    """ "The drones had been circling since 9:30 a.m. and dropped explosives on two houses": a
    time on the first of conjoined verbs that share one subject is the scene of the chain,
    though the parse hangs it on that verb alone. An event word there shares it through the
    frame; a verb that is none ("circling", "took off") would lose it.

    So with a participle that tells what the clause before it did: "the naval forces carried
    out an operation at dawn today, Thursday, targeting the ship" targeted it at dawn."""
    verb = syntax.clause_verb(token)
    if verb.dep_ == "conj" and syntax.shared_subject(verb) is not None:
        first = syntax.chain_head(verb)
    elif _participle_of_its_clause(verb):
        first = verb.head
    else:
        return []
    found = []
    for i, expression in by_token.items():
        path = [token.doc[i], *token.doc[i].ancestors]
        steps = [t.i for t in path]
        if first.i not in steps or steps.index(first.i) == 0 or i > verb.i:
            continue
        if path[steps.index(first.i) - 1].dep_ in _ADJUNCT_ARCS:
            found.append(expression)
    return found


def _stranded_times(
    ws: Workspace, trigger: Token, by_token: dict[int, model.TimeExpression]
) -> list[model.TimeExpression]:
    """ "Insurgents ..., known locally as al-Harakat, attacked Kotal, on the coast of Sarban
    district, around 9 pm on 6 November": a long subject can break the parse so that the
    sentence's one event word does not reach its time. With no other event word in the
    sentence, a day or clock time hanging on a verb above it, outside any saying ("the police
    said on Monday"), is its; a back-reference ("the attacks") takes none this way."""
    sentence = trigger.sent
    cues = [ws.char_span(a.cue_span) for a in ws.attributions if a.cue_span is not None]
    cue_tokens = {t.i for span in cues if span is not None for t in span}
    found = []
    for i, expression in sorted(by_token.items()):
        if not sentence.start <= i < sentence.end or expression.precision not in _DAY_OR_FINER:
            continue
        governor = syntax.clause_verb(ws.doc[i])
        if not governor.is_ancestor(trigger) or governor.i in cue_tokens or _time_of_saying(ws.doc[i]):
            continue  # the time must hang on a verb above the event ("known ... attacked")
        found.append(expression)
    return found


#: Precisions of a time that can date one event.
_DAY_OR_FINER = frozenset(
    {model.TimePrecision.DAY, model.TimePrecision.PART_OF_DAY, model.TimePrecision.HOUR, model.TimePrecision.MINUTE}
)


def _participle_of_its_clause(verb: Token) -> bool:
    """A participle with no subject of its own, after the verb it modifies: "carried out an
    operation at dawn, targeting the ship"."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.head.pos_ in {"VERB", "AUX"}
        and verb.head.i < verb.i
        and not any(c.dep_ in syntax.SUBJECTS for c in verb.children)
    )


#: Words that may come before a time opening its sentence: "And on Friday, ...", "Then, at dawn, ...".
_OPENING_POS = frozenset({"CCONJ", "ADP", "ADV", "PUNCT", "SCONJ"})


def _fronted_times(
    ws: Workspace, times_by_token: dict[int, model.TimeExpression]
) -> dict[int, list[model.TimeExpression]]:
    """Times that open their sentence, by sentence start: "On Tuesday, forces stopped a convoy
    that was moving to attack the town" or "And the next day, Friday, the drones took revenge
    and bombed the market". Set before the subject, such a time is the scene of the whole
    sentence, and serves every event in it whose own words give no time, however deep the
    parse hangs the event word or whichever verb it hangs the time on.

    A chain of times separated only by commas opens the sentence together ("the next day,
    Friday"; "on Tuesday, 4 November,").
    """
    doc = ws.doc
    by_start = sorted(
        (span.start, span.end, expression)
        for expression in times_by_token.values()
        if (span := ws.char_span(expression.span)) is not None
    )
    found: dict[int, list[model.TimeExpression]] = {}
    seen: set[int] = set()
    for start, end, expression in by_start:
        sentence = doc[start].sent
        if sentence.start in seen:
            continue  # only the sentence's first time may open it
        seen.add(sentence.start)
        if all(t.pos_ in _OPENING_POS for t in doc[sentence.start : start]):
            run = [expression]
            last = end
            for later_start, later_end, later in by_start:
                if later_start < last or doc[later_start].sent.start != sentence.start:
                    continue
                if all(t.is_punct for t in doc[last:later_start]) and later_start - last <= 1:
                    run.append(later)
                    last = later_end
            if last < sentence.end and doc[last].is_punct:
                found[sentence.start] = run
    return found


class _LeadIns:
    """Times and places in scene-setting sentences just before an event word.

    "At 7:40 on Saturday morning, the driver was on his route through Kherson's
    Dniprovskyi district. [...] The drone hit the front of the bus." The first event word
    after such sentences (in the same paragraph, or the next one when the scene-setting
    paragraph has none) takes their anchors when it has none of its own.
    """

    def __init__(
        self,
        ws: Workspace,
        times: dict[int, model.TimeExpression],
        places: dict[int, model.PlaceMention],
    ) -> None:
        self.ws = ws
        mention_sentences = {ws.doc[h.token].sent.start for h in ws.events}
        apart = {
            model.ParagraphRole.DATELINE,
            model.ParagraphRole.BYLINE,
            model.ParagraphRole.CREDIT,
        }
        self.paragraph_has_mention = {
            self._paragraph(h.token) for h in ws.events if h.mention.modality == model.Modality.ACTUAL
        }
        dated_sentences = {ws.doc[i].sent.start for i, t in times.items() if _sets_a_scene(t)}
        # A scene is set with a when: a place alone in an earlier sentence ("the invasion of
        # Ukraine was continuing") is background, not the setting of what follows.
        scene_places = {i: p for i, p in places.items() if ws.doc[i].sent.start in dated_sentences}
        candidates: list[tuple[int, model.TimeExpression | model.PlaceMention]] = [
            *((i, t) for i, t in times.items() if _sets_a_scene(t)),
            *scene_places.items(),
        ]
        self.pending: list[tuple[int, model.TimeExpression | model.PlaceMention]] = [
            (i, a)
            for i, a in sorted(candidates, key=lambda c: c[0])
            if ws.doc[i].sent.start not in mention_sentences
            and _narrative(ws.doc[i].sent, times)
            and ws.report.role_at(ws.doc[i].idx) not in apart  # a date line dates the report, not an event
        ]

    def _paragraph(self, token: int) -> int:
        return self.ws.report.paragraph_index(self.ws.doc[token].idx)

    def take(self, trigger: Token) -> tuple[list[model.TimeExpression], list[model.PlaceMention]]:
        here = self._paragraph(trigger.i)
        times: list[model.TimeExpression] = []
        places: list[model.PlaceMention] = []
        kept = []
        for token, anchor in self.pending:
            if token > trigger.i:
                kept.append((token, anchor))
                continue
            where = self._paragraph(token)
            if where == here or (where == here - 1 and where not in self.paragraph_has_mention):
                if isinstance(anchor, model.TimeExpression):
                    times.append(anchor)
                else:
                    places.append(anchor)
            # taken, or too far back to set this scene: either way no longer pending
        self.pending = kept
        return times, places


def frame_of_token_first(draft: _Draft) -> list[int]:
    """Character offsets of a draft's mentions (its first is where the frame begins)."""
    return [h.mention.trigger.start for h in draft.hits]


def _dateline_time(ws: Workspace, token: int, reporting: Sequence[object]) -> bool:
    """ "KYIV, Aug 14 (Wire) -": a date right after a dateline place is the filing date."""
    offset = ws.doc[token].idx
    return any(span is not None and 0 <= offset - span.end_char <= 12 for span in reporting)  # type: ignore[attr-defined]


_DAY_NAMING = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|"
    r"tonight|overnight|last|previous|this|\d)",
    re.IGNORECASE,
)


_CALENDAR = frozenset(
    {model.TimePrecision.DAY, model.TimePrecision.WEEK, model.TimePrecision.MONTH, model.TimePrecision.YEAR}
)


def _slack(a: model.TimeInterval, b: model.TimeInterval) -> timedelta:
    """How far apart two readings may be and still be one event's: half a day when either is
    a part of a day or a clock (a night runs over midnight, a clock may be in another zone),
    none when both are calendar days ("on Thursday 13 November" is not "Friday 14 November")."""
    return timedelta(0) if a.precision in _CALENDAR and b.precision in _CALENDAR else timedelta(hours=12)


def _bare_clock(expression: model.TimeExpression) -> bool:
    """A clock time that names no day ("at around 9.40 pm", "at 0340 GMT")."""
    return (
        expression.timex_type == model.TimexType.TIME
        and expression.precision in {model.TimePrecision.MINUTE, model.TimePrecision.HOUR}
        and names_no_day(expression)
    )


def _names_a_day(expression: model.TimeExpression) -> bool:
    """A time that says which day ("on Saturday", "last night"), not just a part of one
    ("a sleepless night"): only those may set the scene for another sentence. A weekday
    in an undated report names its day too, though no calendar holds it."""
    if weekday_reading(expression) is not None:
        return True
    return bool(_dated([expression])) and bool(_DAY_NAMING.search(expression.span.text))


def _sets_a_scene(expression: model.TimeExpression) -> bool:
    """A time that may date the event words of the sentences after it: one that names a day,
    not a week, month or year ("since fighting broke out in Amhara in 2023" is background)."""
    return _names_a_day(expression) and expression.precision not in _PERIODS


def _holding_the_clock(drafts: Sequence[_Draft], times: Sequence[model.TimeExpression]) -> list[_Draft]:
    """ "The bombing began at about 2am", after "air strikes overnight" and "Monday's attack":
    a clock time with no day of its own fits any frame, but one whose day holds the clock's
    own reading (on the paragraph's day or the publication's) is the likelier."""
    clocks = [t.interval for t in times if t.interval is not None and names_no_day(t)]
    return [
        d for d in drafts if any(x.overlaps(c) for x in most_precise(_dated(d.times)) for c in clocks)
    ]


def _weekdays(expressions: Sequence[model.TimeExpression]) -> list[WeekdayReading]:
    return [r for e in expressions if (r := weekday_reading(e)) is not None]


def _timed(expressions: Sequence[model.TimeExpression]) -> bool:
    """Whether the times say when: a date, or a weekday in a report with no date."""
    return bool(_dated(expressions)) or bool(_weekdays(expressions))


def _dated(expressions: Sequence[model.TimeExpression]) -> list[model.TimeInterval]:
    return [
        e.interval
        for e in expressions
        if e.interval is not None
        and e.timex_type in {model.TimexType.DATE, model.TimexType.TIME}
        and not names_no_day(e)
    ]


_PERIODS = frozenset({model.TimePrecision.WEEK, model.TimePrecision.MONTH, model.TimePrecision.YEAR})


def _counting_period(expression: model.TimeExpression, span: Span) -> bool:
    """ "for the fourth time this year", "the third attack this month": a week, month or year
    events are counted over, after an ordinal, not when this one happened ("for the second
    time on Monday" still dates it)."""
    if expression.precision not in _PERIODS:
        return False
    before = span.doc[max(span.sent.start, span.start - 4) : span.start]
    return any(t.ent_type_ == "ORDINAL" for t in before)


def _times_by_token(ws: Workspace) -> dict[int, model.TimeExpression]:
    """Time expressions by their root token, without a dateline's filing date, and without
    the bounds of a period ("the third sabotage since September", "shelling has gone on since
    Tuesday", "evacuated until Friday"): a count or a state over that period, not an incident
    at that time. A start within a day ("drones have been circling since shortly after 9:30
    a.m.", "shelling since dawn") is when the event under way began, which dates it."""
    reporting = [ws.char_span(p.span) for p in ws.places if p.role == model.PlaceRole.REPORTING]
    # neighbouring expressions, in the order the text tells them, may be one time told twice
    neighbours = list(pairwise(sorted(ws.times, key=lambda t: t.span.start)))
    ranges, range_ends = _clock_ranges(ws, neighbours)
    restated = _restated_by_name(ws, neighbours)
    finer, told_in = _told_finer(ws, neighbours, ranges, restated)
    dropped = restated | range_ends | told_in
    found: dict[int, model.TimeExpression] = {}
    for told in ws.times:
        if told.span.start in dropped:
            continue
        # where the words stand decides what the time dates; what it says may be told finer
        expression = finer.get(told.span.start) or ranges.get(told.span.start, told)
        span = ws.char_span(told.span)
        if span is None or _dateline_time(ws, span.start, reporting) or in_dateline(ws.report.text, span.start_char):
            continue  # "NAIROBI, Nov 5 (Horn Dispatch) -", whether or not its place was read
        bounds = expression.bound is not None and not _began_within_a_day(expression)
        if bounds or _counting_period(expression, span) or _time_of_saying(span.root):
            continue
        clause = _reported_clause_before(span.root)
        if clause is None:
            found[span.root.i] = expression
        else:
            found.setdefault(clause.i, expression)
    return found


#: A post's stamp opening its paragraph: "[21.10.25 15:12]", "15:47 -", "07:45." (a channel or
#: live blog entry), what follows being the entry.
_STAMP_OPENING = re.compile(r"\[?\s*$")


def _stamp_untimed(ws: Workspace, drafts: Sequence[_Draft], stamps: dict[int, model.TimeExpression]) -> None:
    """A frame no words of the report date takes the stamp of the earliest entry that tells it:
    a channel's breaking post ("[21.10.25 15:12] Urgent | Enemy drone targets a car") is
    written as it happens, and a live blog's later entries update it. A frame whose own words
    give a time ("14:40 Residents report two explosions at around 2 pm") keeps that time."""
    for draft in drafts:
        own = [t for t in draft.times if t.timex_type in {model.TimexType.DATE, model.TimexType.TIME}]
        if own or not draft.hits:
            continue  # a clock alone ("at around 2 pm") is the frame's own time too
        told = [s for h in draft.hits if (s := stamps.get(ws.report.paragraph_index(ws.doc[h.token].idx))) is not None]
        dated = [s for s in told if s.interval is not None]
        if dated:  # the earliest entry, whichever way round the entries run
            draft.times.append(min(dated, key=lambda s: s.interval.start if s.interval else datetime.max))


def _entry_stamps(ws: Workspace, times_by_token: dict[int, model.TimeExpression]) -> dict[int, model.TimeExpression]:
    """Clock stamps that open a paragraph, by paragraph: a channel's or live blog's entry time."""
    stamps: dict[int, model.TimeExpression] = {}
    for expression in times_by_token.values():
        if expression.timex_type != model.TimexType.TIME or expression.clock is None:
            continue
        paragraph = ws.report.paragraph_index(expression.span.start)
        if paragraph < 0:
            continue
        start = ws.report.paragraphs[paragraph].start
        if _STAMP_OPENING.fullmatch(ws.report.text[start : expression.span.start]):
            stamps[paragraph] = expression
    return stamps


def _reported_clause_before(root: Token) -> Token | None:
    """ "Residents reported drones dropping explosives on houses since shortly after 9:30 a.m.":
    the parse hangs the time on the reporting verb, but it follows the reported clause, whose
    time it is (the time of the saying comes before it: "said on Monday that ..."). The verb
    of that clause, where the time is filed; None for a time the parse hangs elsewhere."""
    arc = root.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root
    verb = arc.head
    if arc.dep_ not in _ADJUNCT_ARCS or verb.i == arc.i or verb.pos_ not in {"VERB", "AUX"}:
        return None
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and verb.i < c.i < root.i]
    return clauses[-1] if clauses else None


#: Precisions of a start that lies within one day: a clock, a part of the day.
_WITHIN_A_DAY = frozenset({model.TimePrecision.MINUTE, model.TimePrecision.HOUR, model.TimePrecision.PART_OF_DAY})


def _began_within_a_day(expression: model.TimeExpression) -> bool:
    """ "since 9:30 a.m.", "since dawn": the start of something under way for hours, not of a
    period events are counted over (those start on a day, a month or a year)."""
    return expression.bound == "start" and expression.interval is not None and expression.precision in _WITHIN_A_DAY


#: Two time expressions next to each other in the text, the first first.
_TimePair = tuple[model.TimeExpression, model.TimeExpression]
#: Between the two clocks of a range, and before the first: "between 0930 and 1000 GMT",
#: "from 03:20 till 05:10" ("23:30-05:10" needs no opening word).
_RANGE_JOIN = re.compile(r"\s*(?:and|to|till|until|through|[-–—])\s*", re.IGNORECASE)
_RANGE_OPENING = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)


def _clock_ranges(ws: Workspace, neighbours: Sequence[_TimePair]) -> tuple[dict[int, model.TimeExpression], set[int]]:
    """ "Between 0930 and 1000 GMT", "from 03:20 till 05:10", "23:30-05:10": one time, the
    stretch from the first clock to the second, which a frame is dated by (its clock the
    first), not two. A day told with one clock is the range's; a second clock earlier than the
    first is the next morning ("between 23:30 and 05:10 on Thursday": 23:30 on Wednesday),
    and with no day told the range ends on the day both were read for. By start of the first:
    the joined time; and the starts of the second clocks, which date nothing of their own."""
    text = ws.report.text
    joined: dict[int, model.TimeExpression] = {}
    ends: set[int] = set()
    for first, second in neighbours:
        if not (first.clock and second.clock and first.interval and second.interval):
            continue
        between = text[first.span.end : second.span.start]
        opened = _RANGE_OPENING.search(text[max(0, first.span.start - 10) : first.span.start])
        if not _RANGE_JOIN.fullmatch(between) or not (opened or between.strip() in {"-", "–", "—"}):
            continue
        start, finish = first.interval.start, second.interval.start
        if names_no_day(first) and not names_no_day(second):
            # "between 10:30 and 10:45 a.m. on 13 July": the day told with the end is the range's
            start = datetime.combine(finish.date(), start.time())
            if start > finish:
                start -= timedelta(days=1)
        elif names_no_day(second) and not names_no_day(first):
            # "on 16 July between 23:30 and 05:10": the day told with the start is the range's
            finish = datetime.combine(start.date(), finish.time())
            if finish < start:
                finish += timedelta(days=1)
        elif finish < start:
            start -= timedelta(days=1)  # both read on one day, "between 23:30 and 05:10": it ends on it
        length = second.interval.end - second.interval.start
        interval = first.interval.model_copy(update={"start": start, "end": finish + length})
        value = first.value
        if start.date() != first.interval.start.date() and value[4:10] == f"{first.interval.start:-%m-%d}":
            value = f"{value[:4]}{start:-%m-%d}{value[10:]}"  # the year may be a placeholder "XXXX"
        # The words stay the first clock's: a clock naming no day is still read as one
        joined[first.span.start] = first.model_copy(update={"interval": interval, "value": value, "bound": None})
        ends.add(second.span.start)
    return joined, ends


#: Between a day and the clock that tells it finer: "Tonight from 03:20", "last night, at about 2".
_FINER_JOIN = re.compile(r"\s*,?\s*(?:(?:from|at|between)\s+)?(?:(?:around|about)\s+)?", re.IGNORECASE)
#: Precisions a clock may tell finer.
_COARSE = frozenset({model.TimePrecision.DAY, model.TimePrecision.PART_OF_DAY})


def _told_finer(
    ws: Workspace,
    neighbours: Sequence[_TimePair],
    ranges: Mapping[int, model.TimeExpression],
    restated: Collection[int],
) -> tuple[dict[int, model.TimeExpression], set[int]]:
    """ "Tonight from 03:20 till 05:10", "last night at around 2 a.m.": a day or part of a day
    followed at once by a clock inside it is one time told to the minute; the parse often hangs
    the clock on the day word, which the frame's event reaches. By start of the day word: the
    clock (or range of clocks) it is told by, with the day's words; and the starts of those
    clocks, which date nothing apart from their day."""
    text = ws.report.text
    found: dict[int, model.TimeExpression] = {}
    clocks: set[int] = set()
    for coarse, fine in neighbours:
        fine = ranges.get(fine.span.start, fine)
        if coarse.span.start in restated:
            continue  # "Today, Wednesday, around 13:30": the named day tells it
        if coarse.precision not in _COARSE or coarse.interval is None or not fine.clock or fine.interval is None:
            continue
        inside = coarse.interval.start <= fine.interval.start < coarse.interval.end
        if inside and _FINER_JOIN.fullmatch(text[coarse.span.end : fine.span.start]):
            # told with its day's words, the clock names its day
            words = model.Span(
                report_id=coarse.span.report_id,
                start=coarse.span.start,
                end=fine.span.end,
                text=text[coarse.span.start : fine.span.end],
            )
            found[coarse.span.start] = fine.model_copy(update={"span": words})
            clocks.add(fine.span.start)
    return found, clocks


#: Only a comma between two time expressions: the second restates the first.
_APPOSED = re.compile(r"\s*,\s*")
_DATED_TYPES = frozenset({model.TimexType.DATE, model.TimexType.TIME})


def _restated_by_name(ws: Workspace, neighbours: Sequence[_TimePair]) -> set[int]:
    """Starts of day words counted from the report's date that the words after them name
    ("Today, Wednesday, around 13:30", "This morning, Wednesday 21 October, at 5:20",
    "Yesterday, Monday, at 9:20 p.m."): one time, told by its name, which holds even when the
    report is dated wrong (a page republished weeks later)."""
    found = set()
    for first, second in neighbours:
        if first.anchor != model.TimeAnchor.PUBLICATION or second.timex_type not in _DATED_TYPES:
            continue
        named = second.anchor == model.TimeAnchor.ABSOLUTE or _names_a_weekday(second)
        if named and _APPOSED.fullmatch(ws.report.text[first.span.end : second.span.start]):
            found.add(first.span.start)
    return found


def _names_a_weekday(expression: model.TimeExpression) -> bool:
    weekdays = default_time_lexicon().weekdays
    return any(word in weekdays for word in re.findall(r"[a-z]+", expression.span.text.lower()))


def _dated_sayings(ws: Workspace) -> set[int]:
    """Sentences (by first token) that date their saying ("The army said on Saturday it had
    struck a gathering"): what they report happened before then, not in an earlier scene."""
    found = set()
    for expression in ws.times:
        span = ws.char_span(expression.span)
        if span is not None and _time_of_saying(span.root):
            found.add(span.root.sent.start)
    return found


def _time_of_saying(root: Token) -> bool:
    """ "The army said on Monday it did not strike ...": a time between a speech verb and the
    subject of the clause it reports dates the saying, though the parse often hangs it on the
    reported verb (whose own time comes after its subject: "it struck the camp on Sunday"). After
    "that" the time is the clause's own: "said that on Sunday drones hit the depot"."""
    verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root.head
    if root.dep_ not in {"pobj", "npadvmod", "advmod"} or verb.dep_ != "ccomp" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ == "mark" and c.i < root.i for c in verb.children):
        return False
    subjects = [c.i for c in verb.children if c.dep_ in syntax.SUBJECTS]
    return verb.head.i < root.i < min(subjects, default=-1)


#: Heads that make a place part of a national title or an actor's name, not a location:
#: "the President of the Russian Federation", "the government of Ukraine". Local offices
#: are not here: "the mayor of Moscow" and "the governor of Bryansk region" do locate
#: what they announce.
_TITLE_HEADS = frozenset(
    {
        "president",
        "minister",
        "ministry",
        "government",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "leader",
        "adviser",
        "advisor",
        "embassy",
        "ambassador",
        "army",
        "forces",
        "military",
        "navy",
        "parliament",
        "authorities",
        "regime",
        "people",
        "citizens",
    }
)


def _response_phrases(doc: Doc, cues: Sequence[tuple[str, ...]]) -> set[int]:
    """Tokens inside "in response to <event>" phrases (and their kin): the event they name is
    an earlier one, whose place and time are not the answering event's.

    The phrase runs over the subtree of its last cue word (the parse's reading of "to the
    aggression on the town of X, which killed ..."), and at least to the next comma, which
    backs up a parse that hangs the object elsewhere.
    """
    inside: set[int] = set()
    words = [t.lower_ for t in doc]
    for i in range(len(doc)):
        for cue in cues:
            end = i + len(cue)
            if tuple(words[i:end]) != cue:
                continue
            sentence_end = doc[i].sent.end
            last = doc[end - 1]
            stop = max(last.right_edge.i + 1, end)
            comma = next((t.i for t in doc[end:sentence_end] if t.text in (",", ";")), sentence_end)
            inside.update(range(i, min(max(stop, comma), sentence_end)))
            break
    return inside


def _places_by_token(ws: Workspace) -> dict[int, model.PlaceMention]:
    found: dict[int, model.PlaceMention] = {}
    for mention in ws.places:
        if mention.role != model.PlaceRole.EVENT:
            continue
        span = ws.char_span(mention.span)
        if span is None or not _names_a_location(span.root):
            continue
        root = span.root
        # "a house in the Hassu Khel village of ...": the name modifies its noun, and the noun
        # phrase is what hangs in the parse (the name lies one arc further from the verb)
        head = root.head if root.dep_ == "compound" and root.head.pos_ == "NOUN" else root
        found.setdefault(head.i, mention)
    return found


#: Verbs whose subject acts ("Ukraine attacked", "Moscow said"): a place there is an actor.
_AGENTIVE = frozenset(
    {
        "attack",
        "strike",
        "hit",
        "target",
        "shell",
        "launch",
        "fire",
        "send",
        "use",
        "deploy",
        "say",
        "claim",
        "deny",
        "accuse",
        "blame",
        "announce",
        "report",
        "admit",
        "acknowledge",
        "warn",
        "threaten",
        "respond",
        "retaliate",
        "vow",
        "insist",
        "reject",
        "state",
        "attempt",
        "try",
        "carry",
        "conduct",
        "order",
        "wage",
        "invade",
        "prepare",
        "plan",
    }
)


def _names_a_location(token: Token) -> bool:
    """A place word used as a place, not as an actor ("Ukraine attacked", "Russia's defence
    ministry") or in a title ("the President of the Russian Federation"). A place as the
    subject of an experience ("Izmail spent the night under attack") stays a place."""
    if token.dep_ in {"nsubj", "csubj"} and syntax.word_forms(token.head) & _AGENTIVE:
        return False
    if token.dep_ == "poss" and token.head.lemma_.lower() in _TITLE_HEADS | {
        "defence",
        "defense",
        "foreign",
    }:
        return False
    if token.dep_ == "pobj":
        prep = token.head
        if prep.lower_ == "by":
            return False
        if prep.lower_ == "of" and prep.head.lemma_.lower() in _TITLE_HEADS:
            return False
    return True


_T = TypeVar("_T")

#: Determiners that make a target one thing, not a class of things: "the hospital", "a market".
_DETERMINERS = syntax.DEFINITE_DETERMINERS | {"a", "an"}


def _attached(
    trigger: Token,
    by_token: dict[int, _T],
    rivals: Sequence[Token] = (),
    *,
    coarse: Callable[[_T], bool] | None = None,
    clause_events: Collection[int] | None = None,
) -> list[_T]:
    """Anchors in the trigger's neighbourhood that no closer event word owns.

    "Russia attacked Kyiv with drones and struck Odesa with missiles overnight": Kyiv is
    nearer "attacked" in the parse, Odesa nearer "struck"; "overnight", hanging off the
    first verb, goes to it (its conjoined verb shares it through the frame). A `coarse`
    anchor (a country) does not set how close the others must be: "a Burkina Faso army
    strike on a market in the commune of X" happened in X, which lies further down the parse.
    With `clause_events` (the event words' tokens), only a relative clause that tells an event
    keeps its anchors to itself: "drones that crossed the Line of Control in the X
    sector were shot down" were shot down there, while "a substation that had been struck
    in May" dates another strike.
    """
    near = syntax.neighbourhood(trigger)
    found: list[tuple[int, _T]] = []
    for i, value in sorted(by_token.items()):
        if i not in near:
            continue
        anchor = trigger.doc[i]
        if _in_other_relative_clause(anchor, trigger, clause_events):
            continue
        mine = syntax.tree_distance(anchor, trigger)
        if any(i in syntax.neighbourhood(r) and syntax.tree_distance(anchor, r) < mine for r in rivals):
            continue
        found.append((mine, value))
    if not rivals or not found:
        return [value for _, value in found]
    # With other events in the sentence, only the places tied most closely to this one count
    # ("... struck Odesa, killing two in Odesa and injuring two in the capital").
    fine = [distance for distance, value in found if coarse is None or not coarse(value)]
    closest = min(fine or [distance for distance, _ in found])
    return [value for distance, value in found if distance <= closest + 1 or (coarse is not None and coarse(value))]


#: "A day after", "two weeks before": a whole count of days or weeks (TIMEX3 P1D, P2W).
_WHOLE_COUNT = re.compile(r"P(\d+)([DW])")


def _counted_back(ws: Workspace, trigger: Token, times: Sequence[model.TimeExpression]) -> list[model.TimeExpression]:
    """ "A man walks past the stalls on Sunday, a day after a drone strike": the strike is a day
    before the clause's date, not on it. For an event word in a phrase or clause that "after"
    or "before" relates to a count of days or weeks, and that gives no date of its own, the
    nearest date before that word in the sentence is moved by the count and replaces the
    dates of the governing clause; the evidence runs from the date to "after"."""
    found = _relative_to_a_day(trigger)
    if found is None:
        return list(times)
    relation, measure, region = found
    count = next(
        (
            match
            for t in ws.times
            if t.timex_type == model.TimexType.DURATION
            and t.span.start <= measure.idx < t.span.end
            and (match := _WHOLE_COUNT.fullmatch(t.value))
        ),
        None,
    )
    if count is None:
        return list(times)
    inside = range(region.left_edge.idx, region.right_edge.idx + len(region.right_edge.text))
    dated = (model.TimexType.DATE, model.TimexType.TIME)

    def a_day_before_relation(time: model.TimeExpression) -> bool:
        day = time.interval
        return (
            time.timex_type in dated
            and day is not None
            and day.end - day.start <= timedelta(days=1)
            and time.span.start not in inside
            and trigger.sent.start_char <= time.span.start < relation.idx
        )

    if any(t.timex_type in dated and t.span.start in inside for t in times):
        return list(times)  # "a day after drones struck the depot on Saturday": its own date
    candidates = [t for t in ws.times if a_day_before_relation(t)]
    if not candidates:
        return list(times)
    anchor = max(candidates, key=lambda t: t.span.start)
    if anchor.interval is None:
        return list(times)
    step = timedelta(days=int(count.group(1)) * (7 if count.group(2) == "W" else 1))
    start = datetime.combine(anchor.interval.start.date(), datetime.min.time()) + (
        -step if relation.lower_ == "after" else step
    )
    moved = anchor.model_copy(
        update={
            "span": ws.report.span(anchor.span.start, relation.idx + len(relation.text)),
            "timex_type": model.TimexType.DATE,
            "value": start.date().isoformat(),
            "precision": model.TimePrecision.DAY,
            "interval": model.TimeInterval(
                start=start,
                end=start + timedelta(days=1),
                precision=model.TimePrecision.DAY,
                year_known=anchor.interval.year_known,
            ),
            "clock": None,
        }
    )
    return [*(t for t in times if not a_day_before_relation(t)), moved]


_RELATIONS = frozenset({"after", "before"})


def _relative_to_a_day(trigger: Token) -> tuple[Token, Token, Token] | None:
    """ "On Sunday, a day after [a drone strike]", "two days after [drones struck the depot]":
    the word "after"/"before" that puts the event word's phrase or clause in relation to the
    day, the count's noun ("day"), and the phrase or clause itself."""
    relation: Token | None = None
    region = trigger
    if trigger.dep_ == "pobj" and trigger.head.lower_ in _RELATIONS:
        relation = region = trigger.head
    else:
        verbs = [trigger, trigger.head] if trigger.dep_ in ("nsubj", "nsubjpass") else [trigger]
        for verb in verbs:
            relation = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in _RELATIONS), None)
            if relation is not None:
                region = verb
                break
    if relation is None:
        return None
    measure = next((c for c in region.children if c.dep_ == "npadvmod"), None)
    if measure is None and relation.head.lower_ in ("day", "days", "week", "weeks"):
        measure = relation.head
    return (relation, measure, region) if measure is not None else None


def _in_rival_clause(ws: Workspace, time: model.TimeExpression, trigger: Token, rivals: Sequence[Token]) -> bool:
    """ "Explosions were heard in Kyiv, and in Odesa two missiles struck shortly before 4 a.m.": a time
    inside a conjoined clause with its own subject and event word dates that event, not this one
    (a conjoined verb sharing the subject, "attacked Kyiv and struck Odesa overnight", shares it)."""
    span = ws.char_span(time.span)
    if span is None:
        return False
    for rival in rivals:
        verb = rival if rival.pos_ in {"VERB", "AUX"} else syntax.clause_verb(rival)
        if verb.dep_ != "conj" or not any(c.dep_ in syntax.SUBJECTS for c in verb.children):
            continue
        start, end = syntax.subtree_range(verb)
        if start <= span.root.i < end and not start <= trigger.i < end:
            return True
    return False


def _dates_inner_event(ws: Workspace, time: model.TimeExpression, trigger: Token, rivals: Sequence[Token]) -> bool:
    """ "Jets hit hideouts used by the militants behind Monday's attack": a time in the words of
    an event noun inside this event's own description ("Monday's attack", "the attack on
    Monday") dates that earlier event, not this one."""
    span = ws.char_span(time.span)
    if span is None:
        return False
    for rival in rivals:
        if rival.pos_ != "NOUN" or not trigger.is_ancestor(rival):
            continue
        start, end = syntax.subtree_range(rival)
        if start <= span.root.i < end:
            return True
    return False


def _in_earlier_clause(ws: Workspace, time: model.TimeExpression, trigger: Token) -> bool:
    """ "The attack came a day after the directorate said it had downed a drone on Monday night":
    a time inside a clause brought in by "a day after" dates what that clause tells, not an
    event outside it."""
    span = ws.char_span(time.span)
    if span is None:
        return False
    clause = next((t for t in (span.root, *span.root.ancestors) if opens_days_after(t)), None)
    if clause is None:
        return False
    start, end = syntax.subtree_range(clause)
    return not start <= trigger.i < end


def _in_phrase(token: Token, places: Sequence[model.PlaceMention]) -> list[model.PlaceMention]:
    """The places named inside a word's own phrase: "a strike on the gas plant near Rmelan"."""
    start, end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    return [p for p in places if start <= p.span.start and p.span.end <= end]


def _is_country(mention: model.PlaceMention) -> bool:
    return mention.place.kind == "country"


def _specific(places: Sequence[model.PlaceMention]) -> list[model.PlaceMention]:
    return [p for p in places if p.place.kind != "country"]


#: How far (characters) before its container a place inside it may end and still be named
#: with it: "El Aguaje, municipality of Aguililla", "Kiterajo in the Macomia area".
_PART_GAP_CHARS = 30

#: A mention naming this many regions sums up a wave ("drones were shot down over the
#: Kyiv, Cherkasy, Sumy and Chernihiv regions"): it belongs to the night, not to one place.
_WAVE_REGIONS = 3


def _wave(places: Sequence[model.PlaceMention]) -> bool:
    regions = {p.place.admin1 or p.place.name for p in places}
    return len(regions) >= _WAVE_REGIONS


def _where_place(ws: Workspace, trigger: Token, places: dict[int, model.PlaceMention]) -> list[model.PlaceMention]:
    """ "... in Aguililla, where explosive devices were dropped onto several homes": the place a
    "where" clause follows is its scene, however the parse hangs the clause. Only for an event
    word after the "where", in its sentence, with no other "where" between."""
    sentence = trigger.sent
    wheres = [t for t in ws.doc[sentence.start : trigger.i] if t.lower_ == "where" and t.i >= 2]
    if not wheres:
        return []
    comma = ws.doc[wheres[-1].i - 1]
    if comma.text != ",":
        return []
    before = ws.doc[comma.i - 1]
    end = before.idx + len(before)
    chain = [m for m in places.values() if m.span.end == end][:1]
    # "El Aguaje, municipality of Aguililla, Michoacán, Mexico, where": the places listed
    # before it, each within its container's reach, are the clause's too
    while chain:
        earlier = [m for m in _named_just_before(chain[0], places.values(), sentence.start_char) if m not in chain]
        if not earlier:
            break
        chain.insert(0, max(earlier, key=lambda m: m.span.end))
    return chain


def _named_just_before(
    mention: model.PlaceMention, candidates: Iterable[model.PlaceMention], sentence_start: int
) -> list[model.PlaceMention]:
    """The place mentions of the sentence that end within `_PART_GAP_CHARS` before `mention`:
    the places named with it ("El Aguaje, municipality of Aguililla")."""
    return [
        m
        for m in candidates
        if sentence_start <= m.span.start and 0 <= mention.span.start - m.span.end <= _PART_GAP_CHARS
    ]


def _labelled_place(ws: Workspace, trigger: Token, places: dict[int, model.PlaceMention]) -> list[model.PlaceMention]:
    """A place set before a colon at the head of a line ("Odesa: two people were killed ...",
    as live blogs and channels write): where what follows in the paragraph happened."""
    offset = trigger.idx
    paragraph = ws.report.paragraph_at(offset)
    if paragraph is None:
        return []
    text = ws.report.text
    for mention in places.values():
        start = mention.span.start
        if not (paragraph.start <= start < offset) or (start > 0 and text[start - 1] != "\n"):
            continue  # a label opens a line of the paragraph, before the event
        if text[mention.span.end : mention.span.end + 1] == ":":
            return [mention]
    return []


def _in_other_relative_clause(anchor: Token, trigger: Token, events: Collection[int] | None = None) -> bool:
    """Whether `anchor` sits in a relative clause the trigger is not in: "drones hit a
    substation that had been struck four days earlier" dates the earlier strike, not this one.
    With `events`, only a clause that holds one of those event words counts ("the base, from
    which attacks on Iran had been launched, was struck": Iran is the other attacks' place)."""
    above_trigger = {trigger.i, *(t.i for t in trigger.ancestors)}
    node, steps = anchor, 0
    while node.i not in above_trigger:
        if node.dep_ == "relcl" and (events is None or any(t.i in events for t in node.subtree)):
            # only what modifies the clause's own verb; deeper down the parse has often
            # hung the main clause's words on it ("..., which led to X, the fighters on
            # Wednesday targeted ...")
            return steps <= _RELATIVE_CLAUSE_REACH
        if node.head.i == node.i:
            return False
        node, steps = node.head, steps + 1
    return False


#: How many arcs below a relative clause's verb an anchor may sit and still be its own.
_RELATIVE_CLAUSE_REACH = 3


def _sentence_families(events: Sequence[EventHit]) -> dict[int, set[str]]:
    families: dict[int, set[str]] = {}
    for hit in events:
        if hit.mention.modality == model.Modality.ACTUAL and not hit.anaphoric:
            families.setdefault(_sentence_start(hit), set()).add(hit.family)
    return families


def _sentence_start(hit: EventHit) -> int:
    return hit.mention.sentence.start


def _sides_by_token(ws: Workspace) -> dict[int, set[str]]:
    """The attacking parties each event word names itself (its agent or its weapons' owner)."""
    sides: dict[int, set[str]] = {}
    parties = [f for f in ws.findings if f.attribute == model.Attribute.RESPONSIBLE_PARTY]
    # "an air defence missile, not a Russian bomb, caused the explosions": blame disputed over
    # an event told elsewhere, which names no side of its own
    disputed = {f.event_token for f in parties if f.negated}
    for finding in parties:
        value, token = finding.value, finding.event_token
        if token is None or token in disputed:
            continue
        if isinstance(value, model.Label) and value.code not in PLACEHOLDERS:  # whose: not known yet
            sides.setdefault(token, set()).add(value.code)
    return sides


def _weapon_kind(ws: Workspace, hit: EventHit) -> str | None:
    """The kind of weapon a mention is about: named near it, or counted by its own words
    ("all but two had been shot down" counts the drones named before)."""
    if hit.weapon_category is not None:
        return hit.weapon_category
    categories = ws.weapon_kinds()
    counted = [f.weapon for f in ws.findings if f.event_token == hit.token and f.weapon]
    return categories.get(counted[0]) if counted else None


def _same_weapon(drafts: Sequence[_Draft], kind: str | None) -> _Draft | None:
    """ "Russia attacked Kyiv with drones and Odesa with missiles ... all but two drones were
    shot down": a mention with no anchors of its own continues the latest frame of its weapon
    kind, when the latest frame of all is about another kind or names none ("a drone strike on
    the market ... a day after militants attacked a base ... the drone fired three munitions":
    the drone's). None when nothing says so."""
    if kind is None or not drafts:
        return None
    kinds = [{h.weapon_category for h in d.hits if h.weapon_category} for d in drafts]
    if kind in kinds[0]:
        return None
    return next((d for d, k in zip(drafts, kinds, strict=True) if kind in k), None)


def _frame_at(ws: Workspace, finding: Finding, frames_by_token: dict[int, _Draft]) -> _Draft | None:
    """The violence frame under discussion where a finding sits: the event its words hang on
    ("a drone hit a house, killing a woman"), else the sentence's first, else the one frame at
    the place its clause names, else the latest before.
    The clause decides when a sentence tells two events: "The strike came three nights after a
    drone hit a house, killing a woman": the woman died in the drone's strike."""
    token = ws.doc[finding.start]
    sentence = token.sent
    in_sentence = [d for t, d in frames_by_token.items() if sentence.start <= t < sentence.end]
    placed = _placed_frame(ws, token, in_sentence)
    if placed is not None:
        return placed
    for ancestor in token.ancestors:
        if ancestor.i in frames_by_token:
            return frames_by_token[ancestor.i]
    if in_sentence:
        return in_sentence[0]
    # "The martyrs of the Bint Jbail strike rise to two", in a later entry: the frame at the
    # place the finding's clause names, rather than the latest one
    placed = _placed_frame(ws, token, list(frames_by_token.values()))
    if placed is not None:
        return placed
    before = [(t, d) for t, d in frames_by_token.items() if t < finding.start]
    if before:
        # "Two drones hit the facility that was attacked on Wednesday. A transformer caught
        # fire": the story goes on from the latest sentence's own event, not one recalled in a
        # relative clause
        last = ws.doc[before[-1][0]].sent
        told = [d for t, d in before if last.start <= t and not _in_relative_clause(ws.doc[t])]
        return told[-1] if told else before[-1][1]
    after = [d for t, d in frames_by_token.items() if t >= finding.start]
    return after[0] if after else None


def _in_relative_clause(token: Token) -> bool:
    """Whether an event word is told in a relative clause ("the facility that was attacked on
    Wednesday"): said of a noun of the story, not the story itself."""
    return syntax.relative_clause(token) is not None


def _placed_frame(ws: Workspace, token: Token, candidates: Sequence[_Draft]) -> _Draft | None:
    """The one frame of the sentence whose place the finding's own clause names: "struck Kyiv
    and Odesa, killing two people in Odesa and injuring two in the capital". The clause is the
    finding's verb without the verbs conjoined to it."""
    if len({d.index for d in candidates}) < 2:
        return None
    clause = next((a for a in [token, *token.ancestors] if a.pos_ in {"VERB", "AUX"}), None)
    if clause is None:
        return None
    conjoined = {t.i for c in clause.children if c.dep_ == "conj" for t in c.subtree}
    start, end = syntax.subtree_range(clause)
    chars = {ws.doc[i].idx for i in range(start, end) if i not in conjoined}
    named = {
        p.place.id
        for p in ws.places
        if p.role == model.PlaceRole.EVENT and any(p.span.start <= c < p.span.end for c in chars)
    }
    chosen = {d.index: d for d in candidates if any(p.place.id in named for p in d.places)}
    return next(iter(chosen.values())) if len(chosen) == 1 else None


def _resolve_anaphoric_counts(ws: Workspace, drafts: list[_Draft]) -> list[Finding]:
    """ "the devices were disabled" counts as many as the frame's earlier count of them."""
    findings = list(ws.findings)
    kinds = ws.weapon_kinds()

    def same_kind(a: Finding, b: Finding) -> bool:
        return a.weapon is None or b.weapon is None or kinds.get(a.weapon) == kinds.get(b.weapon)

    for draft in drafts:
        # "the devices", "the drones": the set counted as launched before, not a subset.
        counts = [
            i
            for i in sorted(draft.findings)
            if findings[i].attribute == model.Attribute.LAUNCHED and not findings[i].anaphoric
        ]
        for i in sorted(draft.findings):
            finding = findings[i]
            if not finding.anaphoric:
                continue
            # "54 drones and two missiles ... the missiles were not intercepted": the count of
            # the same kind of weapon.
            antecedents = [j for j in counts if findings[j].start < finding.start and same_kind(findings[j], finding)]
            if not antecedents:
                continue
            source = findings[antecedents[-1]]
            if not isinstance(source.value, model.Quantity):
                continue
            words = ws.doc[source.start : source.end].text
            findings[i] = Finding(
                attribute=finding.attribute,
                value=source.value,
                start=finding.start,
                end=finding.end,
                event_token=finding.event_token,
                weapon=finding.weapon,
                note=f"the same weapons counted earlier as {words!r}",
            )
        # unresolved anaphoric counts are dropped: no number was given
        draft.findings = [i for i in draft.findings if not findings[i].anaphoric]
    return findings


#: Event classes that are physical by construction (their guards demand a weapon or an
#: air-defence system), as opposed to words that are also metaphors ("attack", "battle").
_PHYSICAL_CLASSES = frozenset({"intercept", "crash", "find", "ban", "deploy", "violence_against_civilians"})
_PHYSICAL_TARGETS = frozenset({"military", "energy", "transport", "residential", "civilian", "industry"})


def _grounded(draft: _Draft, findings: Sequence[Finding]) -> bool:
    """Whether a frame is a physical event, not a metaphor ("attacked her rival", "an
    explosion of growth", "the budget battle"): a weapon, a casualty, damage, a physical
    target, an event word that only exists with weapons, or one told as an armed party's act."""
    if any(h.event_class in _PHYSICAL_CLASSES or h.weapon_category or h.armed or h.by_armed for h in draft.hits):
        return True
    for index in draft.findings:
        finding = findings[index]
        if finding.attribute in {
            model.Attribute.KILLED,
            model.Attribute.INJURED,
            model.Attribute.DAMAGE,
            model.Attribute.WEAPON,
            model.Attribute.LAUNCHED,
            model.Attribute.INTERCEPTED,
            model.Attribute.HIT,
        }:
            return True
        value = finding.value
        if (
            finding.attribute == model.Attribute.TARGET
            and isinstance(value, model.Label)
            and value.code in _PHYSICAL_TARGETS
        ):
            return True
    return False


def _primary(ws: Workspace, drafts: list[_Draft]) -> _Draft:
    """The report's main incident: most mentions and kinds of fact, with a head start for the
    lead. Kinds, not facts: a recalled event told in one rich sentence ("a drone struck a hotel,
    injuring two") must not outweigh the news the report leads with. A frame told only as
    denied is the main incident only of a report that tells no event as happening."""
    lead_end = _lead_end(ws)
    ends = {id(d): max((t.end for t in _dated(d.times)), default=None) for d in drafts}
    latest = max((e for e in ends.values() if e is not None), default=None)

    def score(draft: _Draft) -> float:
        early = sum(1 for h in draft.hits if h.token < lead_end)
        kinds = {ws.findings[i].attribute for i in draft.findings}
        end = ends[id(draft)]
        # Days older than another event the report tells: background, not the news.
        recalled = end is not None and latest is not None and latest - end > timedelta(days=1)
        return len(draft.hits) + 0.5 * len(kinds) + 2.0 * early - 1.5 * recalled - 0.01 * draft.index

    told = [d for d in drafts if d.hits and not d.denied]
    return max(told or [d for d in drafts if d.hits], key=score)


def _lead_end(ws: Workspace) -> int:
    """Token index where the lead (title and first two body paragraphs) ends."""
    body = [p for p in ws.report.paragraphs if p.role in {model.ParagraphRole.BODY, model.ParagraphRole.HEADLINE}]
    if len(body) < 2:
        return len(ws.doc)
    end_char = body[min(2, len(body) - 1)].end
    return next((t.i for t in ws.doc if t.idx >= end_char), len(ws.doc))
