"""Targets: what an attack acted on, coded by category, with the words that say it.

The object of an attack word ("hit an oil depot"), the complement of an attack noun ("an
attack on the Kremlin"), a target its own description puts to military use ("workshops where
the army assembles drones"), what a side denies was there ("there are no military
facilities in this building"), and what it denies an attack aimed at, weapon or none ("we deny
targeting the market"). The vocabulary is lexicon/targets.toml; this module holds the
grammar, shared with facts.py (patients, noun phrases, weapons handled at a target).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from spacy.tokens import Doc, Span, Token

from corroborator import model
from corroborator.extract import syntax
from corroborator.extract.lexicon import Lexicon
from corroborator.extract.workspace import EventHit, Finding, WeaponHit, Workspace

A = model.Attribute

#: Modifiers that only say a target is not military ("a civilian house"): when the head word has
#: a category of its own the head decides (a house is residential); else they do ("civilian
#: facilities").
_QUALIFIERS = frozenset({"civilian"})
#: Verbs of a vehicle's load: "a vehicle loaded with armed elements", "a truck carrying fighters".
_LOAD_VERBS = frozenset({"load", "carry", "transport", "ferry", "pack", "fill"})


class TargetReader:
    """Target findings for a report's actual attack mentions, and for its denials of one occasion
    ("did not strike the hospital": the hospital, denied)."""

    def __init__(self, lexicon: Lexicon, denials: frozenset[str]) -> None:
        self.lx = lexicon
        self.denials = denials

    def findings(self, ws: Workspace, events: list[EventHit], weapon_at: dict[int, WeaponHit]) -> list[Finding]:
        doc = ws.doc
        findings = []
        for event in events:
            if event.event_class not in {"attack", "explosion", "casualty", "crash", "intercept"} or not (
                event.mention.modality == model.Modality.ACTUAL or event.denial
            ):
                continue
            trigger = doc[event.token]
            if event.event_class == "intercept":
                # "downed a drone approaching the oil field": what the weapon stopped was heading for
                goals = [g for noun in patients(trigger) if noun.i in weapon_at for g in _course_goals(noun)]
                findings += [
                    _target(g, category, event_token=event.token)
                    for g in goals
                    if g.pos_ != "PRON" and (category := self.category(g)) is not None
                ]
                continue
            nouns = patients(trigger)
            carriers = [n for n in nouns if n.i in weapon_at]
            if event.event_class in {"explosion", "crash"}:  # "a drone flying towards the refinery exploded"
                carriers += [c for c in trigger.children if c.dep_ == "nsubj" and c.i in weapon_at]
            nouns += [g for noun in carriers for g in _course_goals(noun)]
            if event.event_class == "explosion":
                nouns += _beneath(trigger)
            # "detonated an IED against a military vehicle", "fired a missile at the ship": the
            # parse may hang the aim on the weapon the verb acts on
            nouns += [
                p
                for weapon in nouns
                if weapon.i in weapon_at
                for c in weapon.children
                if c.dep_ == "prep" and c.lower_ in {"against", "at", "on"}
                for p in c.children
                if p.dep_ == "pobj"
            ]
            aimed = [
                n.i
                for n in nouns
                if n.i not in weapon_at and n.pos_ != "PRON" and _aim_of(n, trigger) and self.category(n) is not None
            ]
            for noun in nouns:
                if (noun.i in weapon_at and not struck_aircraft(noun, event, weapon_at)) or noun.pos_ == "PRON":
                    continue
                if aimed and noun.i > min(aimed) and _on_phrase_of(noun, trigger):
                    continue  # "struck a car on the road": where the car was, not a second target
                category = "military" if self._military_use(noun, weapon_at) else self.category(noun)
                if category is not None:
                    negated = event.denial or _none_of(noun)  # "no civilian area was targeted"
                    findings.append(_target(noun, category, event_token=event.token, negated=negated))
        return findings

    def denied(self, doc: Doc, first_violent: int) -> list[Finding]:
        """What a side says was not at the target, after the attack is told: "There are no
        military facilities in this building", "no fighters were staying at the monastery",
        "there were no Fano members in the vehicle and no Fano position in the area" (however
        the parse hangs the second), "Nyabibwe contains no military target", "found no
        military positions at the market". The category of what is denied, negated."""
        findings = []
        for noun in doc[first_violent:]:
            if not any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
                continue
            verb = syntax.clause_verb(noun)
            lemma = verb.lemma_.lower()
            present = noun.dep_ in {"attr", "nsubj", "nsubjpass", "conj"} and lemma in self.lx.presence_verbs
            held = noun.dep_ in {"dobj", "obj"} and verb.i == noun.head.i and lemma in self.lx.holding_verbs
            if not (present or held):
                continue
            for denied in (noun, *(c for c in noun.children if c.dep_ == "conj")):
                category = self.category(denied)
                if category is not None and category not in {"structure", "person"}:
                    findings.append(_target(denied, category, negated=True))
        return findings

    def dismissed(self, doc: Doc, first_violent: int, event_tokens: set[int]) -> list[Finding]:
        """What a side says an attack did not aim at, once the attack is told, where no weapon
        makes the attack word an event of its own: "we categorically deny targeting the market
        or any civilians", "rejects the accusation that Cambodian forces fired on a market",
        "fabricated news that a religious building and civilians were targeted", "the
        allegations that civilians were targeted are black propaganda". Under a denial verb the
        finding is left as told: the verb's attribution, or the first person's own words, make
        its stance a denial (`assemble`); so is a story told "falsely", which stays its tellers'.
        A word of falsehood that dismisses the story itself negates the finding.

        A denial of a kind of target only ("Moscow denies targeting civilians") is a side's
        standing line, not its word on this attack: some aim must be a thing of the story ("the
        market", "a religious building") or the clause must point to the attack ("civilians were
        targeted in this operation")."""
        findings = []
        for verb in doc[first_violent:]:
            if verb.pos_ != "VERB" or verb.i in event_tokens or verb.lemma_.lower() not in self.lx.denied_aim_verbs:
                continue
            dismissal = self._dismissal(verb)
            aims = [noun for noun in patients(verb) if noun.pos_ != "PRON"]
            if dismissal is None or (not any(_determined(noun) for noun in aims) and not _this_attack(verb)):
                continue
            for noun in aims:
                category = self.category(noun)
                if category is None:
                    continue
                if dismissal == "denied":
                    findings.append(_target(noun, category))
                else:
                    # the words of the falsehood are the evidence: the denial is their speaker's,
                    # not that of whoever told the story
                    start, end = noun_phrase(noun)
                    finding = _finding(doc, start, end, category, negated=True)
                    findings.append(replace(finding, start=min(start, dismissal.start), end=max(end, dismissal.end)))
        return findings

    def _dismissal(self, verb: Token) -> Literal["denied"] | Span | None:
        """How the clause of an attack verb is dismissed: "denied" when a denial verb governs it
        ("deny targeting", or through the story it tells: "rejects the accusation that") or
        when a verb telling it is qualified as false ("falsely reported that": the tellers'
        story, which their verb attributes to them); the words of falsehood when they dismiss a
        story ("fabricated news", "the allegations ... are black propaganda"); None when nothing
        does."""
        false = self.lx.false_words
        token = verb
        for _ in range(4):
            head = token.head
            if token.dep_ not in _CLAUSE_ARCS or head == token:
                return None
            if head.pos_ == "VERB" and head.lemma_.lower() in self.denials:
                return "denied"
            if any(c.dep_ == "advmod" and c.lower_ in false for c in head.children):
                # "falsely reported that a religious building was hit": the story is the
                # reporters', told as theirs (their verb's attribution); "falsely" is a judgement
                return "denied"
            if head.lemma_.lower() in self.lx.claim_nouns:
                if any(c.dep_ == "amod" and _word_in(c, false) for c in head.children):
                    return verb.doc[head.left_edge.i : head.i + 1]
                carrier = head.head
                if head.dep_ in syntax.OBJECTS and carrier.lemma_.lower() in self.denials:
                    return "denied"
                called = [c for c in carrier.children if c.dep_ in {"attr", "acomp"} and _says_false(c, false)]
                if head.dep_ in syntax.SUBJECTS and carrier.lemma_ == "be" and called:
                    return verb.doc[head.left_edge.i : called[0].i + 1]
                return None
            token = head
        return None

    def stated(self, doc: Doc, first_violent: int, event_tokens: set[int]) -> list[Finding]:
        """Targets a copula states once an attack is told: what the target was ("the target of
        the strikes was an industrial enterprise", "one of the targets was a substation", "the
        detachment was the target"), and who the victims were ("the two men were civilians",
        "those killed were fishermen", "none of them was a fighter": denied)."""
        findings = []
        for verb in doc[first_violent:]:
            if verb.lemma_ != "be":
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            complements = [c for c in verb.children if c.dep_ == "attr"]
            if len(subjects) != 1 or len(complements) != 1:
                continue
            subject, complement = subjects[0], complements[0]
            negated = any(c.dep_ == "neg" for c in verb.children) or _nobody(subject)
            named = _target_word(subject)
            if named is not None:  # "the target of the strikes was ..."
                event = next((t.i for t in _of_objects(named) if t.i in event_tokens), None)
                for noun in (complement, *_conjuncts(complement)):
                    category = self.category(noun)
                    if category is not None:
                        findings.append(_target(noun, category, event_token=event, negated=negated))
            elif complement.lemma_.lower() == "target":  # "the detachment was the target"
                event = next((t.i for t in _of_objects(complement) if t.i in event_tokens), None)
                category = self.category(subject)
                if category is not None and subject.pos_ in {"NOUN", "PROPN"}:
                    findings.append(_target(subject, category, event_token=event, negated=negated))
            elif _victims(subject):  # "the two men were civilians"
                category = self.category(complement)
                if category in {"civilian", "military"}:
                    findings.append(_identity(subject, complement, category, negated))
        return findings

    def counted_victims(
        self, doc: Doc, first_violent: int, counts: Sequence[Finding], aimed: set[int]
    ) -> list[Finding]:
        """People counted killed or hurt, once an attack is told, are a target by what they are
        ("at least five civilians were killed", "six civilians killed"), though no event word
        ties the count to the attack: a bare "were killed" makes no event of its own. Plain
        "people" or "men" say nothing of what was aimed at, nor do people named by age ("four
        children were killed" says who died, wherever they were), and a count of none names no
        one. They say what was attacked only where their sentence names nothing else aimed at
        (`aimed`, the sentences that do): "drones attacked a police station, wounding two
        officers and a civilian" aimed at the station, not at the civilian passing by."""
        findings = []
        seen: set[int] = set()
        for count in counts:
            if count.attribute not in {A.KILLED, A.INJURED} or count.start < first_violent or count.negated:
                continue
            if doc[count.start].sent.start in aimed:
                continue
            if isinstance(count.value, model.Quantity) and count.value.max == 0:
                continue
            for person in _counted_people(doc[count.start : count.end]):
                if person.i in seen or person.lemma_.lower() in _AGE_WORDS:
                    continue
                category = self.category(person)
                if category in {"civilian", "military"}:
                    seen.add(person.i)
                    findings.append(_target(person, category, event_token=count.event_token))
        return findings

    def burning(self, doc: Doc, first_violent: int) -> list[Finding]:
        """Where a fire or a blast broke out once an attack is told: "debris started a fire at
        an industrial enterprise", "a fire broke out on the territory of the plant", "explosions
        in the area of the oil depot", "hits were recorded on a loading berth". What burned or
        was hit is what the attack reached, whoever says it was only debris; a site, not a
        person or a building of unknown use."""
        findings = []
        for noun in doc[first_violent:]:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _SITE_OF_WORDS:
                continue
            # "a fire broke out on the territory of X", "started a fire at X": the PP hangs on the
            # verb of which the noun is subject or object
            governed = noun.dep_ in syntax.SUBJECTS | {"dobj"} and noun.head.pos_ == "VERB"
            holders = [noun, noun.head] if governed else [noun]
            sites = [
                p
                for holder in holders
                for c in holder.children
                if c.dep_ == "prep" and c.lower_ in {"at", "on", "in"} and c.i > noun.i
                for p in c.children
                if p.dep_ == "pobj"
            ]
            for site in sites:
                if site.lemma_.lower() in _AREA_WORDS:  # "in the area of the depot"
                    site = next(iter(_of_objects(site)), site)
                category = self.category(site)
                if category is not None and category not in _NOT_SITES and site.pos_ == "NOUN":
                    findings.append(_target(site, category, negated=_none_of(site)))
        return findings

    def _military_use(self, noun: Token, weapon_at: dict[int, WeaponHit]) -> bool:
        """A target its own description puts to military use: "workshops where the army
        assembles drones", "a warehouse storing missiles", "a house used by the troops". Whoever
        says so claims a military target, whatever the building is."""
        for clause in _descriptions(noun):
            weapons = [weapon_at[t.i] for t in clause.subtree if t.i in weapon_at]
            if any(handled(noun.doc[w.root], self.lx.handling_verbs) for w in weapons):
                return True  # "where drones were assembled", "which stored missiles"
            if clause.lemma_.lower() in self.lx.handling_verbs and any(
                c.i in weapon_at for c in clause.children if c.dep_ in {"dobj", "obj"}
            ):
                return True  # "workshops assembling long-range drones"
            if clause.lemma_.lower() in _LOAD_VERBS and any(
                self.category(load) == "military" for load in _loads(clause)
            ):
                return True  # "a vehicle loaded with extremist armed elements"
            users = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
            users += [p for c in clause.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if any(self.category(user) == "military" for user in users):
                return True  # "where the armed forces assemble", "used by the troops"
        return False

    def category(self, noun: Token) -> str | None:
        """Modifiers first ("a residential building"), then what an "of" names ("an enterprise
        of the fuel and energy complex", "the territory of the depot"), then the head."""
        modifiers = [t.lemma_.lower() for t in noun.subtree if t.i < noun.i]
        stray = {t.i for s in _stray_conjuncts(noun) for t in s.subtree}
        complement = [
            t.lemma_.lower()
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
            for t in p.subtree
            if t.i not in stray
        ]
        # Several-word names first, within the phrase itself: "a tank farm", "a power plant".
        phrase = " ".join((*modifiers, noun.lemma_.lower()))
        for category, phrases in self.lx.target_categories.items():
            if any(len(p) > 1 and f" {' '.join(p)} " in f" {phrase} " for p in phrases):
                return category
        head = [noun.lemma_.lower(), noun.lower_]
        qualified = [w for w in modifiers if w in _QUALIFIERS]
        if qualified and self._single(head) is not None:
            modifiers = [w for w in modifiers if w not in _QUALIFIERS]
        owned_home = self._single(complement) == "civilian" and self._single(head) == "residential"
        if owned_home and not self._single(modifiers):
            return "residential"  # "the homes of civilians": whose homes does not make them less homes
        for words in (modifiers, complement, head):
            found = self._single(words)
            if found is not None:
                return found
        return self._occasion(noun)

    def _occasion(self, noun: Token) -> str | None:
        """People told by what brought them together: "people attending a wedding" (the
        wedding's category), "a group of young people gathered near a football field" (a
        gathering)."""
        clauses = [c for n in (noun, *_of_objects(noun)) for c in n.children if c.dep_ == "acl"]
        if noun.dep_ == "nsubj" and _participle_read_as_clause(noun.head):
            clauses.append(noun.head)  # "a group of boys gathered near the pitch" (_reduced_relative_object)
        for clause in clauses:
            if clause.lemma_.lower() == "attend":
                attended = [c for c in clause.children if c.dep_ in {"dobj", "obj"}]
                return next((c for c in map(self.category, attended) if c is not None), None)
            if clause.lemma_.lower() == "gather":
                return self._single(["gathering"])
        return None

    def _single(self, words: list[str]) -> str | None:
        for category, phrases in self.lx.target_categories.items():
            if any(len(p) == 1 and p[0] in words for p in phrases):
                return category
        return None


def _target(noun: Token, category: str, *, event_token: int | None = None, negated: bool = False) -> Finding:
    start, end = noun_phrase(noun)
    return _finding(noun.doc, start, end, category, event_token=event_token, negated=negated)


def _finding(
    doc: Doc, start: int, end: int, category: str, *, event_token: int | None = None, negated: bool = False
) -> Finding:
    return Finding(
        attribute=A.TARGET,
        value=model.Label(code=category, text=doc[start:end].text),
        start=start,
        end=end,
        event_token=event_token,
        negated=negated,
    )


#: Nouns of what an attack leaves at a site: a fire, a blast, a hit ("fires at the depot").
_SITE_OF_WORDS = frozenset({"fire", "blaze", "explosion", "blast", "detonation", "hit", "arrival", "impact"})
#: Words for the ground around a site, which an "of" names: "on the territory of the plant".
_AREA_WORDS = frozenset({"territory", "area", "ground", "grounds", "premises", "vicinity"})
#: Categories that name no site: people, and buildings of unknown use.
_NOT_SITES = frozenset({"person", "structure"})


#: People named by age, who are counted among the dead wherever they were: "four children were
#: killed" says who died, not what was aimed at ("boys near a football field" still does).
_AGE_WORDS = frozenset({"child", "children", "kid", "boy", "girl", "baby", "infant", "toddler", "teenager"})

#: What the counted people are to the verb of harm: "civilians were killed", "killed six civilians".
_VICTIM_ROLES = frozenset({"nsubjpass", "dobj", "obj"})

#: Words for the people an attack killed or hurt, as the subject of a sentence saying who they
#: were: "the victims were civilians", "those killed were fishermen", "none of them was a fighter".
_VICTIM_WORDS = frozenset({
    "victim", "dead", "casualty", "martyr", "man", "woman", "person", "people", "those", "all", "none",
    "both", "neither", "body", "deceased", "one",
})


def _counted_people(words: Span) -> list[Token]:
    """The nouns a count's words count, with their conjuncts: "two soldiers and three civilians
    were killed", "killed 9 Christians and militiamen" (a proper plural heads the list)."""
    nouns = [
        noun
        for noun in words
        if noun.pos_ in {"NOUN", "PROPN"}
        and (noun.dep_ in _VICTIM_ROLES or any(c.dep_ == "nummod" for c in noun.children))
    ]
    return [person for noun in nouns for person in (noun, *_conjuncts(noun))]


def _target_word(noun: Token) -> Token | None:
    """The "target" a subject names: "the target (of the strikes)", "one of the targets"."""
    if noun.lemma_.lower() == "target":
        return noun
    if noun.lower_ == "one":
        return next((t for t in _of_objects(noun) if t.lemma_.lower() == "target"), None)
    return None


def _of_objects(noun: Token) -> list[Token]:
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _victims(subject: Token) -> bool:
    """Whether a subject names the people an attack killed or hurt: a victim word ("the two men",
    "the dead", "all three", "none of them"), or anyone "killed"/"wounded" ("the man killed")."""
    if subject.lemma_.lower() in _VICTIM_WORDS or subject.lower_ in _VICTIM_WORDS or subject.pos_ == "NUM":
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in {"kill", "wound", "injure"} for c in subject.children)


def _nobody(subject: Token) -> bool:
    """ "None of them was a fighter", "neither man was armed", "no one was": the subject denies."""
    return subject.lower_ in {"none", "neither", "nobody", "no-one"} or _determined_by_no(subject)


def _none_of(noun: Token) -> bool:
    """ "No civilian area was targeted", "struck no residential buildings": the attack's object
    is denied; "no fewer than ten civilians" is a count, not a denial."""
    if not _determined_by_no(noun):
        return False
    return not any(t.lower_ in {"fewer", "less", "more"} for t in noun.subtree if t.i < noun.i)


def _determined_by_no(noun: Token) -> bool:
    """ "no fighters", "neither man": a noun its determiner negates."""
    return any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in noun.children)


def _identity(subject: Token, complement: Token, category: str, negated: bool) -> Finding:
    """Who the victims were, with the words from the subject to the complement ("the two men
    were civilians"), since the complement alone does not say whom it is about."""
    return _finding(subject.doc, subject.left_edge.i, complement.right_edge.i + 1, category, negated=negated)


def handled(weapon: Token, handling_verbs: frozenset[str]) -> bool:
    """A weapon made, kept or handled ("workshops where drones were assembled"), which the
    event's target holds rather than the event uses."""
    head = weapon.head
    return weapon.dep_ in syntax.SUBJECTS | {"dobj", "obj"} and head.lemma_.lower() in handling_verbs


def struck_aircraft(noun: Token, event: EventHit, weapon_at: dict[int, WeaponHit]) -> bool:
    """An aircraft an attack acts on ("drones struck a bomber at the air base") is what was hit,
    not what hit; one that was shot down is still a weapon intercepted."""
    hit = weapon_at.get(noun.i)
    return (
        hit is not None
        and hit.category == "aircraft"
        and event.event_class == "attack"
        and noun.doc[event.token].lemma_.lower() not in _DELIVERY_VERBS
        and noun in patients(noun.doc[event.token])
    )


#: Verbs whose object is what was delivered, not what was hit: "dropped barrel bombs".
_DELIVERY_VERBS = frozenset({"drop", "fire", "launch", "release", "send"})


def _loads(clause: Token) -> list[Token]:
    """What a loading verb says is aboard: its object, or what comes "with" it."""
    found = [c for c in clause.children if c.dep_ in {"dobj", "obj"}]
    withs = [c for c in clause.children if c.dep_ == "prep" and c.lower_ == "with"]
    found += [p for c in withs for p in c.children if p.dep_ == "pobj"]
    return [t for f in found for t in (f, *(c for c in f.children if c.dep_ == "conj"))]


def _descriptions(noun: Token) -> list[Token]:
    """Clauses that describe a noun: its relative clauses and participles, and those the
    parser hangs on the verb instead ("struck workshops in Kharkov where ... assemble drones",
    "struck 'workshops' assembling drones")."""
    clauses = [c for c in noun.children if c.dep_ in {"relcl", "acl"}]
    for clause in noun.head.children:
        if clause.i <= noun.i or clause.dep_ not in {"relcl", "acl", "ccomp", "advcl"}:
            continue
        opener = clause.left_edge
        if opener.lower_ in {"where", "which", "that"} or (clause.tag_ == "VBG" and opener == clause):
            clauses.append(clause)
    return clauses


def _aim_of(noun: Token, trigger: Token) -> bool:
    """Whether `noun` is what the attack word aims at: its object, or after "at" or "against"."""
    if noun.head.i == trigger.i:
        return noun.dep_ in {"dobj", "obj"}
    prep = noun.head
    return noun.dep_ == "pobj" and prep.head.i == trigger.i and prep.lower_ in {"at", "against"}


def _on_phrase_of(noun: Token, trigger: Token) -> bool:
    """Whether `noun` follows an "on" that the attack word itself governs."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.i == trigger.i


#: Arcs by which an attack verb's clause hangs on what tells or dismisses it: "deny targeting",
#: "the accusation that forces fired", "reported that a building was hit".
_CLAUSE_ARCS = frozenset({"xcomp", "ccomp", "pcomp", "acl"})


def _says_false(word: Token, false: frozenset[str]) -> bool:
    """Whether what a claim is said to be is a falsehood: "propaganda", "black propaganda",
    "baseless", "a pure fabrication"."""
    return _word_in(word, false) or any(c.dep_ in {"amod", "compound"} and _word_in(c, false) for c in word.children)


def _determined(noun: Token) -> bool:
    """A noun phrase with a determiner, an owner or a number: a thing or group of the story ("the
    market", "a religious building", "two civilians"), not a kind ("civilians")."""
    return any(c.dep_ in {"det", "poss", "nummod"} for c in noun.children)


def _this_attack(verb: Token) -> bool:
    """Whether a clause points to the attack told ("targeted in this operation")."""
    return any(t.dep_ == "det" and t.lower_ == "this" for t in verb.subtree)


def _word_in(token: Token, words: frozenset[str]) -> bool:
    """The word or its lemma is one of `words` ("fabricated", whose lemma is "fabricate")."""
    return token.lower_ in words or token.lemma_.lower() in words


#: Verbs of a weapon's course: where it was going is what it was aimed at.
_COURSE_VERBS = frozenset({"approach", "head", "fly", "travel", "move"})
#: Prepositions of a course's goal: "heading for", "flying towards".
_GOAL_PREPOSITIONS = frozenset({"for", "towards", "toward", "to", "at"})


def _course_goals(weapon: Token) -> list[Token]:
    """Where a weapon was going: "a drone approaching the oil field", "drones flying towards
    the plant", "a drone loaded with explosives that was heading for the field" (the parse may
    hang the clause on the payload, inside the weapon's phrase)."""
    goals = []
    for verb in weapon.subtree:
        if verb.dep_ not in {"acl", "relcl"} or verb.lemma_.lower() not in _COURSE_VERBS:
            continue
        for child in verb.children:
            if child.dep_ in {"dobj", "obj"} and verb.lemma_.lower() == "approach":
                goals.append(child)
            if child.dep_ == "prep" and child.lower_ in _GOAL_PREPOSITIONS:
                goals.extend(p for p in child.children if p.dep_ == "pobj")
    return goals


def patients(trigger: Token) -> list[Token]:
    """What an attack word acts on: its object, "an attack on X", "aimed at X"."""
    found = []
    passive = any(c.dep_ == "auxpass" for c in trigger.children)
    for child in trigger.children:
        if child.dep_ in {"dobj", "obj"} or (passive and child.dep_ == "nsubjpass"):
            found.append(child)  # "hit the depot", "the bridge was blown up"
        if child.dep_ in {"dobj", "obj"}:
            found.extend(_landing_place(child))
        if child.dep_ == "prep" and child.lower_ in {"on", "at", "against", "into", "onto"}:
            # "fired on a market or on civilians": a preposition joined to the first is one aim more
            preps = (child, *(c for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP"))
            for pobj in (p for prep in preps for p in prep.children if p.dep_ == "pobj"):
                if pobj.ent_type_ in {"TIME", "DATE"}:
                    # "at 02:45 on the railway bridge": the parse hangs the place on the time
                    found.extend(p for c in pobj.children if c.dep_ == "prep" and c.lower_ in {"on", "at"}
                                 for p in c.children if p.dep_ == "pobj")
                else:
                    found.append(pobj)
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.pos_ in {"NOUN", "PROPN"}:
        found.append(trigger.head)  # "a nine-storey building hit by a drone"
    if trigger.dep_ == "relcl" and trigger.head.pos_ in {"NOUN", "PROPN"} and any(
        c.lower_ in syntax.RELATIVE_PRONOUNS and (c.dep_ in {"dobj", "obj"} or (passive and c.dep_ == "nsubjpass"))
        for c in trigger.children
    ):
        found.append(trigger.head)  # "the facility that was attacked on Wednesday": what the pronoun stands for
    if trigger.pos_ == "NOUN" and (trigger.lower_.endswith("ing") or trigger.lemma_.lower() == "bombardment"):
        # "the shelling of the market", "the bombing of a hospital": what the verb's object would be
        found.extend(_of_objects(trigger))
    if trigger.pos_ == "NOUN" and trigger.dep_ in syntax.OBJECTS:
        # "attempted a drone attack on the residence": the object PP hangs off the noun or verb
        for child in trigger.head.children:
            if child.dep_ == "prep" and child.lower_ in {"on", "against"}:
                found.extend(p for p in child.children if p.dep_ == "pobj")
    if trigger.pos_ == "NOUN" and trigger.i + 1 < len(trigger.doc):
        # "killed in the air force strike on a wedding": the parse hangs the PP right after the
        # noun on the verb, but a PP of aim written next to an attack noun is its complement
        after = trigger.doc[trigger.i + 1]
        if after.dep_ == "prep" and after.lower_ in {"on", "against"} and after.head != trigger:
            found.extend(p for p in after.children if p.dep_ == "pobj")
    found += _struck_in_passing(trigger)
    found += _reduced_relative_object(trigger)
    found += _raised_object(trigger)
    found += _reached_by_the_attack(trigger)
    # "hit container docks and fuel tanks": every conjoined noun is a target
    found = [t for f in found for t in (f, *_conjuncts(f))]
    return [t for f in found for t in (f, *_stray_conjuncts(f))]


#: Verbs that say what an attack reached: in a participle clause of the attack ("dropped barrel
#: bombs on the town, hitting the market") or with the attack noun as subject ("the strikes hit
#: the port's docks").
_REACHING_VERBS = frozenset({"hit", "strike", "target"})


def _reduced_relative_object(trigger: Token) -> list[Token]:
    """ "Drones struck a group of civilians gathered at a water point": the parser may read the
    participle as the verb of a clause of its own ("a group ... gathered"), leaving the attack
    verb without an object. A past-tense clause with no auxiliary, hung on an attack verb that
    has no object, has the object for its subject."""
    if trigger.pos_ != "VERB" or any(c.dep_ in {"dobj", "obj"} for c in trigger.children):
        return []
    return [
        subject
        for clause in trigger.children
        if clause.i > trigger.i and _participle_read_as_clause(clause)
        for subject in clause.children
        if subject.dep_ == "nsubj" and subject.pos_ in {"NOUN", "PROPN"} and subject.i > trigger.i
    ]


def _participle_read_as_clause(clause: Token) -> bool:
    """A past form hung as a reported clause with no auxiliary of its own: how the parser reads
    a participle after a noun ("a group ... gathered at a water point")."""
    return (
        clause.dep_ == "ccomp"
        and clause.tag_ in {"VBD", "VBN"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children)
    )


def _struck_in_passing(trigger: Token) -> list[Token]:
    """ "Dropped eight barrel bombs on the town, hitting the main market and a school": what a
    participle clause of the attack says it hit is the attack's target too."""
    return [
        o
        for clause in trigger.children
        if clause.dep_ in {"advcl", "conj", "xcomp"} and clause.tag_ == "VBG"
        and clause.lemma_.lower() in _REACHING_VERBS
        for o in clause.children
        if o.dep_ in {"dobj", "obj"}
    ]


def _reached_by_the_attack(trigger: Token) -> list[Token]:
    """ "The strikes began at about 1800 GMT and hit the port's container docks", "the
    shelling hit the market": what an attack noun, as the subject, hit (itself, or in a verb
    joined to its own that shares it as subject) is its target. What it destroyed or damaged
    is a result ("the strikes destroyed an armoured vehicle"), damage and not another aim."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "nsubj" or trigger.head.pos_ != "VERB":
        return []
    verb = trigger.head
    shared = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and not _has_subject(c)]
    return [
        o
        for v in (verb, *shared)
        if v.lemma_.lower() in _REACHING_VERBS
        for o in v.children
        if o.dep_ in {"dobj", "obj"}
    ]


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _raised_object(trigger: Token) -> list[Token]:
    """ "A drone struck and destroyed a fuel depot", "the IDF struck and eliminated a
    terrorist": a verb with no object of its own, joined to the next by "and", shares that one's
    object (the parse hangs it on the last verb)."""
    if trigger.pos_ != "VERB" or any(c.dep_ in {"dobj", "obj"} for c in trigger.children):
        return []
    joined = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if not joined or not any(c.dep_ == "cc" and c.i < joined[0].i for c in trigger.children):
        return []
    between = trigger.doc[trigger.i + 1 : joined[0].i]
    if any(t.pos_ not in {"CCONJ", "PUNCT", "ADV"} for t in between):
        return []  # "struck at dawn and destroyed": a clause of its own, not one shared object
    return [o for o in joined[0].children if o.dep_ in {"dobj", "obj"}]


def _stray_conjuncts(noun: Token) -> list[Token]:
    """Conjuncts the parse hangs on a place inside the phrase: "hit a berth of the terminal in
    Novorossiysk and a Russian patrol ship". A place name is not coordinated with "a ship"; the
    ship is a second object of the attack, so is each of its own conjuncts."""
    found: list[Token] = []
    for token in noun.subtree:
        if token is noun or not _stray_conjunct(token):
            continue
        found.extend((token, *_conjuncts(token)))
    return found


def _stray_conjunct(token: Token) -> bool:
    """A common noun with its own article coordinated with a proper name inside a PP of place."""
    head = token.head
    return (
        token.dep_ == "conj"
        and token.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in {"a", "an", "the"} for c in token.children)
        and head.pos_ == "PROPN"
        and head.dep_ == "pobj"
        and head.head.lower_ in {"in", "at", "near", "outside"}
    )


def _landing_place(load: Token) -> list[Token]:
    """ "Dropped barrels packed with explosives on the market": the parse hangs where the load
    fell on the participle that describes the load; it is what the drop was aimed at."""
    return [
        p
        for participle in load.children
        if participle.dep_ == "acl" and participle.tag_ == "VBN"
        for prep in participle.children
        if prep.dep_ == "prep" and prep.lower_ in {"on", "onto"}
        for p in prep.children
        if p.dep_ == "pobj"
    ]


def _beneath(trigger: Token) -> list[Token]:
    """ "a bomb exploded under an army vehicle": what a blast goes off beneath is what it hit
    ("exploded near the checkpoint" only says where)."""
    return [
        p
        for child in trigger.children
        if child.dep_ == "prep" and child.lower_ in {"under", "beneath", "underneath"}
        for p in child.children
        if p.dep_ == "pobj"
    ]


def _conjuncts(noun: Token) -> list[Token]:
    found = []
    for child in noun.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"}:
            found.append(child)
            found.extend(_conjuncts(child))
    return found


def noun_phrase(token: Token) -> tuple[int, int]:
    """The noun phrase a word heads, without relative clauses and trailing prepositions."""
    left = token.left_edge.i
    right = token.i + 1
    for child in token.children:
        if child.i > token.i and child.dep_ in {"compound", "amod", "nummod", "poss", "flat"}:
            right = max(right, child.right_edge.i + 1)
        if child.i > token.i and child.dep_ == "prep" and child.lower_ == "of":
            right = max(right, child.right_edge.i + 1)
    stray = next((t for t in token.doc[token.i + 1 : right] if _stray_conjunct(t)), None)
    if stray is not None:  # "a berth of the terminal in Novorossiysk | and a patrol ship": a second object
        right = stray.left_edge.i
        while right > token.i + 1 and (token.doc[right - 1].dep_ == "cc" or token.doc[right - 1].is_punct):
            right -= 1
    while left < token.i and token.doc[left].is_punct:
        left += 1
    while right + 1 < len(token.doc) and _tight_hyphen(token.doc[right]):
        right += 2  # "the Souq al-Kabir": a hyphenated name the parse splits into objects
    return left, right


def _tight_hyphen(token: Token) -> bool:
    """A hyphen with no space either side: it joins two words into one ("al-Kabir")."""
    return token.text == "-" and token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_
