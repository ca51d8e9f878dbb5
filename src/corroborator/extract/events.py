"""Weapons and event mentions, typed with ACLED's taxonomy and with their modality.

A word is an event mention when the lexicon lists it as a trigger and its guards hold
("hit" only with a weapon among its arguments; "destroy" as an interception only when
the weapon is what gets destroyed). Modality separates the attacks that happened from
those planned, threatened, denied or spoken of in general ("frequent attacks"): only
actual mentions seed incidents, but all are kept as mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import ClassVar

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from corroborator import model
from corroborator.extract import syntax
from corroborator.extract.actors import PartyTable
from corroborator.extract.lexicon import Lexicon, TriggerEntry, WeaponEntry
from corroborator.extract.workspace import EventHit, WeaponHit, Workspace

_DEFINITE = syntax.DEFINITE_DETERMINERS | {"its", "their", "his", "her"}


class WeaponFinder:
    """Names of weapons, munitions and air-defence systems (lexicon/weapons.toml)."""

    name: ClassVar[str] = "weapons"
    requires: ClassVar[frozenset[str]] = frozenset({"doc"})
    assigns: ClassVar[frozenset[str]] = frozenset({"weapons"})

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        # Keyed by the entry's place in the lexicon: two entries may share a code ("bomb" is
        # an IED's word, but only where nothing flies).
        self._entries: dict[str, WeaponEntry] = {}
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # the words that are a weapon on their own ("bomb", "missile"), not "strike" of "air strike"
        self._weapon_words = frozenset(w[0].lower() for e in lexicon.weapons for w in e.phrases if len(w) == 1)
        for index, entry in enumerate(lexicon.weapons):
            key = f"{entry.code}#{index}"
            self._entries[key] = entry
            patterns = []
            for words in entry.phrases:
                text = " ".join(words).replace(" - ", "-")
                # Plurals of names ("Gerans", "Shaheds", "Lancets") are written as often as the names.
                forms = {text} | ({text + "s"} if text[-1].isalpha() and not text.endswith("s") else set())
                for form in forms:
                    patterns.append(nlp.make_doc(form))
                    if "-" in form:
                        patterns.append(nlp.make_doc(form.replace("-", " ")))
                        patterns.append(nlp.make_doc(form.replace("-", "")))
            self._matcher.add(key, patterns)

    def __call__(self, ws: Workspace) -> None:
        ws.weapons = self.find(ws.doc)

    def find(self, doc: Doc) -> list[WeaponHit]:
        matches = sorted(
            ((start, end, doc.vocab.strings[key]) for key, start, end in self._matcher(doc)),
            key=lambda m: (m[0], -(m[1] - m[0])),
        )
        found: list[tuple[WeaponHit, WeaponEntry]] = []
        taken_until = -1
        for start, end, key in matches:
            if start < taken_until:
                continue
            root = doc[end - 1]
            named = root.is_upper or (root.is_title and root.i > root.sent.start)  # "UAVs of type Shahed"
            if root.pos_ not in {"NOUN", "PROPN", "NUM", "X", "ADJ"} and not named:
                continue  # "mine" the pronoun, "land" the verb
            entry = self._entries[key]
            found.append((WeaponHit(start, end, entry.code, entry.category, entry.name), entry))
            taken_until = end
        if _airborne([hit for hit, _ in found]):
            found = [(hit, entry) for hit, entry in found if not entry.grounded_only]
        return _told_again(doc, _drop_modifiers(doc, _merge_specific_generic(doc, found)), self._weapon_words)


#: Determiners and possessives that point back to something named before: "the bombs", "both
#: missiles", "their drones".
_POINTING_BACK = syntax.POINTING_BACK | {"its", "their"}


def _told_again(doc: Doc, hits: list[WeaponHit], weapon_words: frozenset[str]) -> list[WeaponHit]:
    """ "two guided aerial bombs ... The bombs hit the private sector": a definite noun that is
    the head word of a weapon named before is that weapon told again, even where the bare word
    is no weapon of its own (a plain "bomb" in a report of aircraft). The head word must be a
    weapon's word ("an air strike ... the strike" tells of the attack, not of an aircraft)."""
    ends = {h.end: h for h in hits if doc[h.root].pos_ == "NOUN" and doc[h.root].lemma_.lower() in weapon_words}
    covered = {i for h in hits for i in range(h.start, h.end)}
    named: dict[str, WeaponHit] = {}  # head word -> the last weapon named with it so far
    told: list[WeaponHit] = []
    for token in doc:
        if token.i in ends:
            named[doc[ends[token.i].root].lemma_.lower()] = ends[token.i]
        earlier = named.get(token.lemma_.lower())
        if earlier is None or token.i in covered or token.pos_ != "NOUN":
            continue
        if any(c.dep_ in {"det", "poss", "predet"} and c.lower_ in _POINTING_BACK for c in token.children):
            told.append(WeaponHit(token.i, token.i + 1, earlier.code, earlier.category, earlier.name))
    return sorted(hits + told, key=lambda h: h.start) if told else hits


def _airborne(hits: list[WeaponHit]) -> bool:
    """Whether a report names aircraft, drones or aerial bombs: a plain bomb in it is their
    payload ("the first bomb landed", "not a Russian bomb"), not a planted one."""
    return any(h.category in _AERIAL_WEAPONS for h in hits)


def _drop_modifiers(doc: Doc, hits: list[WeaponHit]) -> list[WeaponHit]:
    """Drop a weapon that only describes another ("explosives-laden drone")."""
    roots = {h.root: h for h in hits}
    kept = []
    for hit in hits:
        token = doc[hit.root]
        owner = next((a.i for a in syntax.ancestors_within(token, 3) if a.i in roots), None)
        if owner is not None and token.dep_ not in {"conj", "appos"} and roots[owner].category != "air_defence":
            continue
        kept.append(hit)
    return kept


def _merge_specific_generic(doc: Doc, found: list[tuple[WeaponHit, WeaponEntry]]) -> list[WeaponHit]:
    """ "Shahed drones", "Kalibr cruise missiles", "Shahed-type attack UAVs": one weapon, the
    specific one (words between may only modify the generic noun)."""
    merged: list[tuple[WeaponHit, WeaponEntry]] = []
    for hit, entry in found:
        prev, prev_entry = merged[-1] if merged else (None, None)
        between = doc[prev.end : hit.start] if prev is not None else doc[0:0]
        adjacent = len(between) <= 2 and all(t.head.i == hit.root and t.dep_ in {"compound", "amod"} for t in between)
        if prev is not None and prev_entry is not None and adjacent and entry.generic and not prev_entry.generic:
            merged[-1] = (WeaponHit(prev.start, hit.end, prev.code, prev.category, prev.name), prev_entry)
            continue
        if prev is not None and prev_entry is not None and prev_entry.generic and not entry.generic:
            typed = _typed_by(doc, prev, hit)
            if typed is not None:
                # "attack UAVs of type Shahed", "UAVs of the Shahed type": the specific weapon,
                # told by the words of both, hung where the generic noun is
                merged[-1] = (WeaponHit(prev.start, typed, entry.code, entry.category, entry.name, prev.root), entry)
                continue
        merged.append((hit, entry))
    return [hit for hit, _ in merged]


#: Words between a generic weapon and the type that specifies it: "UAVs of type Shahed", "drones
#: of the Shahed type", "missiles, type Kh-101".
_TYPE_WORDS = frozenset({"of", "the", "type", "types", ",", "model"})


def _typed_by(doc: Doc, generic: WeaponHit, specific: WeaponHit) -> int | None:
    """The end of the words that give a generic weapon its specific type, or None when the
    specific weapon right after it does not: "UAVs of type Shahed" (ending after "Shahed"),
    "UAVs of the Shahed type" (ending after "type")."""
    between = doc[generic.end : specific.start]
    end = specific.end
    if end < len(doc) and doc[end].lower_ in {"type", "types"}:
        end += 1
    said = [t.lower_ for t in between] + [t.lower_ for t in doc[specific.end : end]]
    typed = {t.lower_ for t in doc[generic.end : end]} & {"type", "types"}  # "the Shahed type" may be one phrase
    if len(between) > 3 or not set(said) <= _TYPE_WORDS or not typed:
        return None
    return end


class EventFinder:
    """Event mentions: trigger words with guards, ACLED type, modality, and cues."""

    name: ClassVar[str] = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "weapons", "times", "attributions"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(self, lexicon: Lexicon, parties: PartyTable | None = None) -> None:
        self.lexicon = lexicon
        #: Named armed parties ("the IDF", "FAMa", "al-Shabaab") act as armed agents do.
        self.parties = parties
        #: Vague words that count a few of something ("a few", "several"): "a few impacts".
        self._vague_counts = frozenset(words[-1] for words in lexicon.vague_quantities) - _LARGE_COUNTS
        self._times: list[model.TimeExpression] = []
        self._time_tokens: dict[int, int] = {}
        self._published: date | None = None
        self._armed_voices: list[model.Span] = []

    def __call__(self, ws: Workspace) -> None:
        weapon_at = {i: hit for hit in ws.weapons for i in range(hit.start, hit.end)}
        self._times = ws.times
        self._published = ws.report.publication.reference
        self._armed_voices = [
            a.content_span
            for a in ws.attributions
            if a.source.kind in _ARMED_VOICES and a.source.affiliation is not None
        ]
        self._time_tokens = {}
        for expression in ws.times:
            span = ws.char_span(expression.span)
            if span is not None:
                self._time_tokens[expression.span.start] = span.root.i
        hits: list[EventHit] = []
        covered: set[int] = set()
        for token in ws.doc:
            if token.i in covered:
                continue
            weapon = weapon_at.get(token.i)
            # The longest reading whose guards hold: "missiles destroyed the radar" is an attack
            # though "destroy" is also an interception verb ("destroyed two drones").
            for entry, extra_tokens in self._matches(token):
                if weapon is not None and {token.i, *extra_tokens} != set(range(weapon.start, weapon.end)):
                    continue  # a weapon's word ("drone" of "drone strike"), unless the phrase is
                    # both: "an air strike" names the attack and the aircraft's part in it
                head = _phrase_head(token, extra_tokens)
                if not self._guards_hold(head, entry, weapon_at):
                    continue
                if head.dep_ == "compound" and head.head.lower_ in self.lexicon.non_event_heads:
                    break  # "the air raid alert": the alert, not a raid
                covered.update(extra_tokens)
                hits.append(self._hit(ws, head, entry, [token.i, *extra_tokens], weapon_at, len(hits)))
                break
        ws.events = _mark_earlier_acts(ws, _mark_sentence_cues(ws, hits, self.lexicon.sentence_another))

    # -- matching

    def _matches(self, token: Token) -> list[tuple[TriggerEntry, list[int]]]:
        """The trigger entries this token starts, with the extra tokens each spans, longest
        first (lexicon order among equals)."""
        forms = syntax.word_forms(token)
        doc = token.doc
        hyphen_forms: set[str] = set()
        if token.i + 2 < len(doc) and doc[token.i + 1].text == "-":
            hyphen_forms = {f"{a}-{b}" for a in forms for b in syntax.word_forms(doc[token.i + 2])}
        found: list[tuple[TriggerEntry, list[int]]] = []
        for form in sorted(hyphen_forms) + sorted(forms):
            for entry in self.lexicon.triggers_for(form):
                verbal = token.pos_ == "AUX" or (token.pos_ == "ADJ" and syntax.is_participle(token))
                if token.pos_ not in entry.pos and not ("VERB" in entry.pos and verbal):
                    continue
                extra = _match_rest(token, entry.words, form, hyphen_forms)
                if extra is not None and all(e is not entry for e, _ in found):
                    found.append((entry, extra))
        return sorted(found, key=lambda m: -len(m[1]))

    def _guards_hold(self, token: Token, entry: TriggerEntry, weapon_at: dict[int, WeaponHit]) -> bool:
        if entry.verb_only and token.pos_ == "NOUN" and token.dep_ != "ROOT":
            return False
        if entry.counted and not self._counted_plural(token):
            return False
        if entry.aimed and not self._aimed_operation(token, weapon_at):
            return False
        near = syntax.neighbourhood(token)
        weapons_near = [weapon_at[i] for i in near if i in weapon_at]
        if token.dep_ == "acomp":
            # "the drones had been jammed" read as copula + adjective: the copula's subject counts
            weapons_near += [weapon_at[i] for i in syntax.neighbourhood(token.head) if i in weapon_at]
        attack_weapons = [w for w in weapons_near if w.category != "air_defence"]
        if entry.needs_air_defence:
            return any(w.category == "air_defence" for w in weapons_near)
        near_attack_weapons = [w for w in weapons_near if w.category != "air_defence"]
        if entry.remnant_subject:
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            remnant = any(s.lemma_.lower() in entry.remnant_subject for s in subjects)
            return remnant and _weapon_recently(token, weapon_at)
        people_struck = self._people_struck(token, weapons_near)
        if entry.needs_weapon_or_attack and people_struck:
            return False  # "five fighters were neutralised by our drones": killed, not intercepted
        if entry.needs_weapon_or_attack and not weapons_near:
            objects = [c for c in token.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
            # "all but two had been shot down" after the drones were named
            elliptic = (_elliptic_object(token) or _standing_object(token)) and _weapon_recently(token, weapon_at)
            if not any(self._attack_word(o) for o in objects) and not elliptic:
                return False
        if entry.needs_armed and not near_attack_weapons:
            words = {token.doc[i].lower_ for i in near}
            if not words & self.lexicon.armed_actors:
                return False
        if entry.needs_people:
            return people_struck
        if entry.needs_topic:
            return any(syntax.word_forms(t) & entry.needs_topic for t in token.doc[near.start : near.stop])
        recent = _weapon_recently(token, weapon_at)
        # Grammatical roles are checked structurally, so any weapon of the sentence may do.
        sentence = token.sent
        in_sentence = {weapon_at[i] for i in range(sentence.start, sentence.end) if i in weapon_at}
        attack_weapons = [w for w in in_sentence if w.category != "air_defence"]
        if entry.weapon_as_object:
            if any(
                token.doc[w.root].dep_ == "nsubj" and _is_subject_of(token.doc[w.root], token) for w in attack_weapons
            ):
                return False  # "the drone found it": the weapon acts, nothing was found
            return (
                any(_is_object_of(token.doc[w.root], token) for w in attack_weapons)
                or _elliptic_object(token)
                or (recent and _pronoun_argument(token, {"dobj", "nsubjpass"}))
            )
        if entry.weapon_as_subject:
            return any(
                _is_subject_of(token.doc[w.root], token) or _is_instrument_of(token.doc[w.root], token)
                for w in attack_weapons
            ) or (recent and _pronoun_argument(token, {"nsubj"}))
        near_attack = [w for w in weapons_near if w.category != "air_defence"]
        if entry.needs_agent and self._armed_agents(token):
            return True  # "soldiers killed five villagers", "two were wounded by militants"
        if entry.needs_weapon or entry.needs_agent:
            return (
                bool(near_attack)
                or _weapon_antecedent(token, weapon_at)
                or self._armed_strike(token)
                or _strike_recalled(token, recent)
                or (recent and self._repeated_strike(token))
                or (recent and self._dated_strike(token))
                or (recent and _deadly_strike(token))
                or (recent and _strike_on_a_thing(token))
                or _counted_impacts(token)
                or (recent and entry.counted)  # "a few impacts were identified", after the missiles
                or (recent and _pronoun_argument(token, {"nsubj"}))  # "one of them hit a petrol station"
            )
        return True

    def _aimed_operation(self, token: Token, weapon_at: dict[int, WeaponHit]) -> bool:
        """ "the Task Force conducted a precision operation with drones against a meeting", "our
        forces carried out precise operations against the army's objectives", "an operation
        targeting the ship with missiles": aimed with "against" or "targeting", and carried out
        with a weapon of its own or by an armed party."""
        # the phrases may hang on the verb whose object the noun is ("conducted an operation with drones against")
        holders = [token, token.head] if token.dep_ in syntax.OBJECTS and token.head.pos_ == "VERB" else [token]
        around = [c for h in holders for c in h.children if c.dep_ in {"prep", "acl", "advcl"}]
        aims = [c for c in around if c.lower_ == "against" or c.lemma_ == "target"]
        if not aims:
            return False
        armed = any(c.lower_ == "with" and _holds_weapon(c, weapon_at) for c in around)
        aim_weapons = any(_holds_weapon(a, weapon_at) for a in aims if a.lemma_ == "target")
        return armed or aim_weapons or self._armed_doer(token)

    def _counted_plural(self, token: Token) -> bool:
        """ "three impacts", "a few impacts", "several impacts": a plural noun with a count, and
        not one too large for impacts on one place ("millions of hits")."""
        if token.tag_ != "NNS":
            return False
        if any(c.dep_ == "nummod" for c in token.children):
            return _few_enough(token)
        return any(c.dep_ in {"amod", "det"} and c.lower_ in self._vague_counts for c in token.children)

    def _dated_strike(self, token: Token) -> bool:
        """ "the toll of the 3 May strike", "Tuesday's strike on the port": a strike noun dated by
        its own modifier, after a weapon was named, is one attack told again by its date (a
        labour strike is dated the same way, but no weapon comes before it)."""
        # The tagger often reads "the 3 May strike" as a verb; its role in the clause is a noun's.
        nominal = token.pos_ == "NOUN" or token.dep_ in syntax.SUBJECTS | syntax.OBJECTS | {"pobj"}
        if not (nominal and token.lemma_.lower() == "strike" and token.tag_ in {"NN", "VB", "VBP"}):
            return False
        start = token.left_edge.i
        return any(
            t.timex_type in {model.TimexType.DATE, model.TimexType.TIME} and start <= self._token_of(t) < token.i
            for t in self._times
        )

    def _repeated_strike(self, token: Token) -> bool:
        """ "A drone struck the market ... Another strike hit the well": "another" (a second, a
        further) strike after a weapon was named is a new attack of that kind, not a labour
        strike. The caller checks that a weapon came before."""
        strike = token.pos_ == "NOUN" and token.lemma_.lower() == "strike"
        return strike and _is_another(token, self.lexicon.another_cues)

    def _armed_strike(self, token: Token) -> bool:
        """ "units of the special forces struck the depot", "today's enemy strike on the city",
        "a Russian strike", "Russian forces launched a strike": a strike word done by an armed
        or hostile party needs no weapon named to be an attack. (Other weapon-bound verbs keep
        needing a weapon: "the army sent a letter" is no attack.)"""
        if token.lemma_.lower() not in _STRIKE_WORDS:
            return False
        if token.pos_ == "VERB":
            if any(a.lower_ == "we" for a in self._agents(token)) and self._in_armed_voice(token):
                return True  # "'We did not strike the hospital,' the defence ministry said"
            if any(o.lemma_.lower() in self.lexicon.strike_idioms for o in token.children if o.dep_ in syntax.OBJECTS):
                return False  # "the army struck a deal"
        return self._armed_doer(token)

    def _armed_doer(self, token: Token) -> bool:
        """Whether an event word is told as an armed or hostile party's act: the subject or the
        passive's "by" of a verb ("the army said it struck"; a reported "it" is its speaker), the
        modifier of a noun ("a Russian strike", "the army's strike", "enemy shelling") or the
        subject of the verb whose object it is ("Russian forces launched a strike", "the army
        carried out strikes"; a labour strike is called or joined by workers)."""
        if token.pos_ == "VERB":
            agents = self._agents(token)  # with conjuncts, and the subject a chained verb shares
            speakers = [self._speaker_of(a) for a in agents if a.lower_ in _SPEAKER_PRONOUNS]
            return any(self._armed_agent(a) for a in [*agents, *speakers] if a is not None)
        if token.pos_ != "NOUN":
            return False
        actors = self.lexicon.armed_actors
        modifiers = [c for c in token.children if c.dep_ in {"compound", "amod", "poss", "nmod"}]
        if any(
            c.lower_ in actors or c.lower_ == "hostile" or (c.ent_type_ == "NORP" and c.dep_ == "amod")
            for c in modifiers
        ):
            return True
        carrier, role = token.head, token.dep_
        if role == "pobj" and carrier.lower_ == "out":  # "carried out a strike", "out" read as a preposition
            carrier, role = carrier.head, "dobj"
        if role not in syntax.OBJECTS or carrier.pos_ != "VERB":
            return False
        return any(self._armed_agent(a) for a in self._agents(carrier))

    def _armed_agent(self, agent: Token) -> bool:
        actors = self.lexicon.armed_actors
        return agent.lower_ in actors or agent.lemma_.lower() in actors or self._armed_party(agent)

    def _speaker_of(self, pronoun: Token) -> Token | None:
        """Who "it" or "they" is in "the army said it struck a rebel base": the subject of the
        speech verb whose reported clause the pronoun opens."""
        verb = pronoun.head
        if verb.dep_ != "ccomp" or verb.head.pos_ != "VERB":
            return None
        speakers = [c for c in verb.head.children if c.dep_ == "nsubj"]
        return speakers[0] if speakers else None

    def _in_armed_voice(self, token: Token) -> bool:
        """Whether a word is said by a military or an official of a party, whose "we" is its
        forces (a reporter's or a resident's "we" is not)."""
        return any(span.start <= token.idx < span.end for span in self._armed_voices)

    def _recurring(self, token: Token) -> bool:
        """A recurring time on the event's clause ("almost every week", "every night") makes it
        habitual, not one event."""
        carrier = syntax.clause_verb(token) if token.pos_ != "VERB" else token
        start, end = syntax.subtree_range(carrier)
        doc = token.doc
        return any(
            t.timex_type == model.TimexType.SET
            and start <= self._token_of(t) < end
            and not _describes_thing(doc, t, token)
            for t in self._times
        )

    def _people_struck(self, token: Token, weapons_near: Sequence[WeaponHit]) -> bool:
        """Whether what the word acts on is people, and no weapon is among its objects:
        "several bandits were neutralised (by our drones)", not "the drones were neutralised"."""
        people = self.lexicon.people_nouns
        victims = [c for c in token.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
        victims += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "at" for p in c.children]
        if any(_is_object_of(token.doc[w.root], token) for w in weapons_near):
            return False
        return any(v.lower_ in people or v.lemma_.lower() in people for v in victims)

    def _tallied(self, token: Token) -> bool:
        """A count over a stretch of a week or more is a record, not one event: "since 1 January,
        2,317 terrorists have been neutralised", "in the last week, 43 were neutralised", "over
        the past two weeks drones struck the city" ("since Monday" of the same week may be one).
        A day named beside the stretch dates the event within it: "over the past week, drones
        twice hit the substation: in the early hours of Wednesday ... and of Sunday"."""
        carrier = syntax.clause_verb(token) if token.pos_ != "VERB" else token
        start, end = syntax.subtree_range(carrier)
        times = [t for t in self._times if start <= self._token_of(t) < end]
        if any(t.bound is None and t.precision in _DATING_PRECISIONS for t in times):
            return False
        for t in times:
            if t.bound == "start" and t.interval is not None and self._published is not None:
                if self._published - t.interval.start.date() >= _TALLY_SPAN:
                    return True
            elif _LOOKING_BACK.match(t.span.text) and (
                t.precision in _TALLY_PRECISIONS or _duration_days(t) >= _TALLY_SPAN.days
            ):
                return True
        return False

    def _token_of(self, expression: model.TimeExpression) -> int:
        return self._time_tokens.get(expression.span.start, -1)

    def _attack_word(self, token: Token) -> bool:
        """ "prevented a strike", "repelled the attack": the object is itself an attack word."""
        return any(
            e.event_class.name == "attack" and not e.needs_weapon
            for form in syntax.word_forms(token)
            for e in self.lexicon.triggers_for(form)
        )

    def _hit(
        self,
        ws: Workspace,
        token: Token,
        entry: TriggerEntry,
        extra: Sequence[int],
        weapon_at: dict[int, WeaponHit],
        n: int,
    ) -> EventHit:
        cls = entry.event_class
        weapon = _nearest_weapon(token, weapon_at)
        if weapon is None and cls.name == "attack" and (self._dated_strike(token) or self._repeated_strike(token)):
            weapon = _recent_weapon(token, weapon_at)  # the weapon that let the strike count
        if weapon is None and cls.name == "intercept" and _elliptic_object(token):
            weapon = _recent_weapon(token, weapon_at)  # "two drones ... Both were shot down"
        sub_type = cls.sub_event_type
        event_type = cls.event_type
        if cls.name in {"attack", "explosion", "casualty", "incident"} and weapon is not None:
            sub_type = self.lexicon.weapon_subtypes.get(weapon.category, sub_type)
            event_type = "Explosions/Remote violence"
        first, last = min([token.i, *extra]), max([token.i, *extra])
        sentence = token.sent
        negated = self._negated(token)
        modality = model.Modality.NEGATED if negated else self._mood(token, weapon_at)
        mention = model.EventMention(
            id=f"{ws.report_id}:e{n + 1}",
            trigger=ws.span(first, last + 1),
            sentence=ws.span(sentence.start, sentence.end),
            lemma=" ".join(entry.words),
            event_type=event_type,
            sub_event_type=sub_type,
            modality=modality,
            weapon=weapon.code if weapon else None,
        )
        return EventHit(
            mention=mention,
            token=token.i,
            end=last + 1,
            family=cls.family,
            event_class=cls.name,
            another=_is_another(token, self.lexicon.another_cues) or _in_response(token, self.lexicon.response_nouns),
            new_unless_same_spot=(
                _another_weapon(token, weapon_at, self.lexicon.another_cues) or _brought_in_as_subject(token)
            ),
            anaphoric=_is_anaphoric(token),
            denial=negated and cls.name in _DENIABLE and self._denied_occasion(token, weapon_at),
            weapon_category=weapon.category if weapon else None,
            # A blast that was heard or felt is a physical one, not "an explosion of growth".
            armed=entry.armed or (cls.name == "explosion" and _heard(token)),
            by_armed=cls.name == "attack" and self._armed_doer(token),
            ground=entry.ground
            or (cls.name in {"attack", "casualty"} and weapon is None and not entry.armed and self._irregulars(token))
            or (entry.needs_agent and weapon is None and self._on_foot(token)),
        )

    def _agents(self, token: Token) -> list[Token]:
        """Who does what a verb tells, with their conjuncts: its subject, the "by" of its passive,
        or the subject of the verb it is chained to ("gunmen entered the village and attacked
        it")."""
        agents: list[Token] = []
        carrier = token
        while True:
            agents += [c for c in carrier.children if c.dep_ == "nsubj"]
            agents += [g for c in carrier.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agents or carrier.dep_ not in {"conj", "xcomp", "advcl"} or carrier.head.pos_ != "VERB":
                break
            carrier = carrier.head
        return [t for a in agents for t in (a, *a.conjuncts)]

    def _armed_agents(self, token: Token) -> bool:
        """Whether a casualty verb's agent is armed: "soldiers killed five villagers", "gunmen
        killed four farmers", "two were wounded by militants". An armed agent makes the killing
        an event with no weapon named, as a weapon or a strike does."""
        return self._agent_among(token, self.lexicon.armed_actors | self.lexicon.ground_personnel, parties=True)

    def _on_foot(self, token: Token) -> bool:
        """Whether a casualty verb's agent is armed men on the ground: irregulars, soldiers or a
        named armed group ("al-Shabaab killed three soldiers"), not "the army", "forces" or a
        state's forces, which may have shelled."""
        return self._agent_among(token, self.lexicon.ground_personnel, parties=True, groups_only=True)

    def _agent_among(
        self, token: Token, words: frozenset[str], *, parties: bool = False, groups_only: bool = False
    ) -> bool:
        """Whether a verb's agent is one of `words` or irregular armed men (or, with `parties`,
        a named armed party: only an armed group with `groups_only`)."""
        if token.pos_ != "VERB":
            return False
        return any(
            syntax.word_forms(a) & words or self._irregular(a) or (parties and self._armed_party(a, groups_only))
            for a in self._agents(token)
        )

    def _armed_party(self, agent: Token, groups_only: bool = False) -> bool:
        """Whether an agent names a party's forces or an armed group: "the IDF", "FAMa", "the
        Rapid Support Forces", "al-Shabaab" (a state's name or its government is not: "Israel
        struck a deal", "the Kremlin struck back" at critics). With `groups_only`, only an armed
        group's name or forces."""
        if self.parties is None or agent.pos_ not in {"PROPN", "NOUN"}:
            return False
        doc = agent.doc
        phrase = doc[agent.left_edge.i : agent.i + 1]
        for mention in self.parties.mentions(phrase.text):
            if phrase.start_char + mention.end < agent.idx:
                continue  # a modifier of the agent ("Hezbollah's commander"), not the agent
            party = self.parties.party(mention.code)
            group = party is not None and party.kind == "armed_group"
            if (mention.role == "forces" and (group or not groups_only)) or (mention.role == "name" and group):
                return True
        return False

    def _irregulars(self, token: Token) -> bool:
        """Whether the event's agent is irregular armed men: "gunmen attacked the village",
        "the post was attacked by militants", "an insurgent raid", "an attack by bandits",
        "separatist fighters carried out an attack", "armed men stormed in and killed five"."""
        agents: list[Token] = []
        if token.pos_ == "VERB":
            agents = self._agents(token)
        elif token.pos_ == "NOUN":
            agents += [c for c in token.children if c.dep_ in {"compound", "amod", "nmod"}]
            agents += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
            if token.dep_ in syntax.OBJECTS and token.head.pos_ == "VERB":
                # "insurgents launched an attack", "gunmen carried out a raid"
                agents += [c for c in token.head.children if c.dep_ == "nsubj"]
        return any(self._irregular(t) for a in agents for t in [a, *a.conjuncts])

    def _irregular(self, token: Token) -> bool:
        lx = self.lexicon
        if syntax.word_forms(token) & lx.irregular_actors:
            return True
        modifiers = [c for c in token.children if c.dep_ in {"compound", "amod"}]
        if any(syntax.word_forms(m) & lx.irregular_actors for m in modifiers):
            return True  # "separatist fighters", "militia members"
        return bool(syntax.word_forms(token) & lx.armed_irregular_heads) and any(m.lower_ == "armed" for m in modifiers)

    # -- modality

    def _negated(self, token: Token) -> bool:
        """ "no attack took place", "did not carry out an attack" deny the event; "has not
        claimed the attack" denies the claim, not the attack."""
        carrier = token if token.pos_ in {"VERB", "AUX"} else syntax.clause_verb(token)
        light = bool(syntax.word_forms(carrier) & self.lexicon.light_verbs)
        return _negated_itself(token) or (
            carrier.i != token.i
            and light
            and token.dep_ in syntax.SUBJECTS | syntax.OBJECTS
            and any(c.dep_ == "neg" for c in carrier.children)
        )

    def _denied_occasion(self, token: Token, weapon_at: dict[int, WeaponHit]) -> bool:
        """Whether a negated mention denies one past occasion: "did not strike the hospital", "no
        strike took place", "has not carried out any strike". Its words would tell an actual event
        but for the negation, and its clause is in the past: "we do not attack civilians" and "the
        army never targets gatherings" are a policy, "if we had not struck" a hypothesis."""
        if self._mood(token, weapon_at, negated=True) != model.Modality.ACTUAL:
            return False
        carrier = token if token.pos_ in {"VERB", "AUX"} else syntax.clause_verb(token)
        return _past_clause(carrier)

    def _dated_clause(self, token: Token) -> bool:
        """Whether the event's own clause is dated to a day or a time of day ("carrying out air
        strikes in Paktika overnight", "strikes on the port on Monday"): plural strikes so dated
        are that occasion's, not a campaign."""
        carrier = syntax.clause_verb(token) if token.pos_ != "VERB" else token
        start, end = syntax.subtree_range(carrier)
        return any(
            t.bound is None
            and (
                t.precision in _DATING_PRECISIONS
                or (t.precision is None and t.timex_type == model.TimexType.TIME)  # "overnight", unanchored
            )
            and t.timex_type in {model.TimexType.DATE, model.TimexType.TIME}
            and start <= self._token_of(t) < end
            for t in self._times
        )

    def _mood(self, token: Token, weapon_at: dict[int, WeaponHit], *, negated: bool = False) -> model.Modality:
        """Actual, generic or hypothetical, whether or not the mention is negated. Under a
        negation "any" is the negation's own word ("did not carry out any strike" carried out
        none), not a generalisation ("any attack on civilians is a crime")."""
        lx = self.lexicon
        carrier = token if token.pos_ in {"VERB", "AUX"} else syntax.clause_verb(token)
        generic = lx.generic_modifiers - _NEGATIVE_POLARITY if negated else lx.generic_modifiers
        dated = self._dated_clause(token)
        if (
            _is_generic(token, generic, weapon_at, lx.armed_actors, dated=dated)
            or self._recurring(token)
            or self._tallied(token)
        ):
            return model.Modality.GENERIC
        if token.dep_ == "pobj" and token.head.lower_ == "for" and not _is_anaphoric(token) and _readied_for(token, lx):
            # "missiles stockpiled for a massive strike"; not "responsibility for the attack" or
            # "tolls for the airstrike", which name one that happened
            return model.Modality.HYPOTHETICAL
        # A modal counts for the trigger's own clause: "an attack would be a victory", not
        # "the sound of the explosion could be heard" (perception of a real blast).
        own_clause = token.i == carrier.i or token.dep_ in syntax.SUBJECTS | syntax.OBJECTS
        if own_clause and any(c.dep_ == "aux" and c.lower_ in lx.modal_auxiliaries for c in carrier.children):
            return model.Modality.HYPOTHETICAL
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether", "lest"} for c in carrier.children):
            return model.Modality.HYPOTHETICAL  # "if they find them", "whether drones hit"
        # planned, threatened, prepared: the governing verb or noun decides.
        for ancestor in [carrier, *syntax.ancestors_within(carrier, 4)]:
            if ancestor.i == token.i:
                continue
            governs = syntax.word_forms(ancestor) & lx.hypothetical_governors
            if governs and ancestor.pos_ in {"VERB", "NOUN", "AUX"}:
                return model.Modality.HYPOTHETICAL
            if ancestor.dep_ in {"ROOT"}:
                break
        if token.pos_ == "NOUN" and token.dep_ == "pobj":
            governor = token.head.head
            if governor.pos_ == "NOUN" and syntax.word_forms(governor) & {
                "threat",
                "risk",
                "plan",
                "possibility",
                "fear",
                "prospect",
            }:
                return model.Modality.HYPOTHETICAL
        return model.Modality.ACTUAL


def _mark_sentence_cues(ws: Workspace, hits: list[EventHit], cues: frozenset[str]) -> list[EventHit]:
    """ "Meanwhile, ...", "Separately, ...": the sentence's first actual mention is another event."""
    marked: list[EventHit] = []
    seen_sentences: set[int] = set()
    for hit in hits:
        sentence = ws.doc[hit.token].sent
        first_words = [t for t in sentence[:3] if not t.is_punct]
        opens_with_cue = bool(first_words) and first_words[0].lower_ in cues and first_words[0].dep_ in {"advmod", "cc"}
        opens_with_cue = opens_with_cue or _opens_apart(sentence)
        if (
            opens_with_cue
            and sentence.start not in seen_sentences
            and hit.mention.modality == model.Modality.ACTUAL
            and not hit.another
        ):
            hit = EventHit(**{**hit.__dict__, "another": True})
        if hit.mention.modality == model.Modality.ACTUAL:
            seen_sentences.add(sentence.start)
        marked.append(hit)
    return marked


def _opens_apart(sentence: Span) -> bool:
    """ "In a separate incident, ...", "In another toll, ...", "In a second attack, ...": a
    sentence set apart from the one before by its opening phrase."""
    words = [t.lower_ for t in sentence[:4]]
    return len(words) == 4 and words[0] == "in" and (
        (words[1] in {"a", "an"} and words[2] in _APART) or words[1] in {"another", "other"}
    )


#: Adjectives of an opening "In a ... X," that set its sentence apart.
_APART = frozenset({"separate", "second", "third", "further", "different"})


def _mark_earlier_acts(ws: Workspace, hits: list[EventHit]) -> list[EventHit]:
    """ "air missions against bandits who earlier in the day attacked Rijiyar Gabas", "drones hit
    a substation that had been struck before": an attack told in a relative clause on what an
    earlier event word of the sentence acts on is that thing's own, other event."""
    actual = {h.token for h in hits if h.mention.modality == model.Modality.ACTUAL and h.family == "violence"}
    weapon_words = {i for w in ws.weapons for i in range(w.start, w.end)}
    marked: list[EventHit] = []
    for hit in hits:
        token = ws.doc[hit.token]
        clause = syntax.relative_clause(token)
        if clause is not None and not hit.another and hit.token in actual and _told_as_earlier(token):
            hit = EventHit(**{**hit.__dict__, "another": True})
        elif clause is not None and not hit.another and hit.token in actual and _told_of_a_thing(clause, weapon_words):
            antecedent = clause.head
            earlier = {i for i in actual if i < antecedent.i and ws.doc[i].sent.start == token.sent.start}
            if earlier and antecedent.i not in earlier and antecedent.dep_ != "nsubj":
                hit = EventHit(**{**hit.__dict__, "another": True})
        elif (
            not hit.another
            and hit.token in actual
            and _days_before(token)
            and (
                any(i < token.i and ws.doc[i].sent.start == token.sent.start for i in actual)
                or _event_subject(token)
            )
        ):
            hit = EventHit(**{**hit.__dict__, "another": True})
        marked.append(hit)
    return marked


_EARLIER = frozenset({"earlier", "before", "previously", "previous"})


def _told_as_earlier(verb: Token) -> bool:
    """ "bandits who attacked a neighbouring village earlier that day", "the militia that had
    shelled the town the day before": what the people or things the sentence is about did
    earlier, told in a relative clause, is another event than the sentence's."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in _EARLIER:
            return True
        if child.dep_ == "npadvmod" and any(
            g.dep_ in {"advmod", "amod"} and g.lower_ in _EARLIER for g in child.children
        ):
            return True
    return False


#: Stretches an act comes "after" that put days between it and the told event.
_SPELLS_BEFORE = frozenset({"day", "night", "morning", "afternoon", "evening", "week", "month", "year"})


def _days_before(verb: Token) -> bool:
    """ "... killed 30 on Friday, a day after militants attacked the base": an act in a clause
    that happened days (or weeks) before the event told first is another event, and so is one
    told as said in such a clause ("a day after the directorate said it had downed a drone").
    "Hours after" may still be the same one."""
    clauses = (verb, verb.head) if verb.dep_ == "ccomp" else (verb,)
    return any(opens_days_after(clause) for clause in clauses)


def opens_days_after(clause: Token) -> bool:
    """Whether a clause is brought in by "a day after", "three nights after" (its "after" right
    behind a stretch of days): what it tells happened that long before the event told first."""
    return any(
        mark.dep_ == "mark"
        and mark.lower_ == "after"
        and mark.i > 0
        and mark.doc[mark.i - 1].lemma_.lower() in _SPELLS_BEFORE
        for mark in clause.children
    )


#: Nouns that name the event a report is about when they head its main clause.
_EVENT_NOUNS = frozenset({"strike", "attack", "raid", "bombing", "shelling", "explosion", "blast", "airstrike"})


def _event_subject(verb: Token) -> bool:
    """ "The strike came three nights after a drone hit ...": the clause the earlier act hangs on
    has the event itself as its subject, though that noun named no weapon beside it."""
    governor = verb.head
    return governor.i != verb.i and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in _EVENT_NOUNS for c in governor.children
    )


def _told_of_a_thing(clause: Token, weapon_words: set[int]) -> bool:
    """A relative clause on a target or a group, not on a weapon ("drones that tried to attack
    the base" is the drones' own attack) and not a time clause ("the hours when drones
    struck")."""
    antecedent = clause.head
    if antecedent.i in weapon_words or antecedent.pos_ not in {"NOUN", "PROPN"}:
        return False
    return not any(c.lower_ in {"when", "where", "while"} for c in clause.children if c.dep_ == "advmod")


def _phrase_head(first: Token, extra: Sequence[int]) -> Token:
    """The word of a multi-word trigger whose arguments decide: in "crash-landed" the verb,
    the last part; in "an air operation against the base" the noun the others modify, which
    carries the phrase's determiner ("another air strike") and its objects."""
    doc = first.doc
    if extra and doc[extra[-1]].pos_ == "VERB" and doc[first.i + 1].text == "-":
        return doc[extra[-1]]
    inside = {first.i, *extra}
    for i in sorted(inside):
        if doc[i].dep_ == "compound" and doc[i].head.i in inside:
            continue
        return doc[i]
    return first


def _readied_for(token: Token, lx: Lexicon) -> bool:
    """ "Drones for an attack", "stockpiling missiles for a massive strike": an attack that
    weapons are made, kept or gathered for is still to come. The "for" hangs on a noun, or
    on a verb of handling weapons; "arrested for an attack on police" tells one that happened."""
    governor = token.head.head
    if governor.pos_ in {"NOUN", "PROPN"}:
        return True
    return governor.pos_ == "VERB" and governor.lemma_.lower() in lx.handling_verbs


#: Sources whose "we" strikes with arms: a party's military and officials.
_ARMED_VOICES = frozenset({model.SourceKind.MILITARY, model.SourceKind.OFFICIAL})

#: Classes whose negation denies that the event happened ("did not strike the market"); a negated
#: interception, crash or toll ("the missiles were not intercepted", "no one was killed") tells
#: how an event went, and is read as a count of none.
_DENIABLE = frozenset({"attack", "explosion", "violence_against_civilians", "clash"})

#: Determiners a negation takes ("did not carry out any strike").
_NEGATIVE_POLARITY = frozenset({"any"})

#: Tags of a verb, or of its auxiliary, that put a clause in the past: "struck", "did", "has struck".
_PAST_TAGS = frozenset({"VBD", "VBN"})


def _past_clause(verb: Token) -> bool:
    """Whether a clause tells the past: its verb or an auxiliary of it is past ("did not strike",
    "was not struck", "no strike took place"), or it is perfect ("has not carried out")."""
    if verb.tag_ in _PAST_TAGS:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and (c.tag_ in _PAST_TAGS or c.lemma_ == "have") for c in verb.children)


def _negated_itself(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    return any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in token.children)


def _holds_weapon(token: Token, weapon_at: dict[int, WeaponHit]) -> bool:
    """Whether a weapon other than air defence is named in the token's subtree."""
    start, end = syntax.subtree_range(token)
    return any(i in weapon_at and weapon_at[i].category != "air_defence" for i in range(start, end))


def _match_rest(token: Token, words: tuple[str, ...], form: str, hyphen_forms: set[str]) -> list[int] | None:
    """Tokens after the first that complete a multi-word trigger, or None if they don't."""
    if len(words) == 1:
        if words[0] == form and form in hyphen_forms:
            return [token.i + 1, token.i + 2]
        return [] if words[0] == form else None
    if "-" in form:
        return None
    if words[0] != form:
        return None
    doc = token.doc
    rest = list(words[1:])
    # A verb with its particle ("shot ... down"), wherever the particle sits.
    if len(rest) == 1 and syntax.particle(token) == rest[0]:
        prt = next(c for c in token.children if c.lower_ == rest[0])
        return [prt.i]
    if len(rest) == 1:
        # A verb with its object, however modified: 'opened "unprovoked" fire', "opened heavy fire"
        held = [c for c in token.children if c.dep_ in {"dobj", "obj"} and rest[0] in syntax.word_forms(c)]
        if held:
            return [held[0].i]
    extra = []
    i = token.i + 1
    for word in rest:
        if i >= len(doc) or word not in syntax.word_forms(doc[i]):
            return None
        extra.append(i)
        i += 1
    return extra


def _is_object_of(weapon: Token, verb: Token) -> bool:
    current = weapon
    for _ in range(3):
        if current.head.i == verb.i and current.dep_ in {
            "dobj",
            "nsubjpass",
            "obj",
            "pobj",
            "attr",
        } | {"conj"}:
            return True
        if current.dep_ in {"pobj", "conj", "appos"} or current.dep_ == "prep":
            current = current.head
            continue
        break
    return weapon.head.i == verb.i and weapon.dep_ in syntax.OBJECTS | {"nsubjpass"}


def _is_subject_of(weapon: Token, verb: Token) -> bool:
    heads = {verb} | {c for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if verb.head.lemma_ in {"have", "be", "do"} and verb.dep_ in {"ccomp", "xcomp", "conj"}:
        heads.add(verb.head)  # "had crash-landed" mis-parsed with "had" as the main verb
    current = weapon
    for _ in range(3):
        if current.head in heads and current.dep_ in syntax.SUBJECTS:
            return True
        if current.dep_ in {"pobj", "prep", "conj", "appos"}:
            current = current.head
            continue
        break
    if verb.dep_ == "relcl" and verb.head.i == weapon.i:
        # "the drone that struck the apartment block": the pronoun stands for the weapon
        return any(c.dep_ == "nsubj" and c.lower_ in syntax.RELATIVE_PRONOUNS for c in verb.children)
    # "debris of a drone fell": the weapon sits inside the subject phrase.
    return any(c.dep_ in syntax.SUBJECTS and c.left_edge.i <= weapon.i <= c.right_edge.i for c in verb.children)


def _weapon_antecedent(verb: Token, weapon_at: dict[int, WeaponHit]) -> bool:
    """ "The drone that struck the apartment block": a relative clause told of an attacking
    weapon, whose pronoun subject stands for it."""
    weapon = weapon_at.get(verb.head.i)
    return weapon is not None and weapon.category != "air_defence" and _is_subject_of(verb.head, verb)


def _is_instrument_of(weapon: Token, verb: Token) -> bool:
    """ "Fighters destroyed an armoured vehicle with an IED", "the convoy was destroyed by a
    drone", "destroyed the depot using drones": the weapon did it, though not as the subject."""
    head = weapon.head
    if weapon.dep_ == "pobj" and head.head.i == verb.i:
        return head.lower_ == "with" or (head.lower_ == "by" and head.dep_ == "agent")
    if weapon.dep_ != "dobj" or head.lower_ != "using":
        return False
    # the parse may hang "using" on the verb's object ("destroyed the checkpoint using drones")
    return head.head.i == verb.i or (head.dep_ == "acl" and head.head.head.i == verb.i)


def _weapon_recently(token: Token, weapon_at: dict[int, WeaponHit]) -> bool:
    """A weapon named in this sentence or the two before it (for "they", "it", "them")."""
    sent = token.sent
    start = sent.start
    for _ in range(2):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return any(start <= i < token.i for i in weapon_at)


def _recent_weapon(token: Token, weapon_at: dict[int, WeaponHit]) -> WeaponHit | None:
    """The last attack weapon named in this sentence or the two before it, before the token."""
    start = token.sent.start
    for _ in range(2):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    before = [weapon_at[i] for i in range(start, token.i) if i in weapon_at]
    attack = [w for w in before if w.category != "air_defence"]
    return attack[-1] if attack else None


def _pronoun_argument(verb: Token, deps: set[str]) -> bool:
    """ "They struck", "it hit", and "one of them hit a petrol station": an argument that stands
    for weapons named before."""
    heads = {verb} | {c for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return any(
        c.dep_ in deps
        and (
            (c.pos_ == "PRON" and c.lower_ in {"they", "it", "them", "both", "one", "another"})
            or ((c.like_num or c.lower_ in _QUANTIFIERS) and _of_them(c))
        )
        for h in heads
        for c in h.children
    )


def _of_them(token: Token) -> bool:
    """ "One of them", "two of those": a part of a group named before."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in {"them", "these", "those"} for g in c.children)
        for c in token.children
    )


def _elliptic_object(verb: Token) -> bool:
    """ "Two were destroyed": a bare number or pronoun as the passive subject. "Both were
    engaged and shot down", and in a military post's clipped style "Both engaged & shot down"
    (read as active, with no object): a quantifier the verb shares with the first of its chain."""
    if any(c.dep_ == "nsubjpass" and _stands_for_named(c) for c in verb.children):
        return True
    if any(c.dep_ in syntax.OBJECTS for c in verb.children):
        return False
    first = syntax.chain_head(verb)
    # the parse may hang the subject on the auxiliary ("Both" on "were")
    holders = [first, *(c for c in first.children if c.dep_ in {"aux", "auxpass"})]
    return any(
        c.dep_ in syntax.SUBJECTS and c.lower_ in _QUANTIFIERS and not _names_its_whole(c)
        for h in holders
        for c in h.children
    )


def _standing_object(verb: Token) -> bool:
    """ "confronted the hostile drones and shot down six of them", "intercepted both": an object
    that is a number, a pronoun or a quantifier stands for what was named before."""
    return any(c.dep_ in syntax.OBJECTS and _stands_for_named(c) for c in verb.children)


def _stands_for_named(word: Token) -> bool:
    """A number, pronoun or quantifier: a word that stands for things named before. Not one
    that names its own whole ("most of the dead were found"): that whole is what it counts
    ("two of them" still stands for what was named)."""
    if _names_its_whole(word):
        return False
    return word.like_num or word.pos_ in {"NUM", "PRON"} or word.lower_ in _QUANTIFIERS


def _names_its_whole(word: Token) -> bool:
    """ "most of the dead", "two of the drones": a count with a noun of its own after "of"."""
    wholes = [p for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return any(w.pos_ != "PRON" for w in wholes)


#: Quantifiers that stand for weapons named before: "all but two were shot down".
_QUANTIFIERS = frozenset({"all", "both", "most", "none", "each", "several", "many"})


def _nearest_weapon(token: Token, weapon_at: dict[int, WeaponHit]) -> WeaponHit | None:
    candidates = [
        weapon_at[i]
        for i in syntax.neighbourhood_with_subject(token)
        if i in weapon_at and not _in_earlier_act(token.doc[weapon_at[i].root], token)
    ]
    attack = [w for w in candidates if w.category != "air_defence"]
    pool = attack or candidates
    if not pool:
        return None
    carriers = [w for w in pool if w.category in AERIAL_CARRIERS]
    if carriers and any(w.category == "explosive" for w in pool):
        pool = carriers  # "explosives dropped from drones": the aircraft makes it an air strike
    return min(pool, key=lambda w: abs(w.root - token.i))


def _in_earlier_act(word: Token, token: Token) -> bool:
    """ "The raid took place the morning after fighters detonated an IED": a weapon in a clause
    telling an act days before (`_days_before`) is that act's, not the event word's."""
    own = {token.i, *(t.i for t in token.ancestors)}
    return any(v.i not in own and _days_before(v) for v in (word, *word.ancestors))


#: Weapon categories that carry and drop explosives; ACLED types drone-dropped munitions
#: and aerial bombs as air/drone strikes, not remote explosives (facts: their explosives are
#: their payload, not a weapon of their own).
AERIAL_CARRIERS = frozenset({"drone", "aircraft"})
#: Weapon categories that come from the air: the carriers and the bombs they glide in.
_AERIAL_WEAPONS = AERIAL_CARRIERS | {"glide_bomb"}


#: Attack words an armed party as striker makes an attack without a named weapon.
_STRIKE_WORDS = frozenset({"strike", "hit", "target", "pound"})
#: Pronouns a reported clause opens with for the one who reports it ("the army said it struck").
_SPEAKER_PRONOUNS = frozenset({"it", "they"})


def _strike_recalled(token: Token, recent: bool) -> bool:
    """ "A drone hit the market. The strike happened at about 9:40": "the strike" that took
    place (happened, occurred, came, began), or of which something is told ("the main direction
    of the strike was Kyiv"), after a weapon was named, is that attack told again, with when or
    where. So is
    "the minibus was hit near Gobiye" (or "it was hit at 11:15") after "a drone strike on a
    minibus": the target told again in the passive, with no other agent ("was hit by a truck"
    is no attack)."""
    if recent and token.pos_ == "VERB" and token.lemma_.lower() in _STRIKE_WORDS:
        subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
        agents = [c for c in token.children if c.dep_ == "agent"]
        told_again = [s for s in subjects if _is_anaphoric(s) or s.lower_ in {"it", "they"}]  # "when it was hit"
        return bool(subjects) and len(told_again) == len(subjects) and not agents
    if not (recent and token.pos_ == "NOUN" and token.lemma_.lower() == "strike" and _is_anaphoric(token)):
        return False
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "of" and verb.head.pos_ == "NOUN":
        return True  # "the main direction of the strike was the city of Kyiv", "the site of the strike"
    took_place = verb.lemma_.lower() == "take" and any(c.lower_ == "place" for c in verb.children)
    # "the strike came at around 1930 GMT on Sunday", "the strike on Kremenchuk began at 04:10"
    return token.dep_ == "nsubj" and (verb.lemma_.lower() in _OCCURRENCE_VERBS or took_place)


#: Verbs by which "the strike" that a weapon's mention makes an attack is told again.
_OCCURRENCE_VERBS = frozenset({"happen", "occur", "come", "begin", "start"})


#: Verbs of harm whose subject, a strike, is an attack: a labour strike kills no one.
_HARM_VERBS = frozenset({"kill", "injure", "wound", "destroy", "damage"})


def _deadly_strike(token: Token) -> bool:
    """ "Turkish drone strikes continued ... On 17 October a strike on a farmer's car killed three
    men": a strike that kills, wounds or destroys, after a weapon was named, is an attack of
    that kind. The caller checks that a weapon came before."""
    if not (token.pos_ == "NOUN" and token.lemma_.lower() == "strike" and token.dep_ == "nsubj"):
        return False
    return token.head.lemma_.lower() in _HARM_VERBS


def _strike_on_a_thing(token: Token) -> bool:
    """ "Turkish drone strikes continued ... A strike on the gas plant the same evening cut
    power": a strike noun aimed "on" or "against" something, after a weapon was named, is an
    attack of that kind. (A labour strike is "at" a plant or "by" its workers, and no weapon
    comes before it.) The caller checks that a weapon came before."""
    if not (token.pos_ == "NOUN" and token.lemma_.lower() == "strike"):
        return False
    aims = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"on", "against"}]
    return any(
        p.dep_ == "pobj" and p.pos_ in {"NOUN", "PROPN"} and p.ent_type_ not in {"DATE", "TIME"}
        for a in aims
        for p in a.children
    )


#: Counts too large for impacts on one target: "two million hits on the website".
_LARGE_COUNTS = frozenset({"hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion"})


def _few_enough(token: Token) -> bool:
    """Whether no number counting the noun is too large for impacts on one place."""
    counts = [c for c in token.children if c.dep_ == "nummod"]
    return not any({c.lower_, *(g.lower_ for g in c.children)} & _LARGE_COUNTS for c in counts)


def _counted_impacts(token: Token) -> bool:
    """ "at least two hits on the refinery", "three strikes on the bridge": impacts counted on a
    target are an attack though no weapon is named beside them."""
    if not (token.pos_ == "NOUN" and token.tag_ == "NNS" and token.lemma_.lower() in {"hit", "strike"}):
        return False
    if not (any(c.dep_ == "nummod" for c in token.children) and _few_enough(token)):
        return False
    targets = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children]
    return any(g.dep_ == "pobj" for g in targets)


def _in_response(token: Token, nouns: frozenset[str]) -> bool:
    """ "fired rockets at the base in response (to the strike)", "in retaliation for ...,
    the militia shelled ...": an answer to an event is another event."""
    if _means_of_answer(token, nouns):
        return True
    # The parse often hangs the phrase on the last noun ("rockets at an army base in
    # response"): look through the event's own phrases, not into clauses joined to it.
    stack, seen = [(token, 0)], 0
    while stack and seen < 60:
        node, depth = stack.pop()
        seen += 1
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "as"} and any(
                g.dep_ == "pobj" and g.lemma_ in nouns for g in child.children
            ):
                return True
            if depth < 3 and child.dep_ in _OWN_PHRASES:
                stack.append((child, depth + 1))
    return False


def _means_of_answer(token: Token, nouns: frozenset[str]) -> bool:
    """ "Took its revenge by bombing women and children", "retaliated by shelling the town":
    the means of an answer is the answering event."""
    by = token.head
    if token.dep_ not in {"pcomp", "pobj"} or by.lower_ != "by" or by.head.i == by.i:
        return False
    verb = by.head
    return verb.lemma_.lower() in _ANSWER_VERBS or any(
        c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in nouns for c in verb.children
    )


#: Verbs whose means ("by ...ing") is an answer to an earlier event.
_ANSWER_VERBS = frozenset({"retaliate", "respond", "reply", "avenge", "reciprocate"})


#: Dependents that belong to an event word's own clause (not a conjoined or reported one).
_OWN_PHRASES = frozenset({"prep", "pobj", "dobj", "npadvmod", "advmod", "agent", "attr", "nsubjpass"})


def _is_another(token: Token, cues: frozenset[str]) -> bool:
    """ "another attack", "an additional strike", "a second explosion", "another claim of an attack"."""
    if any(c.dep_ in {"det", "amod", "advmod"} and c.lower_ in cues for c in token.children):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        owner = token.head.head
        return owner.pos_ == "NOUN" and any(c.dep_ in {"det", "amod"} and c.lower_ in cues for c in owner.children)
    return False


def _another_weapon(token: Token, weapon_at: dict[int, WeaponHit], cues: frozenset[str]) -> bool:
    """ "Hours later, another Turkish drone hit the gas plant", "a second missile struck the
    port": another weapon as the subject of the attack word is another attack."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.i in weapon_at and _is_another(c, cues) for c in token.children
    )


def _brought_in_as_subject(token: Token) -> bool:
    """ "On 17 October a strike on a car near Amuda killed three men. A strike on the gas plant
    the same evening cut power": an attack noun brought in with "a" as the subject of its
    clause tells an attack of its own ("the strike" would tell one again)."""
    return token.pos_ == "NOUN" and token.dep_ in {"nsubj", "nsubjpass"} and syntax.has_determiner(token, {"a", "an"})


#: Verbs whose simple past with a plural attack noun tells what was done on one occasion:
#: "the air force carried out strikes on a gathering on Friday".
_PERFORM_VERBS = frozenset({"carry", "conduct", "launch", "execute", "mount", "stage"})


def _done_once(token: Token) -> bool:
    """ "carried out strikes on the market": a plural attack noun as the object of a perform
    verb in the simple past is one occasion's strikes, not a habit (the present perfect,
    "has carried out strikes since 2023", stays a campaign)."""
    verb = token.head
    return token.dep_ in {"dobj", "obj"} and verb.tag_ == "VBD" and verb.lemma_.lower() in _PERFORM_VERBS


#: Verbs of perception whose simple-past passive tells what witnesses noticed on one occasion.
_PERCEPTION_VERBS = frozenset({"hear", "feel", "see"})


def _perceived(token: Token) -> bool:
    """ "explosions were heard in the port overnight": a bare plural as the subject of a perception
    verb in the simple past is what was heard that time, not a habit ("explosions are heard
    every night" keeps its present tense, and a recurring time makes it habitual anyway)."""
    return _heard(token) and any(c.dep_ == "auxpass" and c.lower_ in {"was", "were"} for c in token.head.children)


def _heard(token: Token) -> bool:
    """ "a blast was heard", "explosions were felt": the passive subject of a perception verb."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False  # "an explosion of growth was seen": a figure of speech
    return token.dep_ == "nsubjpass" and token.head.lemma_.lower() in _PERCEPTION_VERBS


def _is_anaphoric(token: Token) -> bool:
    if token.pos_ != "NOUN":
        return False
    return any(c.dep_ in {"det", "poss"} and c.lower_ in _DEFINITE for c in token.children)


def _telegraphic(token: Token) -> bool:
    """ "Explosions in the city.": a verbless sentence headed by the event word is a live
    report (channels and live blogs write so), not a general statement."""
    return token.dep_ == "ROOT" and not any(t.pos_ in {"VERB", "AUX"} for t in token.sent)


def _is_generic(
    token: Token,
    modifiers: frozenset[str],
    weapon_at: dict[int, WeaponHit],
    groups: frozenset[str] = frozenset(),
    *,
    dated: bool = False,
) -> bool:
    """Habitual or plural-generic mentions: "frequent attacks", "attacks on border cities" (but
    not when `dated`, the clause dated to one day: "air strikes in Paktika overnight")."""
    if any(c.lower_ in modifiers and c.dep_ in {"amod", "advmod", "det", "predet"} for c in token.children):
        return True
    carrier = syntax.clause_verb(token)
    if any(c.lower_ in modifiers and c.dep_ in {"advmod", "npadvmod"} for c in carrier.children):
        return True
    if any(_vague_times(c, modifiers) for c in carrier.children):
        return True  # "has bombed civilians several times": a record, not one event ("three times" may be one night)
    if (
        token.pos_ == "NOUN"
        and syntax.is_bare_plural(token)
        and not dated
        and not _telegraphic(token)
        and not _done_once(token)
        and not _perceived(token)
    ):
        return True
    if token.pos_ == "NOUN" and token.tag_ in {"NNS", "NNPS"} and not any(c.dep_ == "nummod" for c in token.children):
        owners = [c for c in token.children if c.dep_ == "poss"]
        if owners and not any(c.dep_ == "det" for c in token.children):
            return True  # "its attacks on the power grid", "Russia's strikes": a campaign
    # "victims of attacks" is generic; "the victims of today's strike" names one event
    determined = any(c.dep_ in {"det", "poss"} for c in token.children) and token.tag_ == "NN"
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and not determined:
        owner = token.head.head
        if owner.pos_ == "NOUN" and (syntax.is_bare_plural(owner) or syntax.word_forms(owner) & modifiers):
            return True
    if token.tag_ == "VBG" and token.dep_ == "acl" and token.head.lemma_.lower() in groups:
        return True  # "units fighting in the Kharkiv direction": what they do, not an incident
    if token.pos_ in {"VERB"}:
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        # "targets were exploding", "cities come under attack" are habitual; "drones
        # attacked the base" and "air defence forces thwarted an attack" are one event.
        habitual_form = token.tag_ in {"VBG", "VBP", "VBZ"}
        if (
            habitual_form
            and subjects
            and all(s.pos_ == "NOUN" and syntax.is_bare_plural(s) and s.i not in weapon_at for s in subjects)
        ):
            return True
        head = token.head
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if (
            infinitive
            and token.dep_ in {"acl", "relcl", "xcomp"}
            and head.pos_ == "NOUN"
            and syntax.is_bare_plural(head)
        ):
            return True
        if token.dep_ == "relcl" and head.pos_ == "NOUN" and syntax.word_forms(head) & modifiers:
            return True
    return False


def _describes_thing(doc: Doc, expression: model.TimeExpression, event: Token) -> bool:
    """ "bombed the weekly market", "a daily newspaper": a recurrence word that qualifies a noun
    other than the event word describes the thing, not how often the event happened ("weekly
    strikes" stay habitual)."""
    span = doc.char_span(expression.span.start, expression.span.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    word = span[0]
    return word.dep_ == "amod" and word.head.pos_ in {"NOUN", "PROPN"} and word.head.i != event.i


_VAGUE_COUNTS = frozenset({"several", "many", "multiple", "numerous", "countless", "dozen"})
_MANY_OF = frozenset({"dozens", "scores", "hundreds", "thousands", "tens"})


#: A look back from the time of writing ("in the last week", "over the past two months").
_LOOKING_BACK = re.compile(r"(?:the\s+)?(?:last|past)\s", re.IGNORECASE)
_TALLY_SPAN = timedelta(days=7)
_TALLY_PRECISIONS = frozenset({model.TimePrecision.WEEK, model.TimePrecision.MONTH, model.TimePrecision.YEAR})
_DATING_PRECISIONS = frozenset(
    {model.TimePrecision.MINUTE, model.TimePrecision.HOUR, model.TimePrecision.PART_OF_DAY, model.TimePrecision.DAY}
)
_DURATION = re.compile(r"P(\d+|X)([DWMY])")
_UNIT_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365}


def _duration_days(expression: model.TimeExpression) -> int:
    """Days a duration value spans ("P2W" 14); a vague count ("PXW") counts as one unit."""
    if expression.timex_type is not model.TimexType.DURATION:
        return 0
    match = _DURATION.fullmatch(expression.value)
    if match is None:
        return 0
    count = 1 if match.group(1) == "X" else int(match.group(1))
    return count * _UNIT_DAYS[match.group(2)]


def _vague_times(word: Token, modifiers: frozenset[str]) -> bool:
    """ "several times", "many times": repeated events, not a count of one night's hits."""
    if word.lower_ in _MANY_OF and word.dep_ in {"npadvmod", "advmod", "dobj"}:
        # "dozens of times", "hundreds of times"
        return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "times" for g in c.children)
                   for c in word.children)
    if word.lower_ != "times" or word.dep_ not in {"npadvmod", "advmod", "dobj"}:
        return False
    counts = [c for c in word.children if c.dep_ in {"amod", "nummod", "quantmod", "det"}]
    return any(c.lower_ in _VAGUE_COUNTS or c.lower_ in modifiers for c in counts)
