"""The non-numeric facts: damage, interception method, target, weapon, responsible party.

Each is read from the parse around an event mention, with the words that say it kept as
evidence. Lexicons (damage.toml, interception.toml, targets.toml) hold the vocabulary;
targets.py the grammar of targets; this module the rest: when a damage
phrase is negated ("without causing damage"), when a party is the agent ("the Kyiv
regime attempted a drone attack") or only an adjective on the weapon ("Ukrainian
drones").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar, Final

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from corroborator import model
from corroborator.extract import syntax
from corroborator.extract.actors import ENEMY, OWN_SIDE, PartyTable
from corroborator.extract.events import AERIAL_CARRIERS
from corroborator.extract.lexicon import Lexicon
from corroborator.extract.targets import TargetReader, handled, noun_phrase, patients, struck_aircraft
from corroborator.extract.workspace import EventHit, Finding, WeaponHit, Workspace

A = model.Attribute
_NOT_DAMAGE_FIRE = frozenset({"open", "return", "come", "exchange", "cease", "draw", "hold"})
_RESPONSIBILITY_NOUNS = frozenset({"involvement", "responsibility", "role", "participation", "complicity"})
#: Nouns that tie a subject to an attack only with "with"/"to" it: "no connection with the attack".
_TIE_NOUNS = frozenset({"connection", "link", "hand"})
#: The note of an interception method read from the verb alone ("shot down": air defence),
#: which a means a source of the same side names for the same event outweighs (assemble).
VERB_ALONE = "method told by the verb alone"
_METHOD_NAMES = {
    "air_defence": "air defence (shot down)",
    "electronic_warfare": "electronic warfare (jamming)",
    "small_arms": "small arms / mobile fire groups",
    "aircraft": "aircraft",
}


class FactFinder:
    """Damage, interception method, target, weapon and responsible party around events."""

    name: ClassVar[str] = "facts"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "places", "weapons", "events"})
    assigns: ClassVar[frozenset[str]] = frozenset({"findings"})

    def __init__(self, nlp: Language, lexicon: Lexicon, parties: PartyTable, *, denials: frozenset[str]) -> None:
        """`denials`: the verbs by which a speaker denies what they govern ("deny", "reject")."""
        self.lx = lexicon
        self.parties = parties
        self._targets = TargetReader(lexicon, denials)
        # Lemmas catch irregular forms ("caught fire"); inflected surface forms catch what
        # the lemmatizer misses ("a building burning" tagged as a noun).
        self._damage = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self._damage_forms = PhraseMatcher(nlp.vocab, attr="LOWER")
        for level, phrases in lexicon.damage_levels.items():
            self._damage.add(level, list(nlp.pipe(" ".join(p) for p in phrases)))
            surface = {" ".join((*p[:-1], form)) for p in phrases for form in syntax.inflections(p[-1])}
            self._damage_forms.add(level, [nlp.make_doc(text) for text in sorted(surface)])
        self._means = PhraseMatcher(nlp.vocab, attr="LOWER")
        for method, phrases in lexicon.interception_means.items():
            self._means.add(method, [nlp.make_doc(" ".join(p).replace(" - ", "-")) for p in phrases])

    def __call__(self, ws: Workspace) -> None:
        weapon_at = {i: hit for hit in ws.weapons for i in range(hit.start, hit.end)}
        actual = [e for e in ws.events if e.mention.modality in {model.Modality.ACTUAL, model.Modality.NEGATED}]
        findings: list[Finding] = []
        # Sentences about a weapon, or an event that only exists with weapons: a bare "attack"
        # is no evidence here ("attacked her rival's plan ... did lasting damage").
        violent_sentences = {ws.doc[w.start].sent.start for w in ws.weapons}
        violent_sentences |= {
            ws.doc[e.token].sent.start
            for e in actual
            if e.family == "violence" and e.event_class != "attack" and e.event_class != "explosion"
        }
        findings += self._damage_findings(ws.doc, weapon_at, violent_sentences)
        findings += self._method_findings(ws.doc, actual)
        findings += self._targets.findings(ws, actual, weapon_at)
        attacks = [e.token for e in actual if e.family == "violence"]
        if attacks:
            first_violent = ws.doc[min(attacks)].sent.start
            findings += self._targets.denied(ws.doc, first_violent)
            findings += self._targets.dismissed(ws.doc, first_violent, {e.token for e in ws.events})
            findings += self._targets.stated(ws.doc, first_violent, {e.token for e in actual})
            findings += self._targets.burning(ws.doc, first_violent)
            aimed = {ws.doc[f.start].sent.start for f in findings if f.attribute == A.TARGET and not f.negated}
            findings += self._targets.counted_victims(ws.doc, first_violent, ws.findings, aimed)
        findings += self._weapon_findings(ws, actual)
        findings += self._party_findings(ws, weapon_at)
        # "an air defence missile, not a Russian bomb, caused the explosions": the weapon and
        # side set against the one named are denied
        findings = [
            replace(f, negated=True)
            if f.attribute in {A.WEAPON, A.RESPONSIBLE_PARTY} and syntax.set_against(ws.doc, f.start)
            else f
            for f in findings
        ]
        ws.findings.extend(findings)
        ws.findings.sort(key=lambda f: f.start)

    # -- damage

    def _damage_findings(self, doc: Doc, weapon_at: dict[int, WeaponHit], violent_sentences: set[int]) -> list[Finding]:
        found = {(start, end, doc.vocab.strings[key]) for key, start, end in self._damage(doc)}
        found |= {(start, end, doc.vocab.strings[key]) for key, start, end in self._damage_forms(doc)}
        matches = sorted(found, key=lambda m: (m[0], -(m[1] - m[0])))
        findings = []
        taken_until = -1
        for start, end, level in matches:
            if start < taken_until:
                continue
            span = doc[start:end]
            root = span.root
            if not self._is_property_damage(root, level, weapon_at):
                continue
            about = _damaged_object(root, range(start, end))
            razed = level == "significant" and _razed_by_fire(root, self.lx.burned_whole)
            if not razed and not self._physical(span, about, violent_sentences):
                continue  # "political damage", "a burning issue", "the talks collapsed"
            taken_until = end
            negated = _damage_negated(root) or level == "none"
            if razed:
                level = "destroyed"  # "set fire to at least 30 houses": razed, not a blaze
            # "was not damaged" says there was no damage; "no house was set on fire" denies the
            # arson only: the houses may still have been hit
            denied = negated and level == "destroyed"
            code = "none" if negated and not denied else level
            ev_start = _negation_start(root) if negated and level != "none" else start
            text = doc[ev_start:end].text
            findings.append(
                Finding(
                    attribute=A.DAMAGE,
                    value=model.Label(code=code, text=text, about=about),
                    start=ev_start,
                    end=end,
                    negated=denied,
                )
            )
        return _quickly_put_out(doc, findings)

    def _physical(self, span: Span, about: str | None, violent_sentences: set[int]) -> bool:
        """Damage words are also metaphors; they count when what is damaged is property,
        when the words say so ("material damage", "casualties or damage"), or when the
        sentence, or the one before, is about a weapon or a violent event."""
        if about is not None and about in self.lx.property_nouns:
            return True
        if about is not None and self._property_part(span, about):
            return True  # "a span of the bridge", "one of the tank cars"
        sentence = span.sent
        before = sentence.doc[sentence.start - 1].sent.start if sentence.start > 0 else None
        if sentence.start in violent_sentences or before in violent_sentences:
            return True  # "Missiles hit the plant. A fire broke out on 1,200 square metres."
        words = {t.lemma_.lower() for t in sentence}
        # Emergency services at work ("the fire was put out by rescuers") make a fire real.
        evidence = {"material", "structural", "casualty", "victim", "debris", "shrapnel"}
        evidence |= {"extinguish", "firefighter", "rescuer"}
        evidence |= {"target"}  # "a fire in the area of the target was recorded": at what was struck
        return bool(words & evidence) or _put_out(span.root)

    def _property_part(self, span: Span, about: str) -> bool:
        """Whether the damaged noun is a part or member of property named in its own phrase."""
        for token in span.sent:
            if token.lemma_.lower() == about:
                inside = [t for t in token.subtree if t.i != token.i]
                if any(t.lemma_.lower() in self.lx.property_nouns for t in inside):
                    return True
        return False

    def _is_property_damage(self, root: Token, level: str, weapon_at: dict[int, WeaponHit]) -> bool:
        lemma = root.lemma_.lower()
        if lemma == "fire" and (
            root.head.lemma_.lower() in _NOT_DAMAGE_FIRE or root.dep_ == "compound" or root.pos_ == "VERB"
        ):
            return False  # "opened fire", "mobile fire groups", "fired rockets" (a launch, not a blaze)
        if lemma == "fire" and root.dep_ == "pobj" and _gunfire(root):
            return False  # "destroyed by the fire of small arms", "came under fire": gunfire
        if root.lower_ == "firing" or (lemma == "fire" and any(t.i in weapon_at for t in root.lefts)):
            return False  # "the firing lasted an hour", "anti-aircraft fire", "mortar fire": shooting
        if root.pos_ not in {"NOUN", "VERB", "ADJ", "ADV"} and not (root.pos_ == "ADP" and root.lower_ == "out"):
            return False  # but "out of service", "out of action"
        if lemma == "minor" and root.pos_ != "ADJ":
            return False  # "a woman and a minor were killed": a child, not a level of damage
        # "the drone was destroyed" is an interception, not damage to property; but in "the
        # missiles destroyed the radar" the weapon is the agent, and the radar the patient.
        patients = [c for c in root.children if c.dep_ in {"nsubjpass", "dobj", "nsubj"}]
        transitive = any(c.dep_ in {"dobj", "obj"} for c in root.children)
        affected = [p for p in patients if not (p.dep_ == "nsubj" and transitive)]
        if root.pos_ == "VERB" and any(p.i in weapon_at for p in affected):
            return False
        # "the destruction of the radar": the noun's "of" object is what was damaged
        patients += [p for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        if root.dep_ == "amod" and root.head.i in weapon_at:
            return False  # "flaming debris" of a drone, "a destroyed drone"
        if level in {"none", "minor", "significant"} or lemma in {
            "damage",
            "fire",
            "blaze",
            "smoke",
        }:
            return True
        # "destroyed", "burned": need a property noun as the patient or subject.
        near = [root.head, *root.children, *(c for p in patients for c in p.subtree)]
        return any(t.lemma_.lower() in self.lx.property_nouns or t.lower_ in self.lx.property_nouns for t in near)

    # -- interception method

    def _method_findings(self, doc: Doc, events: list[EventHit]) -> list[Finding]:
        means = [(s, e, doc.vocab.strings[k]) for k, s, e in self._means(doc)]
        findings: list[Finding] = []
        for event in events:
            if event.event_class != "intercept" or event.mention.modality != model.Modality.ACTUAL:
                continue
            trigger = doc[event.token]
            near = set(syntax.neighbourhood(trigger))
            shared = syntax.shared_subject(trigger) if trigger.pos_ == "VERB" else None
            if shared is not None:  # "forces of air defence detected and destroyed several UAVs"
                near.update(range(*syntax.subtree_range(shared)))
            # The unit that "thwarted" or "repelled" an attack is named, not how it did it:
            # only means that are instruments ("by", "with", "using") or that shot, downed or
            # intercepted count there.
            generic = bool(syntax.word_forms(trigger) & _GENERIC_INTERCEPT)
            stated = [
                (s, e, m) for s, e, m in means if s in near and not (generic and _subject_of(doc[e - 1], trigger))
            ]
            chosen: list[tuple[int, int, str]] = []
            if stated:
                # "repelled by aviation, anti-aircraft missile troops, electronic warfare units
                # and mobile fire groups": each means named, the nearest wording of each
                for s, e, method in sorted(stated, key=lambda m: abs(m[0] - trigger.i)):
                    if any(method == m for _, _, m in chosen):
                        continue
                    if chosen:
                        chosen.append((s, e, method))  # the means' own words, after the first
                    else:
                        chosen.append((min(s, event.token), max(e, _trigger_end(doc, event)), method))
            else:
                method_from_verb = self._method_of_verb(trigger)
                if method_from_verb is None:
                    continue
                chosen.append((event.token, _trigger_end(doc, event), method_from_verb))
            findings.extend(
                Finding(
                    attribute=A.INTERCEPTION_METHOD,
                    value=model.Label(code=method, text=_METHOD_NAMES.get(method, method)),
                    start=start,
                    end=end,
                    event_token=event.token,
                    note=None if stated else VERB_ALONE,
                )
                for start, end, method in chosen
            )
        return findings + self._methods_denied(doc, events, findings)

    def _methods_denied(self, doc: Doc, events: list[EventHit], stated: list[Finding]) -> list[Finding]:
        """ "They were not shot down, they were put down by jamming": a method denied in favour
        of another named in the same or the next sentence. A denial with no rival method ("none
        were shot down") is about the count, not the method."""
        denied = []
        for event in events:
            if event.event_class != "intercept" or event.mention.modality != model.Modality.NEGATED:
                continue
            trigger = doc[event.token]
            method = self._method_of_verb(trigger)
            sentence = trigger.sent
            reach = doc[sentence.end].sent.end if sentence.end < len(doc) else sentence.end
            nearby = [f.value for f in stated if sentence.start <= f.start < reach]
            rivals = [v.code for v in nearby if isinstance(v, model.Label)]
            if method is None or all(code == method for code in rivals):
                continue
            denied.append(
                Finding(
                    attribute=A.INTERCEPTION_METHOD,
                    value=model.Label(code=method, text=_METHOD_NAMES.get(method, method)),
                    start=event.token,
                    end=_trigger_end(doc, event),
                    event_token=event.token,
                    negated=True,
                )
            )
        return denied

    def _method_of_verb(self, trigger: Token) -> str | None:
        forms = syntax.word_forms(trigger)
        prt = syntax.particle(trigger)
        forms |= {f"{f} {prt}" for f in forms} if prt else set()
        for method, phrases in self.lx.interception_verbs.items():
            if any(" ".join(p) in forms for p in phrases):
                return method
        # multi-word verbs spelled out in the trigger itself ("put out of action")
        return None

    # -- weapon

    def _weapon_findings(self, ws: Workspace, events: list[EventHit]) -> list[Finding]:
        # Each weapon goes to the nearest event in the parse that reaches it (the first on a tie):
        # "blasts were heard in Kyiv, and in Odesa two missiles struck" -- the missiles struck.
        best: dict[int, tuple[int, int, WeaponHit, EventHit]] = {}
        weapon_at = {i: hit for hit in ws.weapons for i in range(hit.start, hit.end)}
        for order, event in enumerate(events):
            if event.mention.modality != model.Modality.ACTUAL or event.family != "violence":
                continue
            trigger = ws.doc[event.token]
            for i in syntax.neighbourhood_with_subject(trigger):
                hit = weapon_at.get(i)
                if hit is None or self._handled(ws.doc[hit.root]):
                    continue
                if hit.category == "air_defence" and not _blamed_for_harm(ws.doc[hit.root]):
                    continue  # "air defence shot down 20 drones": how, not what struck
                if struck_aircraft(ws.doc[hit.root], event, weapon_at):
                    continue  # "drones struck two aircraft at the airfield": a target
                distance = syntax.tree_distance(ws.doc[hit.root], trigger)
                if hit.start not in best or distance < best[hit.start][0]:
                    best[hit.start] = (distance, order, hit, event)
        chosen = sorted(best.values(), key=lambda b: (b[1], b[2].start))
        # "drones dropped explosives on homes", "a drone loaded with explosives": what a drone or
        # aircraft delivers is its payload, not a weapon of its own (an IED is planted); the
        # sentence decides, since "dropped" and "bombs" may each be an attack word of their own
        platforms = {ws.doc[event.token].sent.start for _, _, hit, event in chosen if hit.category in AERIAL_CARRIERS}
        chosen = [
            c for c in chosen if not (c[2].category == "explosive" and ws.doc[c[3].token].sent.start in platforms)
        ]
        return [
            Finding(
                attribute=A.WEAPON,
                value=model.Label(code=hit.code, text=hit.name, category=hit.category),
                start=hit.start,
                end=hit.end,
                event_token=event.token,
            )
            for _, _, hit, event in chosen
        ]

    def _handled(self, weapon: Token) -> bool:
        return handled(weapon, self.lx.handling_verbs)

    # -- responsible party

    def _party_findings(self, ws: Workspace, weapon_at: dict[int, WeaponHit]) -> list[Finding]:
        doc = ws.doc
        findings: list[Finding] = []
        # One agent may be reached from several event words ("the regime launched an attack");
        # it goes to the innermost one whose clause holds it, else to the first: "The strike
        # came three nights after a Russian drone hit a building" makes Russia the drone's
        # attacker, not the strike's.
        owners: dict[tuple[str, int], tuple[int, EventHit, str]] = {}
        # "a drone strike near X in Mali killed eight": an event word as another's subject is
        # the event, no agent; its own modifiers say whose it was when it is read itself.
        event_words = {e.token for e in ws.events}
        for event in ws.events:
            if event.family != "violence" or event.event_class == "find":
                continue
            if event.mention.modality in {model.Modality.GENERIC, model.Modality.HYPOTHETICAL}:
                continue
            trigger = doc[event.token]
            agents = self._agents(trigger, weapon_at)
            if event.event_class == "intercept":
                # whoever shot down is the defender; only the weapons' owner attacked
                agents = [(t, how) for t, how in agents if how == "weapon attributed by adjective"]
            coded = [
                (token, how, code)
                for token, how in agents
                if not (token.i in event_words and how == "agent of the attack")
                and (code := self._party(token)) is not None
            ]
            if not coded and event.event_class != "intercept":
                coded = self._launched_from(trigger, ws.places)
            for token, how, code in coded:
                first, last = syntax.subtree_range(trigger)
                distance = last - first if first <= token.i < last else len(doc)
                known = owners.get((code, token.i))
                if known is None or distance < known[0]:
                    owners[(code, token.i)] = (distance, event, how)
        for (code, agent), (_, event, how) in sorted(owners.items(), key=lambda item: item[1][1].token):
            token = doc[agent]
            negated = event.mention.modality == model.Modality.NEGATED
            start, end = noun_phrase(token)
            # the owner with its weapon ("Russian drones"), or with the event word
            anchor = event.token
            if how == "weapon attributed by adjective":
                anchor = token.head.head.i if token.head.dep_ in {"prep", "agent"} else token.head.i
                if doc[anchor].dep_ == "acl":
                    anchor = doc[anchor].head.i  # "a drone belonging to ...": from the drone
            findings.append(
                Finding(
                    attribute=A.RESPONSIBLE_PARTY,
                    value=model.Label(code=code, text=doc[start:end].text),
                    start=min(start, anchor),
                    end=max(end, anchor + 1),
                    event_token=event.token,
                    negated=negated,
                    note=how,
                )
            )
        weapon_words = {i for w in ws.weapons for i in range(w.start, w.end)}
        violent = frozenset({e.token for e in ws.events if e.family == "violence"} | weapon_words)
        findings += self._involvement(doc, violent)
        findings += self._ties(doc, violent)
        return findings

    def _agents(self, trigger: Token, weapon_at: dict[int, WeaponHit]) -> list[tuple[Token, str]]:
        """Who carried out the event: its subject, a "by" agent, or the adjective on it/its weapon."""
        agents: list[tuple[Token, str]] = []
        grouped = trigger.dep_ == "pobj" and trigger.head.lower_ == "of"
        if grouped and trigger.head.head.lemma_.lower() in syntax.GROUP_NOUNS:
            trigger = trigger.head.head  # "launched a series of raids": the series is launched
        carrier = trigger
        taken_up = trigger.head.head if trigger.dep_ == "pobj" else trigger
        if (trigger.head.lower_, taken_up.lemma_.lower()) in _TAKING_UP and taken_up.pos_ == "VERB":
            carrier = taken_up  # "Indian troops resorted to unprovoked firing": who took it up did it
        if trigger.pos_ == "NOUN" and trigger.dep_ in syntax.OBJECTS and trigger.head.pos_ == "VERB":
            if syntax.word_forms(trigger.head) & _GENERIC_INTERCEPT:
                return []  # "the fleet repelled an attack": the subject defended
            if not syntax.word_forms(trigger.head) & _WITNESS_VERBS:
                # not "the observatory documented the strike": that subject tells of it
                carrier = trigger.head  # "the Kyiv regime attempted a drone attack"
        described = trigger.head  # the noun an attack participle describes ("an operation targeting ...")
        carried = described.head.pos_ == "VERB" and bool(syntax.word_forms(described.head) & _PERPETRATION)
        if trigger.dep_ == "acl" and described.dep_ in syntax.OBJECTS and carried:
            carrier = described.head  # "the naval forces carried out an operation targeting the ship"
        carrier = _clause_carrier(carrier)
        named = _named_by_alias(carrier)
        if named is not None:
            agents.append((named, "agent of the attack"))
        for child in carrier.children:
            if child.dep_ != "nsubj" or _dateline(child) or named is not None:
                continue
            if child.i not in weapon_at:
                agents.append((_speaker_if_pronoun(child), "agent of the attack"))
                # "khwarij belonging to Fitna al Khwarij", "fighters of the RSF": whose men they are
                agents.extend((o, "agent of the attack") for o in _owners(child) if o.dep_ == "pobj")
            elif self._state_force(child):
                agents.append((child, "agent of the attack"))  # "the air vector carried out strikes": the arm acts
        agents.extend((p, "agent of the attack") for p in _by_agents(carrier))
        agents.extend((p, "agent of the attack") for p in _stranded_subject(carrier))
        # "three soldiers died and several others were wounded": what a passive verb shares is
        # its patient, not who did it
        passive = any(c.dep_ == "auxpass" for c in carrier.children)
        shared = None if passive else _shared_subject(carrier)
        if shared is not None and shared.i in weapon_at:
            # "the drones of the junta took revenge and bombed the market"; not "our air
            # defences confronted the drones and shot down six": the defender's, not the attacker's
            if weapon_at[shared.i].category != "air_defence":
                agents.extend((c, "weapon attributed by adjective") for c in _owners(shared))
        elif shared is not None and not _dateline(shared):
            agents.append((_speaker_if_pronoun(shared), "agent of the attack"))  # "troops entered and shelled"
        relative = any(c.dep_ == "nsubj" and c.lower_ in syntax.RELATIVE_PRONOUNS for c in carrier.children)
        if carrier.dep_ == "relcl" and relative and carrier.head.i not in weapon_at:
            agents.append((carrier.head, "agent of the attack"))  # "the gunmen who attacked the village"
        for origin in (p for c in carrier.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children):
            if origin.dep_ == "pobj" and origin.lemma_.lower() in _HELD_GROUND:
                # "the shells were fired from RSF positions": who holds the ground fired
                agents.extend((o, "fired from its ground") for o in _owners(origin))
        if carrier.dep_ in {"acl", "xcomp"} and carrier.head.pos_ == "NOUN":
            # "the Kyiv regime's attempt to carry out a terrorist attack"
            agents.extend((c, "agent of the attack") for c in carrier.head.children if c.dep_ == "poss")
        if carrier.dep_ == "relcl" and carrier.head.i in weapon_at:
            # "six Ukrainian sea drones that tried to attack the base"
            agents.extend((c, "weapon attributed by adjective") for c in _owners(carrier.head))
        if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubjpass" and syntax.word_forms(trigger.head) & _PERPETRATION:
            # "the attack was (highly likely) conducted by the Houthis"; not "was condemned by"
            agents.extend((p, "agent of the attack") for p in _by_agents(trigger.head))
        if trigger.pos_ == "NOUN":
            # "the drone strike carried out by the Task Force"
            performed = [c for c in trigger.children if c.dep_ == "acl"]
            agents.extend((p, "agent of the attack") for c in performed for p in _by_agents(c))
            # "the cowardly attack by the BIFF on our detachment", "a terrorist act of the
            # Ukrainian special services" (an attack "by drones" is whose drones say, below)
            agents.extend(
                (p, "agent of the attack")
                for c in trigger.children
                if c.dep_ == "prep" and c.lower_ in {"by", "of"}
                for p in c.children
                if p.dep_ == "pobj" and p.i not in weapon_at
            )
        for child in trigger.children:
            if child.dep_ in {"amod", "compound", "poss", "nmod"} and child.ent_type_ in {
                "NORP",
                "GPE",
                "",
            }:
                agents.append((child, "attack attributed by adjective"))
        acted_on = patients(trigger)
        for i in syntax.neighbourhood(trigger):
            hit = weapon_at.get(i)
            if hit is not None and hit.category == "aircraft" and trigger.doc[i] in acted_on:
                continue  # "struck a Russian bomber": the bomber's side is the one attacked
            blamed = hit is not None and hit.category == "air_defence" and _blamed_for_harm(trigger.doc[i])
            if hit is not None and (hit.category != "air_defence" or blamed) and i == hit.root:
                # "Ukrainian drones", "its drones", "drones of the Kyiv regime"; "a Ukrainian air
                # defence missile that fell on the houses"
                agents.extend((c, "weapon attributed by adjective") for c in _owners(trigger.doc[i]))
        return agents

    def _launched_from(self, trigger: Token, places: Sequence[model.PlaceMention]) -> list[tuple[Token, str, str]]:
        """When nothing else says who attacked: "rockets fired from Cambodia", "missiles were
        launched from Iran" make the country they came from the attacker, if it is a state and
        no armed group of the party table is based there (`PartyTable.launching_state`)."""
        if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in _LAUNCHING:
            return []
        countries = [
            m for m in places if m.role == model.PlaceRole.ORIGIN and m.place.kind == "country" and m.place.country_code
        ]
        found = []
        for preposition in trigger.children:
            if preposition.dep_ != "prep" or preposition.lower_ != "from":
                continue
            for origin in preposition.children:
                named = (m.place.country_code for m in countries if m.span.start <= origin.idx < m.span.end)
                country = next(named, None) if origin.dep_ == "pobj" else None
                code = self.parties.launching_state(country) if country else None
                if code is not None:
                    found.append((origin, "launched from its territory", code))
        return found

    def _party(self, token: Token) -> str | None:
        if token.pos_ in {"ADJ", "ADV", "VERB"}:
            # A modifier speaks for itself ("Ukrainian drones", "Russian-backed"), not through its
            # complements ("close to the Algerian border"); a maker is no attacker ("Turkish-made").
            if token.lemma_.lower() in _PROVENANCE:
                return None
            start, end = token.left_edge.i, token.i + 1
        else:
            start, end = noun_phrase(token)
        text = token.doc[start:end].text
        code = self.parties.party_of(text)
        if code is None:  # a name in apposition: "the group (JNIM)", "the militants, al-Shabaab,"
            apposed = [token.doc[slice(*noun_phrase(c))].text for c in token.children if c.dep_ == "appos"]
            code = next((found for name in apposed if (found := self.parties.party_of(name))), None)
        if code is None and token.pos_ == "ADJ":
            code = self.parties.country_of_adjective(token.text)
        if code is None and token.lower_ in self.parties.enemy_words:
            code = ENEMY  # "the enemy attacked the city": whose enemy, the claim's source says
        owners = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        if code is None:
            # "the security forces struck", "a jet of the federal military": whose, the source and place say
            code = next((found for t in (token, *owners) if (found := self._state_force(t))), None)
        if code is None and _own_side(token, self.parties.own_words):
            code = OWN_SIDE  # "our forces struck", "we hit the base", "the mujahideen stormed": the speaker's
        return code

    def _state_force(self, token: Token) -> str | None:
        """ "the security forces", "the federal military", "an air force jet", "the criminal junta":
        a state's forces or rulers named without the state (the placeholder that says which). Not
        when a name, a nationality, a pronoun or a possessive qualifies them ("US troops", "French
        soldiers", "their soldiers", "the group's naval forces": someone else's, or nobody the
        table knows)."""
        if token.pos_ in {"NOUN", "PROPN"}:
            start, end = noun_phrase(token)
        elif token.pos_ == "ADJ" and token.dep_ in {"amod", "compound"}:
            start, end = token.i, token.i + 1  # "a junta jet": the tagger may call a noun modifier an adjective
        else:
            return None
        left = [t for t in token.doc[start : token.i + 1] if t.dep_ not in {"det", "case"} and not t.is_punct]
        matched = self.parties.state_force([t.lower_ for t in left])
        if matched is None:
            return None
        placeholder, length = matched
        others = [*left[: len(left) - length], *token.doc[token.i + 1 : end]]
        foreign = any(
            t.pos_ in {"PROPN", "PRON"}
            or t.dep_ == "poss"
            or t.ent_type_ in {"NORP", "GPE"}
            or t.lower_ in self.parties.not_state_modifiers
            for t in others
        )
        return None if foreign else placeholder

    def _ties(self, doc: Doc, violent: frozenset[int]) -> list[Finding]:
        """ "the group was behind the attack", "denied it was behind the attack", "had no
        connection with the attack", "has nothing to do with the attack": the subject's tie to an
        attack (violent: tokens of violent events and weapons), asserted or negated."""
        findings = []
        for token in doc:
            word = token.lower_
            tied: list[Token] = []
            verb = token.head
            negated = False
            if word == "behind" and token.dep_ == "prep" and verb.lemma_ == "be":
                tied = [p for p in token.children if p.dep_ == "pobj"]  # "it was behind the attack"
                negated = syntax.is_negated(verb)
            elif token.lemma_ in _TIE_NOUNS and token.dep_ in syntax.OBJECTS and verb.lemma_ == "have":
                # "had no connection with the attack"
                tied = [
                    p for c in token.children if c.dep_ == "prep" and c.lower_ in {"with", "to"} for p in c.children
                ]
                negated = syntax.is_negated(token)
            elif word == "nothing" and token.dep_ in syntax.OBJECTS and verb.lemma_ == "have":
                # "has nothing to do with the attack"
                tied = [
                    p
                    for do in token.children
                    if do.lemma_ == "do"
                    for c in do.children
                    if c.dep_ == "prep" and c.lower_ == "with"
                    for p in c.children
                ]
                negated = True
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if token.lemma_ == "claim" and token.pos_ == "VERB":
                # "the attack was claimed by the ELN"
                verb, tied = token, [c for c in token.children if c.dep_ == "nsubjpass"]
                subjects = _by_agents(token)
                negated = syntax.is_negated(token)
            if not any(t.i in violent for p in tied for t in p.subtree):
                continue
            for subject in subjects:
                owner = _speaker_if_pronoun(subject)
                code = self._party(owner)
                if code is None:
                    continue
                start, _ = noun_phrase(owner)
                findings.append(
                    Finding(
                        attribute=A.RESPONSIBLE_PARTY,
                        value=model.Label(code=code, text=doc[start : owner.i + 1].text),
                        start=min(start, verb.i, *(p.left_edge.i for p in tied)),
                        end=max(owner.i, verb.i, *(p.right_edge.i for p in tied)) + 1,
                        negated=negated,
                        note="responsibility",
                    )
                )
        return findings

    def _involvement(self, doc: Doc, violent: frozenset[int]) -> list[Finding]:
        """ "denies Kyiv's involvement", "Ukraine's responsibility", "blamed Ukraine for".

        `violent` holds the tokens of violent events and weapons: what one is blamed or accused
        "for" or "of", when said, must be one of them."""
        findings = []
        for token in doc:
            lemma = token.lemma_.lower()
            if lemma in _RESPONSIBILITY_NOUNS or (lemma in _RESPONSIBLE and token.pos_ == "ADJ"):
                owners = [c for c in token.children if c.dep_ in {"poss", "amod", "compound"}]
                if not owners and token.pos_ == "ADJ" and _charge_is_violence(token, violent):
                    # "holds the GNU responsible for the strike", "held Russia responsible": the
                    # one held responsible is the adjective's own subject or its verb's object
                    owners = [c for c in token.children if c.dep_ == "nsubj"]
                    if not owners and token.dep_ == "oprd":
                        owners = [c for c in token.head.children if c.dep_ in {"dobj", "obj"}]
                if not owners and token.dep_ in {"dobj", "acomp"}:
                    # "Hezbollah claimed responsibility", "the Houthis were likely responsible"
                    owners = [_speaker_if_pronoun(c) for c in token.head.children if c.dep_ == "nsubj"]
                if not owners and token.dep_ == "nsubjpass":
                    owners = _by_agents(token.head)  # "responsibility was claimed by the ELN"
                owners = [_antecedent(o) for o in owners]  # "the ELN, which claimed responsibility"
                owners += [
                    p
                    for c in token.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
                for owner in owners:
                    code = self._party(owner)
                    if code:
                        s, _ = noun_phrase(owner)
                        findings.append(
                            Finding(
                                attribute=A.RESPONSIBLE_PARTY,
                                value=model.Label(code=code, text=doc[s : owner.i + 1].text),
                                start=min(s, token.i),
                                end=max(token.i, owner.i) + 1,
                                negated=syntax.is_negated(token),
                                note="responsibility",
                            )
                        )
            elif lemma in {"blame", "accuse"} and token.pos_ == "VERB":
                if not _charge_is_violence(token, violent):
                    continue  # "accused the army of fabricating massacres": blamed for words, not an attack
                for child in token.children:
                    if child.dep_ in {"dobj", "obj"}:
                        code = self._party(child)
                        if code is None and child.i in violent:  # "blamed an army drone": its owner
                            code = next((found for o in _owners(child) if (found := self._party(o))), None)
                        if code:
                            s, e = noun_phrase(child)
                            findings.append(
                                Finding(
                                    attribute=A.RESPONSIBLE_PARTY,
                                    value=model.Label(code=code, text=doc[s:e].text),
                                    start=min(token.i, s),
                                    end=max(e, token.i + 1),
                                    negated=syntax.is_negated(token),
                                    note="blamed",
                                )
                            )
        return findings


#: Adjectives that hold someone to account for an attack ("responsible", "accountable").
_RESPONSIBLE = frozenset({"responsible", "accountable"})


def _charge_is_violence(verb: Token, violent: frozenset[int]) -> bool:
    """ "blamed X for the attack", "accused X of shelling the market", "blamed X": an attack, or no
    charge said. Not "accused X of fabricating massacres" (no violent event or weapon in it)."""
    charges = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"for", "of"} for p in c.children]
    return not charges or any(t.i in violent for p in charges for t in p.subtree)


def _gunfire(fire: Token) -> bool:
    """ "came under fire", "destroyed by the fire of small arms", "hit with artillery fire": shooting.
    "followed by a large fire", "damaged by fire" are blazes."""
    if fire.head.lower_ == "under":
        return True
    named = any(c.dep_ == "compound" or (c.dep_ == "prep" and c.lower_ == "of") for c in fire.children)
    return fire.head.lower_ in {"by", "with"} and named


#: Participles that tell where a weapon came from, not who used it: "a Turkish-made drone",
#: "US-supplied missiles", "an Iranian-designed Shahed".
_PROVENANCE = frozenset(
    {"make", "made", "build", "built", "manufacture", "manufactured", "produce", "produced", "design", "designed",
     "supply", "supplied", "provide", "provided", "donate", "donated", "develop", "developed", "license", "licensed"}
)

#: Verbs of sending weapons off: the country they were sent "from" may be whose they were.
_LAUNCHING = frozenset({"launch", "fire", "shoot", "send"})
#: Ground a side holds: an attack "fired from RSF positions" was that side's.
_HELD_GROUND = frozenset({"position", "positions", "territory", "area", "areas", "line", "lines", "base", "side"})


def _owners(noun: Token) -> list[Token]:
    """Who a weapon belongs to: its adjective or possessor, or an "of" complement. A modifier
    of the weapon's own compound counts ("a junta fighter jet": "junta" hangs on "fighter")."""
    owners = [c for c in noun.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
    owners += [m for c in owners if c.dep_ == "compound" for m in c.children if m.dep_ in {"amod", "compound", "poss"}]
    owners += [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
    ]
    # "a drone belonging to the Turkish army", "drones owned by the militia"
    owners += [
        p
        for c in noun.children
        if c.dep_ == "acl" and c.lemma_.lower() in _OWNING_VERBS
        for prep in c.children
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"to", "by"}
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    return [_speaker_if_pronoun(o) for o in owners]


#: Participles that name a weapon's owner: "a drone belonging to ...", "drones operated by ...".
_OWNING_VERBS = frozenset({"belong", "own", "operate"})


def _own_side(token: Token, own_words: frozenset[str]) -> bool:
    """ "we", "our forces", "our drones", "the mujahideen (of the Tehreek)": the speaker's own side."""
    if token.lower_ in {"we", "our", "us"}:
        return True
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    return token.lower_ in own_words or any(c.dep_ == "poss" and c.lower_ == "our" for c in token.children)


def _by_agents(verb: Token) -> list[Token]:
    """The "by" agents of a passive verb: "was claimed by the ELN"."""
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def _antecedent(token: Token) -> Token:
    """What a relative pronoun stands for: "the ELN, which claimed responsibility" → the ELN."""
    if token.lower_ in syntax.RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _shared_subject(verb: Token) -> Token | None:
    """The subject a coordinated verb shares with the first one: "the drones took revenge and
    bombed the market". None when the verb has a subject of its own."""
    current = verb
    for _ in range(3):
        if any(c.dep_ in syntax.SUBJECTS for c in current.children):
            return None if current == verb else next((c for c in current.children if c.dep_ == "nsubj"), None)
        if current.dep_ != "conj" or current.head.pos_ not in {"VERB", "AUX"}:
            return None
        current = current.head
    return None


def _stranded_subject(verb: Token) -> list[Token]:
    """ "By the grace of God, the mujahideen of the group targeted the barracks": the parser may
    take the subject for an apposition inside the opening phrase, leaving the verb with none.
    The noun phrase that ends right before a subjectless verb, hung as such an apposition, is
    its subject."""
    if verb.pos_ != "VERB" or verb.i == 0 or any(c.dep_ in syntax.SUBJECTS | {"expl"} for c in verb.children):
        return []
    phrase = verb.doc[verb.i - 1]
    while phrase.dep_ != "appos" and phrase.head.i < verb.i and phrase.head.i != phrase.i:
        phrase = phrase.head
    stranded = phrase.dep_ == "appos" and phrase.pos_ in {"NOUN", "PROPN"} and phrase.right_edge.i == verb.i - 1
    return [phrase] if stranded else []


#: Verbs (lemmas) that give a name in an "as" phrase: "known locally as al-Shabaab".
_NAMING_VERBS = frozenset({"know", "call", "dub", "refer", "describe", "style", "brand", "designate"})


def _named_by_alias(verb: Token) -> Token | None:
    """ "Insurgents of Islamic State Mozambique Province, known locally as al-Shabaab, attacked
    Quiterajo": the parser may read "as al-Shabaab attacked Quiterajo" as a clause of its own
    under "known", the alias its subject. The attacker is the noun the naming verb describes,
    not the alias (which may be another group's name)."""
    naming = verb.head
    marked = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if not marked or verb.dep_ != "advcl" or naming.lemma_.lower() not in _NAMING_VERBS:
        return None
    if naming.dep_ != "acl" or naming.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return naming.head


def _clause_carrier(verb: Token) -> Token:
    """The verb whose subject is the attacker: "tried to attack" → "tried"."""
    current = verb
    for _ in range(3):
        if current.dep_ == "xcomp" and current.head.pos_ in {"VERB", "AUX"}:
            current = current.head
        else:
            break
    return current


_SPEECH = frozenset({"say", "claim", "announce", "state", "report", "confirm", "admit", "write", "post", "deny"})


def _speaker_if_pronoun(token: Token) -> Token:
    """ "Hezbollah said it had fired rockets", "the army said its drones struck": the pronoun
    stands for the speaker of the clause that reports it. "We" and "our" stay the speaker's own
    side, read from the claim's source ("'We did not strike the market,' a spokesman for the
    ministry said": the ministry's side, though "a spokesman" names no party)."""
    if token.lower_ not in {"it", "its", "they", "their"}:
        return token
    for ancestor in syntax.ancestors_within(token, 4):
        if syntax.word_forms(ancestor) & _SPEECH:
            speaker = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
            if speaker is not None and speaker.pos_ != "PRON":
                return speaker
    return token


def _dateline(token: Token) -> bool:
    """ "KYIV, Nov 13 (CNS) - Russia attacked": a dateline's city is not the subject."""
    doc = token.doc
    return (
        token.i == token.sent.start
        and token.is_upper
        and len(token) > 2
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == ","
    )


#: Lemmas that put a fire out: "it was promptly extinguished" is a minor finding of its own.
_EXTINGUISH_LEMMAS: Final = frozenset({"extinguish", "put", "contain"})


def _quickly_put_out(doc: Doc, findings: list[Finding]) -> list[Finding]:
    """A fire said in the same or the next sentence to have been put out promptly ("a fire
    broke out at the enterprise. It was promptly extinguished") was a small one: its blaze
    (significant) yields to the minor finding that says so."""
    quick = [
        f
        for f in findings
        if isinstance(f.value, model.Label)
        and f.value.code == "minor"
        and any(t.lemma_.lower() in _EXTINGUISH_LEMMAS for t in doc[f.start : f.end])
    ]
    if not quick:
        return findings
    sentence_of = {f.start: doc[f.start].sent.start for f in findings}
    out_in = {sentence_of[f.start] for f in quick}
    previous = {doc[s - 1].sent.start for s in out_in if s > 0}

    def blaze_put_out(f: Finding) -> bool:
        words = {t.lemma_.lower() for t in doc[f.start : f.end]}
        return (
            isinstance(f.value, model.Label)
            and f.value.code == "significant"
            and bool(words & {"fire", "blaze"})
            and sentence_of[f.start] in out_in | previous
        )

    return [f for f in findings if not blaze_put_out(f)]


#: Lemmas of a fire set or burning, as the damage lexicon's words for a blaze are read.
_FIRE_LEMMAS: Final = frozenset({"burn", "fire", "torch", "ablaze", "blaze"})


def _razed_by_fire(root: Token, dwellings: frozenset[str]) -> bool:
    """Whether a fire word destroys: an agent burns something by hand, or several dwellings burn."""
    if root.lemma_.lower() not in _FIRE_LEMMAS:
        return False
    return _burned_by_hand(root) or _burned_dwellings(root, dwellings)


def _burned_by_hand(root: Token) -> bool:
    """An agent burns something with a transitive "burn" ("the fighters burned the vehicles"):
    what raiders burn they destroy, where "two tanks burned until morning" tells a blaze."""
    return (
        root.lemma_.lower() == "burn"
        and root.pos_ == "VERB"
        and root.tag_ != "VBN"
        and any(c.dep_ in {"dobj", "obj"} and c.pos_ in {"NOUN", "NUM"} for c in root.children)
    )


def _burned_dwellings(root: Token, dwellings: frozenset[str]) -> bool:
    """Whether a fire word burns several dwellings: "burned houses", "about 45 houses were
    burned", "burning more than 40 of their houses", "set fire to at least 12 houses", "set the
    huts ablaze", and denied: "no house was set on fire". Several: a plural, a counted noun, or
    "no" one (none of them)."""
    burned: list[Token] = []
    if root.dep_ in {"amod", "acl"} and root.head.pos_ == "NOUN":
        burned.append(root.head)  # "burned houses"
    burned.extend(c for c in root.children if c.dep_ in {"dobj", "obj", "nsubjpass"})
    setter = root.head.head if root.head.dep_ == "prep" else root.head  # "set them on fire": fire hangs on "on"
    if setter.i != root.i and setter.lemma_.lower() == "set":
        burned.extend(c for c in setter.children if c.dep_ in {"dobj", "obj", "nsubjpass"} and c.i != root.i)
        burned.extend(p for c in setter.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children)
        burned.extend(c for c in root.children if c.dep_ == "nsubj")  # "set the huts ablaze"
    for noun in burned:
        if noun.pos_ not in {"NOUN", "NUM"}:
            continue
        if noun.pos_ == "NUM":
            # "more than 40 of their houses": the count governs the dwellings after "of"
            noun = next((p for c in noun.children if c.lower_ == "of" for p in c.children), noun)
        if noun.lemma_.lower() in dwellings and (
            noun.tag_ == "NNS"
            or any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ == "no") for c in noun.children)
        ):
            return True
    return False


def _damaged_object(root: Token, phrase: range) -> str | None:
    """What a damage phrase is about: "the undamaged sacks" → sack, "a warehouse caught fire"
    → warehouse, "damage to the roof" → roof, "the plane received minor damage" → plane.
    None for a statement about the whole incident ("no material damage", "the strike caused
    no damage": a cause is not the damaged object)."""
    candidates: list[Token] = []
    if root.dep_ in {"amod", "compound", "acl", "relcl"} and root.head.pos_ in {"NOUN", "PROPN"}:
        candidates.append(root.head)  # "the undamaged sacks", "a building burning near the port"
    candidates.extend(c for c in root.children if c.dep_ == "compound" and c.i < root.i)  # "a building burning"
    for child in root.children:
        if child.dep_ in {"nsubjpass", "dobj", "obj"}:
            candidates.append(child)
        if child.dep_ == "prep" and child.lower_ in {"to", "at", "in", "on"}:
            candidates.extend(p for p in child.children if p.dep_ == "pobj")
        if child.dep_ == "prep" and child.lower_ == "of" and root.pos_ == "NOUN":
            candidates.extend(p for p in child.children if p.dep_ == "pobj")  # "the destruction of the radar"
    if root.dep_ in {"nsubj", "nsubjpass"}:
        # "no damage was caused to the base"
        candidates.extend(p for c in root.head.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children)
    if root.dep_ == "acomp":
        candidates.extend(c for c in root.head.children if c.dep_ in {"nsubj", "nsubjpass"})
    elif root.pos_ == "VERB":
        candidates.extend(c for c in root.children if c.dep_ == "nsubj")  # "a warehouse caught fire"
    if (
        root.pos_ == "NOUN"
        and root.dep_ in {"dobj", "obj"}
        and root.head.lemma_ in {"receive", "suffer", "sustain", "get", "take", "have", "cause"}
    ):
        candidates.extend(c for c in root.head.children if c.dep_ in {"nsubj", "nsubjpass"})
    for noun in candidates:
        lemma = noun.lemma_.lower()
        if noun.i in phrase or noun.pos_ not in {"NOUN", "PROPN"} or lemma in {"damage", "casualty"}:
            continue
        return lemma
    return None


#: Verbs whose subject tells of, judges or suffers an attack rather than carrying it out.
_WITNESS_VERBS = frozenset(
    {
        "document", "report", "record", "condemn", "denounce", "deplore", "decry", "criticise", "criticize",
        "investigate", "witness", "see", "hear", "watch", "film", "describe", "verify", "survive", "mourn",
        "protest", "recall", "remember",
    }
)
#: A verb and preposition whose subject takes up the act the preposition governs ("troops
#: resorted to firing", "the militia engaged in shelling"); not "died in shelling" or "woke to
#: shelling", whose subject suffered or heard it.
_TAKING_UP = frozenset({("to", "resort"), ("in", "engage"), ("to", "turn")})
_GENERIC_INTERCEPT = frozenset({"thwart", "repel", "repulse", "prevent", "foil", "fend", "defeat", "stop"})
#: Verbs whose passive agent carried out the attack that is their subject: "the strike was
#: carried out by", "the attack was conducted by" (not "was repelled by", "was reported by").
_PERPETRATION = frozenset(
    {"carry", "conduct", "launch", "stage", "mount", "perpetrate", "commit", "execute", "unleash", "undertake"}
)


def _subject_of(token: Token, verb: Token) -> bool:
    """Whether `token` is (in) the subject of `verb` or of the verb that governs it."""
    heads = {verb.i, verb.head.i}
    current = token
    for _ in range(4):
        if current.dep_ in syntax.SUBJECTS and current.head.i in heads:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _trigger_end(doc: Doc, event: EventHit) -> int:
    return event.end


def _put_out(root: Token) -> bool:
    """ "The fire was put out by six": a fire someone extinguished."""
    head = root.head if root.dep_ in {"nsubjpass", "dobj"} else None
    return head is not None and head.lemma_.lower() == "put" and any(c.lower_ == "out" for c in head.children)


def _damage_subjects(root: Token) -> list[Token]:
    """The subjects of a damage word, or of the verb its phrase hangs on ("no house was set on
    fire": the house is what "set" takes)."""
    verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root
    return [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _damage_negated(root: Token) -> bool:
    if syntax.is_negated(root):
        return True
    # "no ships or port facilities were damaged": the "no" sits on the subject
    subjects = _damage_subjects(root)
    if any(c.dep_ == "det" and c.lower_ == "no" for s in subjects for c in s.children):
        return True
    # "no casualties or material damage": the "no" sits on the first conjunct.
    if root.dep_ == "conj" and root.head.pos_ == "NOUN" and _damage_negated(root.head):
        return True
    if any(a.lower_ == "without" for a in syntax.ancestors_within(root, 4)):
        return True
    return root.dep_ in syntax.OBJECTS and any(c.dep_ == "neg" for c in root.head.children)


def _negation_start(root: Token) -> int:
    for subject in _damage_subjects(root):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
            return subject.left_edge.i  # "no ships or port facilities were damaged"
    for ancestor in syntax.ancestors_within(root, 4):
        if ancestor.lower_ == "without":
            return ancestor.i
    for child in root.children:
        if child.dep_ in {"det", "neg"}:
            return min(child.i, root.i)
    if root.dep_ == "conj":
        return _negation_start(root.head)
    return root.i


#: Verbs whose subject is what did the harm: "a missile that fell on the houses", "an air
#: defence missile, not a Russian bomb, caused the explosions".
_HARMING_VERBS = frozenset({"fall", "cause", "hit", "land", "explode", "strike", "crash", "come"})


def _blamed_for_harm(noun: Token) -> bool:
    """Whether an air-defence weapon is told as what fell or caused the harm ("caused by the
    fall of an air defence missile", "blamed anti-aircraft fire"), not as how an attack was
    stopped or as what was struck: then it is the weapon of the event, as a coder records it."""
    current = noun
    while current.dep_ in {"appos", "conj", "compound"} and current.head.i != current.i:
        current = current.head
    head = current.head
    lemma = head.lemma_.lower()
    if current.dep_ == "nsubj" and lemma in _HARMING_VERBS:
        return True
    if current.dep_ in {"dobj", "obj"} and lemma == "blame":
        return True
    if any(c.dep_ == "relcl" and c.lemma_.lower() in _HARMING_VERBS for c in current.children):
        return True  # "a missile that fell on the residential sector"
    if current.dep_ == "pobj":
        governor = head.head
        # "caused by X", "fell to X", "the fall of X"
        return (head.lower_ in {"by", "to"} and governor.lemma_.lower() in _HARMING_VERBS) or (
            head.lower_ == "of" and governor.lemma_.lower() == "fall" and governor.pos_ == "NOUN"
        )
    return False
