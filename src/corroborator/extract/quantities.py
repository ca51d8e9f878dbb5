"""Counts of weapons and people, and what each count counts.

A number is only a fact when the parse ties it to something we measure: a weapon
("five UAVs were involved in the attack" → launched 5), people ("two civilians were
killed" → killed 2) or casualties ("there were no victims" → killed 0, injured 0). The
verb that governs the counted noun says which attribute: launched, intercepted, hit,
killed, injured (lexicon/quantities.toml). Elliptic counts ("Two were shot down") count
the weapon named just before; definite plurals with no number ("disable the devices")
are marked anaphoric and get their number from the frame's earlier count.

Vague numbers become ranges (conventions in lexicon/quantities.toml and
docs/conventions.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import ClassVar

from spacy.tokens import Doc, Token

from corroborator import model
from corroborator.extract import syntax
from corroborator.extract.lexicon import Lexicon
from corroborator.extract.targets import struck_aircraft
from corroborator.extract.workspace import Finding, WeaponHit, Workspace

A = model.Attribute
_CASUALTY_NOUNS = {
    "casualty": (A.KILLED, A.INJURED),
    "victim": (A.KILLED, A.INJURED),
    "death": (A.KILLED,),
    "fatality": (A.KILLED,),
    "dead": (A.KILLED,),
    "martyr": (A.KILLED,),
    "injury": (A.INJURED,),
    "wounded": (A.INJURED,),
    "injured": (A.INJURED,),
    # "34 bodies were buried", "the bodies of 14 people": the dead, counted
    "body": (A.KILLED,),
    "corpse": (A.KILLED,),
}


def _casualty_attributes(word: Token) -> tuple[model.Attribute, ...] | None:
    """What a casualty noun counts, by its lemma or its own form ("the wounded")."""
    return _CASUALTY_NOUNS.get(word.lemma_.lower()) or _CASUALTY_NOUNS.get(word.lower_)


#: "Bodies" that are organisations, not the dead: "two UN bodies", "governing bodies".
_NOT_THE_DEAD = frozenset({"governing", "regulatory", "advisory", "international", "public", "official", "legislative",
                           "federal", "judicial", "elected", "professional", "statutory", "supervisory"})
#: People nouns that name a group in the singular ("the crew were safe"): not one person.
_COLLECTIVE_PEOPLE = frozenset({"crew", "staff", "personnel", "family", "team", "garrison", "population", "public"})
_UNIT_NOUNS = frozenset(
    {
        "mile",
        "kilometre",
        "kilometer",
        "km",
        "metre",
        "meter",
        "m",
        "hour",
        "minute",
        "second",
        "day",
        "week",
        "month",
        "year",
        "ton",
        "tonne",
        "percent",
        "%",
        "foot",
        "feet",
        "kilogram",
        "kg",
        "time",
        "am",
        "pm",
        "a.m.",
        "p.m.",
    }
)
#: Verbs of a count changing: "from N to M" after them is a change, not a range.
_CHANGE_VERBS = frozenset({"rise", "climb", "increase", "grow", "jump", "go", "soar", "mount", "revise", "raise"})
#: Words for the remainder of a whole: where they follow a part, every weapon is accounted for.
_THE_REST = frozenset({"rest", "others", "remainder", "remaining"})
#: Prepositions that restrict who "no one" covers ("nobody in the queue", "no one on board").
_RESTRICTING = frozenset({"in", "on", "at", "among", "inside", "near", "aboard", "from"})
_TENS = frozenset({20, 30, 40, 50, 60, 70, 80, 90})
_MULTIPLES = frozenset({100, 1000})  # hundred, thousand: they multiply the number before them
_NEXT_UNIT = {12: 100, 100: 1000, 1000: 10_000}  # the unit a writer would name instead of a vague many of these
_NUMBER = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


#: Endings of plural nouns for people who do something ("mourners", "protesters", "migrants",
#: "herdsmen", "pilgrims" excepted): read as people only where a casualty word counts them.
_AGENT_SUFFIXES = ("ers", "ors", "ists", "ants", "ees", "ians", "men")


@dataclass(frozen=True)
class Count:
    """A number expression: tokens [start, end), its value, and the token that heads it."""

    start: int
    end: int
    head: int
    quantity: model.Quantity
    zero: bool = False
    approx: bool = False
    another: bool = False
    #: "all 54 but two", "35 out of 41": the whole (54, 41) the count (52, 35) is taken from.
    whole: int | None = None


class QuantityFinder:
    """Counts of weapons launched, intercepted and hitting, and of people killed and injured."""

    name: ClassVar[str] = "quantities"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "weapons", "events"})
    assigns: ClassVar[frozenset[str]] = frozenset({"findings"})

    def __init__(self, lexicon: Lexicon) -> None:
        self.lx = lexicon
        self._records: set[int] = set()
        # Vague phrases by first word, longest first: looked up at every token.
        self._vague: dict[str, list[tuple[tuple[str, ...], tuple[int, int | None]]]] = {}
        for words, bounds in sorted(lexicon.vague_quantities.items(), key=lambda kv: -len(kv[0])):
            self._vague.setdefault(words[0], []).append((words, bounds))

    def __call__(self, ws: Workspace) -> None:
        weapon_at = {i: hit for hit in ws.weapons for i in range(hit.start, hit.end)}
        # "Since January, 2,317 terrorists have been neutralised": a record's count is no incident's
        self._records = {h.token for h in ws.events if h.mention.modality == model.Modality.GENERIC}
        findings: list[Finding] = []
        seen: set[tuple[int, int, model.Attribute]] = set()
        for count in self._counts(ws.doc):
            for finding in self._interpret(ws, count, weapon_at):
                # Two counts of one verb share its start: "launched four drones and one missile".
                key = (finding.start, finding.end, finding.attribute)
                if _restates_group(ws.doc, count, finding, findings):
                    continue
                if key not in seen:
                    seen.add(key)
                    findings.append(finding)
        findings.extend(self._anaphoric(ws, weapon_at, {f.start for f in findings}))
        findings.extend(self._uncounted_casualties(ws, {(f.start, f.attribute) for f in findings}))
        findings.extend(self._single_people(ws, {f.start for f in findings} | {f.end - 1 for f in findings}))
        findings.extend(self._single_weapon_hits(ws, {f.start for f in findings}))
        findings.extend(self._uncounted_impacts(ws, weapon_at, {i for f in findings for i in range(f.start, f.end)}))
        # "a drone, not a missile, hit the depot": the weapon set against the one named counts nothing
        findings = [f for f in findings if not syntax.set_against(ws.doc, f.start)]
        ws.findings.extend(sorted((self._scoped(ws, f) for f in findings), key=lambda f: f.start))

    def _scoped(self, ws: Workspace, finding: Finding) -> Finding:
        """A weapon count over a whole country ("launched 64 drones at the country", "across
        Ukraine") is marked as a national total."""
        if finding.weapon is None or not isinstance(finding.value, model.Quantity):
            return finding
        sentence = ws.doc[finding.start].sent
        words = " ".join(t.lower_ for t in sentence)
        national = any(f" {' '.join(p)} " in f" {words} " for p in self.lx.national_phrases)
        for mention in ws.places:
            span = ws.char_span(mention.span) if mention.place.kind == "country" else None
            if span is None or not sentence.start <= span.start < sentence.end or span.start == 0:
                continue
            if ws.doc[span.start - 1].lower_ in self.lx.national_prepositions:
                national = True  # "launched 40 drones at Ukraine"
        if not national:
            return finding
        return replace(finding, value=finding.value.model_copy(update={"scope": "country"}))

    # -- number expressions

    def _counts(self, doc: Doc) -> list[Count]:
        counts: list[Count] = []
        i = 0
        while i < len(doc):
            count = self._count_at(doc, i)
            if count is None:
                i += 1
                continue
            counts.append(count)
            i = count.end
        return counts

    def _count_at(self, doc: Doc, i: int) -> Count | None:
        token = doc[i]
        lower = token.lower_
        if lower == "all":
            all_but = self._all_but(doc, i)
            if all_but is not None:
                return all_but
        # Vague phrases first ("a few", "a dozen", "dozens").
        for words, (lo, hi) in self._vague.get(lower, ()):
            if tuple(t.lower_ for t in doc[i : i + len(words)]) == words:
                end = i + len(words)
                if lower == "some" and (end >= len(doc) or not doc[end].like_num):
                    if not _counts_something(doc[end - 1]):
                        return None
                elif lower == "some":
                    return None  # "some 30 drones" is approximately 30, handled below
                # "several dozen", "a few hundred": the vague number of dozens or hundreds
                factor = self._multiplier(doc, end)
                if factor is not None and hi is not None and lo > 0:
                    # at most just under the next unit's name ("several dozen" is 24–99, as
                    # "dozens" is): a writer with a hundred would say "a hundred"
                    lo, hi, end = lo * factor, min(hi * factor, _NEXT_UNIT[factor] - 1), end + 1
                # "a number of missiles": the noun before "of" leads to what is counted
                head = end - 2 if words[-1] == "of" and len(words) > 1 else end - 1
                start, lo, hi, approx = self._modified(doc, i, lo, hi)
                return Count(start, end, head, model.Quantity(min=lo, max=hi), approx=approx)
        if lower == "no" and i + 1 < len(doc) and doc[i + 1].lower_ == "one":
            return Count(i, i + 2, i + 1, model.Quantity(min=0, max=0), zero=True)  # "no one"
        if lower == "not" and i + 1 < len(doc) and doc[i + 1].lower_ in {"one", "a"}:
            # "not one of them was stopped", "not a single drone got through"
            end = i + 3 if doc[i + 1].lower_ == "a" and i + 2 < len(doc) and doc[i + 2].lower_ == "single" else i + 2
            return Count(i, end, end - 1, model.Quantity(min=0, max=0), zero=True)
        if lower in {"no", "none", "nobody", "no-one"}:
            return Count(i, i + 1, i, model.Quantity(min=0, max=0), zero=True)
        if lower == "another" and token.dep_ in syntax.SUBJECTS:
            return Count(i, i + 1, i, model.Quantity(min=1, max=1), another=True)
        run = self._number_run(doc, i)
        if run is None:
            return None
        value, end, head = run
        start, lo, hi, approx = self._modified(doc, i, value, value)
        out_of = self._out_of(doc, end)
        if out_of is not None and out_of[0] >= value:
            # "35 out of 41 drones were destroyed", "downed 14 of 20 drones": the part, with the
            # whole it is taken from
            whole, whole_end, whole_lead = out_of
            # the part may hang on the whole's number ("14" on "20"), which leads to the noun
            lead = whole_lead if doc[end - 1].dep_ == "quantmod" else end - 1
            return Count(start, whole_end, lead, model.Quantity(min=lo, max=hi), approx=approx, whole=whole)
        # Ranges: "5-7 drones", "five to seven drones", "between five and seven".
        # "rose from two to five" is a change, and its value the second number
        change = (
            end < len(doc)
            and doc[end].lower_ == "to"
            and i > 0
            and doc[i - 1].lower_ == "from"
            and doc[i - 1].head.lemma_.lower() in _CHANGE_VERBS
        )
        if end + 1 < len(doc) and doc[end].lower_ in {"-", "to", "or", "and"} and not change:
            upper = self._number_run(doc, end + 1)
            if upper is not None and upper[0] > value:
                # the upper number leads to the noun ("5-7 drones"), or else the lower one does
                # ("between one hundred and two hundred drones", the second "hundred" a conjunct)
                lead = upper[2] if _counted_noun(doc[upper[2]]) is not None else head
                return Count(start, upper[1], lead, model.Quantity(min=value, max=upper[0]))
        if value == 1 and token.lower_ == "one" and token.dep_ == "nummod" and not _coordinated(token.head):
            # "one drone was intercepted over the roof" says at least one, not exactly one
            # when other counts exist; reconcile treats it as compatible with larger totals.
            return Count(start, end, end - 1, model.Quantity(min=1, max=None), approx=True)
        return Count(start, end, head, model.Quantity(min=lo, max=hi), approx=approx)

    def _number_run(self, doc: Doc, i: int) -> tuple[int, int, int] | None:
        """The number written from token `i` on: its value, the end of its tokens, and the
        token that leads to the counted noun. "1,200", "twenty five", "twenty-five", "two
        hundred", "a hundred", "one hundred and twenty"."""
        if doc[i].lower_ == "a" and self._multiplier(doc, i + 1) in _MULTIPLES:
            value: int | None = 1  # "a hundred", "a thousand": the article is the number one
        else:
            value = self._number_value(doc[i])
        if value is None or _compound_modifier(doc, i) or _day_of_month(doc, i):
            return None
        end = i + 1
        head: int | None = None
        while end < len(doc) and not _compound_modifier(doc, end):
            nxt = self._number_value(doc[end])
            if nxt is None and doc[end].lower_ == "and" and self._multiplier(doc, end - 1) is not None:
                after = self._number_value(doc[end + 1]) if end + 1 < len(doc) else None
                tens = after is not None and after < 100 and doc[end + 1].is_alpha
                if after is not None and tens and self._multiplier(doc, end + 2) is None:
                    # "one hundred and twenty": "hundred" leads to the noun
                    value, head, end = value + after, end - 1, end + 2
                break
            if nxt is None or (doc[end].dep_ not in {"compound", "nummod", "quantmod"} and nxt not in _MULTIPLES):
                break
            value = value * nxt if nxt in _MULTIPLES else value + nxt
            end += 1
        if (
            value in _TENS
            and end + 1 < len(doc)
            and doc[end].text == "-"
            and doc[end].whitespace_ == ""
            and (unit := self._number_value(doc[end + 1])) is not None
            and 0 < unit < 10
        ):
            value, end = value + unit, end + 2  # "twenty-five", split at the hyphen by the tokenizer
        return value, end, end - 1 if head is None else head

    def _out_of(self, doc: Doc, end: int) -> tuple[int, int, int] | None:
        """The whole after a part, the end of its words and the token leading to what it
        counts: "out of 41" in "35 out of 41", "of 20" in "14 of 20 drones" (not "of the 20
        drones", whose parse says what is counted)."""
        start = end + 2 if tuple(t.lower_ for t in doc[end : end + 2]) == ("out", "of") else end + 1
        if start >= len(doc) or doc[start - 1].lower_ != "of":
            return None
        if start == end + 1 and doc[end - 1].dep_ != "quantmod":
            return None  # "shot down 2 of 3 missiles" parsed as a part "of" the missiles: the parse tells it
        return self._number_run(doc, start)

    def _all_but(self, doc: Doc, i: int) -> Count | None:
        """ "all 54 drones but two", "all 54 but two", "Of the 54 drones, all but two": 52 of 54.

        The whole comes from the phrase itself, or from an "of the N ..." in the same
        sentence; without a whole there is no number to give.
        """
        sentence = doc[i].sent
        whole: int | None = None
        j = i + 1
        while j < min(i + 6, sentence.end) and doc[j].lower_ not in {"but", "except", "save"}:
            whole = whole if whole is not None else self._number_value(doc[j])
            j += 1
        if j >= sentence.end or doc[j].lower_ not in {"but", "except", "save"} or j + 1 >= len(doc):
            return None
        excepted = self._number_value(doc[j + 1]) if doc[j + 1].lower_ != "one" else 1
        if excepted is None:
            return None
        if whole is None:
            for k in range(sentence.start, sentence.end):
                if doc[k].lower_ == "of" and k + 2 < sentence.end:
                    candidate = doc[k + 1] if doc[k + 1].lower_ != "the" else doc[k + 2]
                    whole = self._number_value(candidate)
                    if whole is not None:
                        break
        if whole is None:
            # "launched 54 drones ... all but two were shot down", "... 54 drones. All but two
            # drones were destroyed": the latest count of the same things.
            after = doc[j + 2] if j + 2 < sentence.end else None
            named = after.lemma_.lower() if after is not None and after.pos_ == "NOUN" else None
            whole = _last_weapon_count(doc, i, named)
        if whole is None or excepted > whole:
            return None
        # The head is "all": as a determiner it leads to the counted noun ("all 54 drones"),
        # as a subject it is elliptic ("all but two were destroyed").
        return Count(i, j + 2, i, model.Quantity(min=whole - excepted, max=whole - excepted), whole=whole)

    def _number_value(self, token: Token) -> int | None:
        text = token.lower_
        if text in self.lx.number_words and token.pos_ in {"NUM", "DET", "PRON", "ADJ", "NOUN"}:
            if text == "one" and token.pos_ == "PRON":
                return None
            return self.lx.number_words[text]
        if _NUMBER.match(text) and token.pos_ in {"NUM", "X", "PROPN", "NOUN"}:
            value = int(text.replace(",", ""))
            return value if value < 100_000 else None
        return None

    def _multiplier(self, doc: Doc, i: int) -> int | None:
        """The value of "dozen", "hundred" or "thousand" at token `i`, which multiply the
        number before them ("several dozen", "a hundred"); None for any other token."""
        if i >= len(doc):
            return None
        if doc[i].lower_ == "dozen":
            return 12
        value = self._number_value(doc[i])
        return value if value in _MULTIPLES and doc[i].is_alpha else None

    def _modified(self, doc: Doc, i: int, lo: int, hi: int | None) -> tuple[int, int, int | None, bool]:
        """Apply "at least", "more than", "up to", "about" written before the number (or the
        range of a vague one: "more than a dozen" is 13 or more, "up to a few hundred" 1–500)."""
        for kind, phrases in self.lx.quantity_modifiers.items():
            for words in phrases:
                n = len(words)
                if i - n >= 0 and tuple(t.lower_ for t in doc[i - n : i]) == words:
                    if kind == "at_least":
                        return i - n, lo, None, False
                    if kind == "more_than":
                        return i - n, lo + 1, None, False
                    if kind == "up_to":
                        return i - n, min(1, lo), hi, False
                    return i - n, lo, hi, True
        return i, lo, hi, False

    # -- what a count counts

    def _interpret(self, ws: Workspace, count: Count, weapon_at: dict[int, WeaponHit]) -> list[Finding]:
        doc = ws.doc
        head = doc[count.head]
        noun = _counted_noun(head)
        if noun is not None and noun.lemma_.lower() in _UNIT_NOUNS:
            return []
        inside_name = count.head in weapon_at or any(t in weapon_at for t in range(count.start, count.end))
        if noun is not None and count.whole is None and inside_name:
            return []  # a number inside a weapon name: "An-124", "S-400"
        if (
            count.zero
            and head.lower_ in {"one", "nobody", "no-one", "none"}
            and not any(c.lower_ == "of" for c in head.children)
        ):
            if any(c.dep_ == "prep" and c.lower_ in _RESTRICTING and not _generic_people(c) for c in head.children):
                return []  # "nobody in the queue was hurt" says nothing of the others
            return self._people_predicate(head, count)  # "no one was hurt", "nobody was injured"
        if noun is not None and noun.pos_ == "PRON":
            noun = None  # "one of them", "all of them": the weapons named before
        weapon = weapon_at.get(noun.i) if noun is not None else None
        if weapon is None and noun is not None and noun.dep_ == "compound" and noun.head.i in weapon_at:
            noun = noun.head  # "2 ballistic missiles Iskander-M": the name after the class noun
            weapon = weapon_at[noun.i]
        elliptic = noun is None or noun.i == head.i
        if elliptic:
            toll = self._toll(head)
            if toll is not None:
                return [toll_finding(toll, count)]
            # "Two were killed": casualty verbs count people, whatever weapon came before.
            people = self._people_predicate(head, count)
            weapon = _recent_weapon(head, weapon_at)
            if people or weapon is None:
                return people
            noun = head
        if weapon is None and noun is not None and not elliptic:
            weapon = _weapon_compound(noun, weapon_at)
            if weapon is not None and not count.zero:
                # "two drone strikes": at least as many drones as strikes.
                start, end = min(count.start, noun.i), max(count.end, noun.i + 1)
                return [
                    Finding(
                        attribute=A.LAUNCHED,
                        value=model.Quantity(min=count.quantity.min, max=None),
                        start=start,
                        end=end,
                        weapon=weapon.code,
                        note="counts strikes; each involved at least one weapon",
                    )
                ]
        if (
            weapon is None
            and noun is not None
            and (noun.pos_ == "NOUN" or _mistagged_plural(noun))
            and self._impact_noun(noun)
            and _violent_context(ws, noun, weapon_at)
        ):
            # "three hits on the substation", "at least nine arrivals", "no direct hits"
            start, end = min(count.start, noun.i), max(count.end, noun.i + 1)
            value = model.Quantity(min=0, max=0) if count.zero else count.quantity
            note = "counts impacts"
            if noun.lemma_.lower() == "strike" and not count.zero:
                # "three strikes in the district": each strike at least one impact, as "two
                # drone strikes" are at least two drones
                value, note = model.Quantity(min=value.min, max=None), "counts strikes; each at least one impact"
            return [Finding(attribute=A.HIT, value=value, start=start, end=end, note=note)]
        if noun is not None and any(struck_aircraft(noun, e, weapon_at) for e in ws.events):
            return []  # "drones struck two bombers at the air base": aircraft hit, not used
        if weapon is not None and weapon.category != "air_defence" and noun is not None:
            partitive = _part_of(noun, head)
            # "38 of the 40 drones were shot down": the verb governs the part ("38").
            found = self._weapon_findings(ws, count, head if partitive else noun, weapon, elliptic)
            if _singled_out(doc, count, noun if partitive else None):
                found = [_at_least(f) if f.attribute == A.HIT else f for f in found]
            return found
        if noun is not None:
            if count.quantity == model.Quantity(min=1, max=None) and doc[count.head].lower_ == "one":
                count = Count(
                    count.start, count.end, count.head, model.Quantity(min=1, max=1)
                )  # "killing one passenger"
            if _part_of(noun, head) and (noun.lemma_.lower() in _CASUALTY_NOUNS or noun.lower_ in _CASUALTY_NOUNS):
                # "two of the wounded are in a serious condition": a part of a total counted
                # elsewhere; but "two of the injured later died" is a death toll of its own.
                return [f for f in self._people_predicate(head, count) if f.attribute == A.KILLED]
            if _part_of(noun, head):
                # "two of her volunteers were wounded": the number is the subject
                return self._people_predicate(head, count) if self._is_people(noun) else []
            return self._people_findings(ws, count, noun)
        return []

    def _toll(self, number: Token) -> Toll | None:
        """A bare number that is the value of a toll: "the death toll rose to five".

        The number is the goal of a change or a state ("rose to", "stands at", "reached",
        "brings ... to", "is"), and the clause's subject or object names what is counted:
        a death or injury toll, or "the number of injured" / "of people killed". A toll
        that does not say whose ("the casualty toll") counts nothing we can name.
        """
        if number.dep_ == "pobj" and (
            number.head.lower_ in {"to", "at"} or (number.head.lower_ == "from" and number.nbor(-1).lower_ == "to")
        ):
            verb = number.head.head
            while verb.dep_ in {"prep", "pobj"} and verb.pos_ != "VERB":  # "rose from one to three"
                verb = verb.head
        elif number.dep_ in {"dobj", "attr"}:
            verb = number.head
        else:
            return None
        candidates = [verb]
        if verb.dep_ == "acl":  # "brings the number of people killed to 14"
            candidates.append(verb.head)
        candidates += [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
        for candidate in candidates:
            attribute = self._toll_attribute(candidate)
            if attribute is None and candidate.dep_ == "nsubj" and verb.lemma_.lower() in _CHANGE_VERBS:
                # "the martyrs of the strike rise to two", "the dead climbed to nine": the
                # counted people themselves, as the subject of the change
                kinds = _casualty_attributes(candidate)
                attribute = kinds[0] if kinds is not None and len(kinds) == 1 else None
            if attribute is not None:
                return Toll(attribute=attribute, noun=candidate, verb=verb)
        return None

    def _toll_attribute(self, noun: Token) -> model.Attribute | None:
        lemma = noun.lemma_.lower()
        if lemma == "toll":
            kinds = {c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod"}}
            if kinds & {"death", "fatality"}:
                return A.KILLED
            if kinds & {"injury", "injured", "wounded"}:
                return A.INJURED
            if not kinds:
                return A.KILLED  # a bare "toll" is the death toll in news usage: "the toll rose to 12"
            return None
        if lemma != "number":
            return None
        for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for counted in (c for c in of.children if c.dep_ in {"pobj", "pcomp"}):  # "of injured" read as a verb
                attrs = _casualty_attributes(counted)
                if attrs is not None and len(attrs) == 1:
                    return attrs[0]  # "the number of injured", "of dead"
                if not self._is_people(counted):
                    continue
                # "the number of people killed": the participle hangs off either noun
                for participle in (*counted.children, *noun.children):
                    if participle.dep_ in {"acl", "amod", "relcl"}:
                        role = self._casualty_role(participle)
                        if role is not None:
                            return role
        return None

    def _impact_noun(self, noun: Token) -> bool:
        return self._has_role(noun, "impacts")

    def _has_role(self, word: Token, role: str) -> bool:
        """Whether a word is one of the lexicon's words for `role` ("impacts", "bare_impacts")."""
        forms = syntax.word_forms(word)
        return any(" ".join(w) in forms for w in self.lx.role_words.get(role, ()))

    def _is_people(self, noun: Token) -> bool:
        """A noun for people: the lexicon's, or a plural agent noun it does not list ("mourners",
        "herdsmen", "pilgrims" are not, "commoners" is): only counted when a casualty word
        governs it, and no weapon word reaches here, so "12 transformers" is never a toll. So are
        people named by nation or faith in the plural ("three Palestinians", "9 Christians")."""
        if noun.lower_ in self.lx.people_nouns or noun.lemma_.lower() in self.lx.people_nouns:
            return True
        if noun.ent_type_ == "NORP" and noun.tag_ in {"NNPS", "NNS"}:
            return True
        return noun.tag_ == "NNS" and len(noun.text) >= 6 and noun.lower_.endswith(_AGENT_SUFFIXES)

    def _weapon_findings(
        self, ws: Workspace, count: Count, noun: Token, weapon: WeaponHit, elliptic: bool
    ) -> list[Finding]:
        role, predicate = self._weapon_role(noun)
        if role is None or predicate is None:
            return []
        if count.zero and role == A.LAUNCHED:
            return []  # "no drones were launched" is not an event to count
        if _hypothetical(predicate, self.lx):
            return []
        if any(c.dep_ == "neg" for c in predicate.children):
            # "the 2 ballistic missiles were not intercepted": none of them was
            if role != A.INTERCEPTED or _corrected(ws, predicate):
                return []
            return [self._none_intercepted(count.start, noun, predicate, weapon)]
        start = min(count.start, noun.i, predicate.i)
        end = max(count.end, noun.i + 1, predicate.i + 1, _particle_end(predicate))
        note = None
        if elliptic:
            note = f"counts the weapons named just before ({weapon.name})"
        if count.another:
            note = "one more, beyond those already counted"
        if count.whole is not None:
            note = f"{count.quantity.min} of the {count.whole}"
        found = [
            Finding(
                attribute=role,
                value=count.quantity,
                start=start,
                end=end,
                event_token=predicate.i,
                note=note,
                weapon=weapon.code,
            )
        ]
        if count.whole is not None:
            if role != A.LAUNCHED:  # "all 54 but two were shot down": 54 were launched
                whole = model.Quantity(min=count.whole, max=count.whole)
                found.append(
                    Finding(
                        attribute=A.LAUNCHED,
                        value=whole,
                        start=start,
                        end=end,
                        event_token=predicate.i,
                        weapon=weapon.code,
                        note="the whole the part was taken from",
                    )
                )
        elif role == A.INTERCEPTED and _all_of(ws.doc, count, noun):
            found.append(_none_hit(found[0]))
            if not count.zero:
                # "all four missiles were shot down": the whole attack, so four were launched
                found.append(
                    Finding(
                        attribute=A.LAUNCHED,
                        value=count.quantity,
                        start=start,
                        end=end,
                        event_token=predicate.i,
                        weapon=weapon.code,
                        note="all of them were intercepted",
                    )
                )
        return found

    def _none_intercepted(self, start: int, noun: Token, predicate: Token, weapon: WeaponHit) -> Finding:
        return Finding(
            attribute=A.INTERCEPTED,
            value=model.Quantity(min=0, max=0),
            start=min(start, noun.left_edge.i, predicate.i),
            end=max(noun.i + 1, predicate.i + 1, _particle_end(predicate)),
            event_token=predicate.i,
            weapon=weapon.code,
            note="not intercepted",
        )

    def _weapon_role(self, noun: Token) -> tuple[model.Attribute | None, Token | None]:
        """Which attribute a weapon count belongs to, from the verb that governs it."""
        participle = next((c for c in noun.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"), None)
        # The whole of a partitive ("38 of the 40 drones launched") is the launched set,
        # whatever happened to the part.
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _number_above(noun.head):
            if participle is not None:
                role = self._verb_role(participle, passive=participle.tag_ == "VBN", subject=False)
                if role is not None:
                    return role, participle
            return A.LAUNCHED, noun
        role, verb = self._governing_role(noun)
        if role is not None:
            return role, verb
        root = noun.sent.root
        heads_root = root.i == noun.i or (noun.head.i == root.i and noun.dep_ == "compound")
        verbless = root.pos_ in {"NOUN", "PROPN"} and heads_root
        if verbless:
            # "– 54 attack UAVs of type Shahed from the direction of Kursk": an item of a list
            # of the means an attack used, with no verb of its own
            return A.LAUNCHED, noun
        if participle is not None:
            # "40 drones launched overnight", "drones that hit the port"
            role = self._verb_role(participle, passive=participle.tag_ == "VBN", subject=participle.dep_ == "relcl")
            if role is not None:
                return role, participle
        return None, None

    def _governing_role(self, noun: Token) -> tuple[model.Attribute | None, Token | None]:
        current = noun
        for _ in range(4):
            dep = current.dep_
            head = current.head
            if dep in {"nsubj", "nsubjpass", "dobj", "obj", "attr"}:
                passive = dep == "nsubjpass" or any(c.dep_ == "auxpass" for c in head.children)
                participle = syntax.copula_participle(head) if dep == "nsubj" else None
                if participle is not None:
                    # "the devices were jammed" parsed as copula + adjective: still a passive.
                    return self._verb_role(participle, passive=True, subject=False), participle
                return self._verb_role(head, passive=passive, subject=dep == "nsubj"), head
            if dep == "pobj":
                prep = head
                verb = _verb_of_instrument(prep) if prep.lower_ in {"with", "using"} else prep.head
                used = prep.lower_ in {"with", "using"} and verb.pos_ == "VERB"
                if used and self._verb_role(verb, passive=False, subject=True) is not None:
                    # "attacked with 40 drones", "struck the town with three bombs": the weapons
                    # the attack used, whether or not each one hit.
                    return A.LAUNCHED, verb
                if prep.lower_ == "by" and verb.pos_ == "VERB":
                    # "hit by two missiles": the weapon is the agent of the verb.
                    return self._verb_role(verb, passive=False, subject=True), verb
                if prep.lower_ == "of":
                    if self._remnant(verb):
                        return None, None  # "fragments of one missile fell": pieces, not the weapon
                    # partitive "38 of the 40 drones", "35 out of 41": climb to the "38"
                    current = verb.head if verb.lower_ == "out" and verb.dep_ == "prep" else verb
                    continue
                return None, None
            if dep in {"conj", "appos", "nummod", "compound"}:
                current = head
                continue
            return None, None
        return None, None

    def _remnant(self, noun: Token) -> bool:
        """Pieces of a weapon ("debris", "fragments"): what they do is not what the weapon did."""
        forms = syntax.word_forms(noun)
        return noun.pos_ == "NOUN" and any(" ".join(w) in forms for w in self.lx.role_words["remnants"])

    def _verb_role(self, verb: Token, *, passive: bool, subject: bool) -> model.Attribute | None:
        forms = syntax.word_forms(verb)
        prt = syntax.particle(verb)
        phrase_forms = {f"{f} {prt}" for f in forms} if prt else set()
        # light verb and object: "took part", "made an attack"
        phrase_forms |= {f"{f} {c.lower_}" for f in forms for c in verb.children if c.dep_ in {"dobj", "obj"}}
        roles = self.lx.role_words

        def has(role: str) -> bool:
            return any(" ".join(w) in forms | phrase_forms for w in roles[role])

        if has("intercepted") and (passive or not subject):
            return A.INTERCEPTED
        if has("hit") and subject and not passive:
            return A.HIT
        if has("launched"):
            return A.LAUNCHED
        if has("hit"):
            return A.HIT
        return None

    def _people_findings(self, ws: Workspace, count: Count, noun: Token) -> list[Finding]:
        lemma = noun.lemma_.lower()
        if lemma in _CASUALTY_NOUNS or noun.lower_ in _CASUALTY_NOUNS:
            more = any(  # "six more bodies", not "more than 30 bodies"
                t.lower_ in _MORE and noun.doc[t.i + 1].lower_ != "than" for t in noun.doc[count.start : noun.i]
            )
            if lemma in {"body", "corpse"} and (more or not _the_dead(noun)):
                return []
            attrs = _casualty_attributes(noun) or ()
            zero = count.zero or _under_without(noun) or _negated_predicate(noun)
            if not zero and len(attrs) > 1:
                return []  # "12 casualties" does not say how many died
            value = model.Quantity(min=0, max=0) if zero else count.quantity
            start, end = min(count.start, noun.i), max(count.end, noun.i + 1)
            return [Finding(attribute=a, value=value, start=start, end=end) for a in attrs]
        if lemma == "loss" and count.zero and _losses_of_people(noun):
            # "suffered no losses", "no loss, human or material": military usage for no deaths
            start, end = min(count.start, noun.i), max(count.end, noun.i + 1)
            return [Finding(attribute=A.KILLED, value=model.Quantity(min=0, max=0), start=start, end=end)]
        if lemma == "life" and _lives_lost(noun) and not count.zero:
            # "the blast cost nine lives": the evidence runs from the verb or the number to the noun
            start, end = min(count.start, noun.head.i), max(count.end, noun.i + 1, noun.head.i + 1)
            return [Finding(attribute=A.KILLED, value=count.quantity, start=start, end=end)]
        if not self._is_people(noun) or _listed_in_group(noun):
            return []  # "killing 8 civilians, among them two women and a child": part of the 8
        return self._people_predicate(noun, count)

    def _people_predicate(self, noun: Token, count: Count) -> list[Finding]:
        """ "three people were killed", "killing two", "no one was hurt", "two dead"."""
        predicate: Token | None = None
        for child in noun.children:
            if child.dep_ in {"amod", "acl"} and self._casualty_role(child) is not None:
                predicate = child
        owner = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        if predicate is None and owner is not None and owner.pos_ == "NOUN" and self._casualty_role(owner) is not None:
            predicate = owner  # "the deaths of two civilians", "the martyrdom of two"
        if (
            predicate is None
            and owner is not None
            and owner.lemma_.lower() in {"body", "corpse"}
            and _the_dead(owner)
            and noun.doc[count.head].like_num
        ):
            predicate = owner  # "the bodies of 14 people" (one body found adds to a toll told elsewhere)
        if predicate is None and noun.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}:
            predicate = noun.head
            # "left two people injured": the state word hangs off the verb (unless the verb
            # is the casualty word itself and the child another clause)
            for child in predicate.children if self._casualty_role(predicate) is None else ():
                if child.dep_ in {"oprd", "xcomp", "acomp", "ccomp"} and self._casualty_role(child) is not None:
                    predicate = child
            if predicate.lemma_ == "be":
                for child in predicate.children:
                    if child.dep_ in {"acomp", "attr"} and self._casualty_role(child) is not None:
                        predicate = child
        if predicate is not None and self._casualty_role(predicate) is None:
            predicate = self._verb_after_apposition(noun) or predicate
        if predicate is None:
            return []
        role = A.KILLED if predicate.lemma_.lower() in {"body", "corpse"} else self._casualty_role(predicate)
        if role is None:
            return []
        negated = any(c.dep_ == "neg" for c in predicate.children) or any(
            c.dep_ == "neg" for c in predicate.head.children
        )
        serious = any(c.lower_ in {"seriously", "severely", "critically", "badly"} for c in predicate.children)
        zero = count.zero or negated
        start = min(count.start, noun.i, predicate.i)
        end = max(count.end, noun.i + 1, predicate.i + 1)
        if zero and serious:
            # "no one was seriously hurt": nobody died; lighter injuries are not ruled out.
            return [
                Finding(
                    attribute=A.KILLED,
                    value=model.Quantity(min=0, max=0),
                    start=start,
                    end=end,
                    note="no serious injuries reported, so no deaths",
                )
            ]
        if _hypothetical(predicate, self.lx) or _whole_war_toll(predicate) or predicate.i in self._records:
            return []
        if self._says_unharmed(predicate, zero=zero, negated=negated):
            # "no one was hurt", "all 21 crew members were safe": neither deaths nor injuries.
            none = model.Quantity(min=0, max=0)
            return [Finding(attribute=a, value=none, start=start, end=end) for a in (A.KILLED, A.INJURED)]
        value = count.quantity
        if not zero and (listed := self._listed_people(noun, count.quantity)) is not None:
            value, end = listed[0], max(end, listed[1])
        value = model.Quantity(min=0, max=0) if zero else value
        return [Finding(attribute=role, value=value, start=start, end=end, revised=_says_now(predicate))]

    def _verb_after_apposition(self, noun: Token) -> Token | None:
        """ "Saying nine civilians, most of them women and children, had been killed": the
        apposition breaks the parse, which leaves the casualty verb without its subject. The
        verb is the first after the comma-closed apposition, with an auxiliary and no subject."""
        doc = noun.doc
        close = next((t for t in doc[noun.i + 2 : noun.sent.end] if t.text == ","), None)
        if close is None or doc[noun.i + 1].text != ",":
            return None
        verb = next((t for t in doc[close.i + 1 : noun.sent.end] if t.pos_ == "VERB"), None)
        if verb is None or self._casualty_role(verb) is None:
            return None
        helpers = list(doc[close.i + 1 : verb.i])
        if not helpers or any(t.dep_ not in {"aux", "auxpass", "neg", "advmod"} for t in helpers):
            return None
        # a subject inside the apposition ("most of them") is the parse's misreading of it
        return None if any(c.dep_ in syntax.SUBJECTS and c.i > close.i for c in verb.children) else verb

    def _listed_people(self, noun: Token, first: model.Quantity) -> tuple[model.Quantity, int] | None:
        """ "two police officers and a civilian", "four children and their teacher": the people
        listed after the counted noun, each counted, add up (3, 5), with the end of the list.
        None when nothing is listed, or a listed group has no number ("two soldiers and
        civilians"), or a listed noun is not people."""
        listed = [c for c in noun.conjuncts if c.i > noun.i]
        if not listed or noun.pos_ != "NOUN" or not self._is_people(noun):
            return None
        total = first.min
        for person in listed:
            if person.pos_ != "NOUN" or not self._is_people(person):
                return None
            number = next((c for c in person.children if c.dep_ == "nummod"), None)
            run = self._number_run(person.doc, number.left_edge.i) if number is not None else None
            if run is not None:
                total += run[0]
            elif person.tag_ == "NN" and any(c.dep_ in {"det", "poss"} for c in person.children):
                total += 1  # "a civilian", "their teacher"
            else:
                return None
        upper = None if first.max is None else first.max - first.min + total
        return model.Quantity(min=total, max=upper), max(c.right_edge.i for c in listed) + 1

    def _says_unharmed(self, predicate: Token, *, zero: bool, negated: bool) -> bool:
        """Harm in general denied ("nobody was hurt") or a state of no harm ("were safe")."""
        forms = syntax.word_forms(predicate)
        roles = self.lx.role_words
        if any(" ".join(w) in forms for w in roles.get("unharmed", ())):
            return not negated
        return zero and any(" ".join(w) in forms for w in roles.get("harmed", ()))

    def _casualty_role(self, token: Token) -> model.Attribute | None:
        forms = syntax.word_forms(token)
        if self._treated(token, forms):
            return A.INJURED
        if any(" ".join(w) in forms for w in (*self.lx.role_words.get("unharmed", ()), *self.lx.role_words["harmed"])):
            return A.INJURED  # "no one injured, no one killed" when `_says_unharmed`
        if forms & {"take", "rush", "bring", "admit", "send", "evacuate", "deliver"} and any(
            p.lemma_.lower() == "hospital" for c in token.children if c.dep_ == "prep" for p in c.children
        ):
            return A.INJURED  # "was taken to hospital with burns"
        roles = self.lx.role_words
        if any(" ".join(w) in forms for w in roles["killed"]):
            return A.KILLED
        if "bury" in forms and token.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in token.children):
            return A.KILLED  # "we buried 23 people" (but people "buried under rubble" may be alive)
        if _lives_lost(token):
            return A.KILLED
        if any(" ".join(w) in forms for w in roles["injured"]):
            return A.INJURED
        return None

    def _treated(self, token: Token, forms: set[str]) -> bool:
        """Wounds received and care sought say someone was injured: "two people received cuts",
        "25 people sought medical help", "three were treated at the scene", "cut by glass"."""
        roles = self.lx.role_words
        if forms & {"treat"} and (token.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in token.children)):
            return True
        if forms & {"cut"} and token.pos_ == "VERB":
            # passive only: "cut by glass", not "workers cut the fence"
            by = any(c.dep_ in {"agent", "prep"} and c.lower_ == "by" for c in token.children)
            return by or (token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children))
        if not forms & {"receive", "suffer", "sustain", "get", "seek", "need", "require", "request"}:
            return False
        wounds = {" ".join(w) for w in roles.get("wounds", ())}
        care = {" ".join(w) for w in roles.get("care", ())}
        for obj in (c for c in token.children if c.dep_ in {"dobj", "obj"}):
            modifiers = [m.lower_ for m in obj.children if m.dep_ in {"amod", "compound"} and m.i < obj.i]
            phrase = " ".join((*modifiers, obj.lemma_.lower()))
            if obj.lemma_.lower() in wounds or phrase in care or obj.lemma_.lower() in care:
                return True
            if any(phrase.endswith(c) for c in care | wounds if " " in c):
                return True
        return False

    def _uncounted_casualties(self, ws: Workspace, taken: set[tuple[int, model.Attribute]]) -> list[Finding]:
        """ "without causing casualties", "did not cause casualties": zero with no number word."""
        findings = []
        for token in ws.doc:
            attrs = _casualty_attributes(token)
            if not attrs or token.pos_ not in {"NOUN", "ADJ"}:
                continue
            if any(c.dep_ in {"nummod", "det"} for c in token.children):
                continue  # counted ones ("no victims", "three deaths") are handled as counts
            if not (_under_without(token) or _negated_predicate(token)):
                continue
            for attr in attrs:
                if (token.i, attr) not in taken:
                    findings.append(
                        Finding(
                            attribute=attr,
                            value=model.Quantity(min=0, max=0),
                            start=_phrase_start(token),
                            end=token.i + 1,
                        )
                    )
        return findings

    def _single_people(self, ws: Workspace, taken: set[int]) -> list[Finding]:
        """ "A 67-year-old man died", "a worker was taken to hospital": one person."""
        findings = []
        for token in ws.doc:
            if token.pos_ != "NOUN" or token.i in taken:
                continue
            if token.lower_ not in self.lx.people_nouns and token.lemma_.lower() not in self.lx.people_nouns:
                continue
            article = next((c for c in token.children if c.dep_ == "det" and c.lower_ in {"a", "an"}), None)
            if article is None and token.tag_ == "NN" and token.lemma_.lower() not in _COLLECTIVE_PEOPLE:
                # "killing its rider", "the driver was wounded": one known person
                article = next((c for c in token.children if c.dep_ == "poss" or c.lower_ == "the"), None)
            if article is None:
                findings.extend(self._unharmed_group(token))
                continue
            if token.tag_ != "NN" or _listed_in_group(token):
                continue
            findings.extend(
                self._people_predicate(token, Count(article.i, article.i + 1, token.i, model.Quantity(min=1, max=1)))
            )
        return findings

    def _single_weapon_hits(self, ws: Workspace, taken: set[int]) -> list[Finding]:
        """ "A drone hit a supermarket", "the ship was struck by a missile": at least one hit.
        One weapon singled out is not a total (others may have hit elsewhere), so the count is
        open-ended."""
        findings = []
        for hit in ws.weapons:
            noun = ws.doc[hit.root]
            # "a drone hit", and "the drone hit" told of one named before: either hit
            article = next(
                (c for c in noun.children if c.dep_ == "det" and c.lower_ in {"a", "an", "the", "another"}), None
            )
            if hit.category == "air_defence" or article is None or noun.tag_ not in {"NN", "NNP"}:
                continue
            if article.lower_ == "the" and _counted_before(ws, hit):
                continue  # "one ballistic missile ... the missile struck the ship": that count tells it
            role, predicate = self._weapon_role(noun)
            if role != A.HIT or predicate is None or _hypothetical(predicate, self.lx):
                continue
            if any(c.dep_ == "neg" for c in predicate.children) or _generic_predicate(predicate):
                continue
            start, end = min(article.i, predicate.i), max(hit.end, _particle_end(predicate))
            if start in taken:
                continue
            findings.append(
                Finding(
                    attribute=A.HIT,
                    value=model.Quantity(min=1, max=None),
                    start=start,
                    end=end,
                    event_token=predicate.i,
                    weapon=hit.code,
                    note="one weapon named hitting: at least one hit",
                )
            )
        return findings

    def _uncounted_impacts(self, ws: Workspace, weapon_at: dict[int, WeaponHit], taken: set[int]) -> list[Finding]:
        """ "The mayor reports a hit on a residential building", "hits were recorded on a loading
        berth": impacts named without a number, at least one hit. The impact must land somewhere
        (a place or object after "on", "in", "at") or be reported as such, in a sentence of
        violence; "a direct hit would destroy it" is not told as having happened."""
        findings = []
        for noun in ws.doc:
            nominal = noun.pos_ == "NOUN" or _mistagged_plural(noun)
            if noun.i in taken or not nominal or not self._has_role(noun, "bare_impacts"):
                continue
            if any(c.dep_ in {"nummod", "neg"} or c.lower_ in {"no", "any", "every", "each"} for c in noun.children):
                continue  # counted, or denied, elsewhere
            if noun.tag_ == "NN" and not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children):
                continue  # "the hit on the depot" tells one counted before
            lands = any(c.dep_ == "prep" and c.lower_ in {"on", "in", "at", "near"} for c in noun.children)
            reported = noun.dep_ == "nsubjpass" or (noun.dep_ in {"dobj", "obj"} and noun.head.pos_ == "VERB")
            if not (lands or reported) or not _violent_context(ws, noun, weapon_at):
                continue
            if noun.head.pos_ == "VERB" and _hypothetical(noun.head, self.lx):
                continue
            start = min([noun.i] + [c.i for c in noun.children if c.dep_ in {"det", "amod"}])
            findings.append(
                Finding(
                    attribute=A.HIT,
                    value=model.Quantity(min=1, max=None),
                    start=start,
                    end=noun.i + 1,
                    note="an impact named without a number: at least one hit",
                )
            )
        return findings

    def _unharmed_group(self, noun: Token) -> list[Finding]:
        """ "The crew were reported safe": a whole group unharmed, with no number given."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "all"} for c in noun.children):
            return []
        if any(c.dep_ == "nummod" for c in noun.children):
            return []  # "all 21 crew members were safe" is a count, read as one
        found = self._people_predicate(noun, Count(noun.i, noun.i + 1, noun.i, model.Quantity(min=1, max=None)))
        return found if all(f.value == model.Quantity(min=0, max=0) for f in found) else []

    # -- "the devices were put out of action": a count the frame already gave

    def _anaphoric(self, ws: Workspace, weapon_at: dict[int, WeaponHit], taken: set[int]) -> list[Finding]:
        findings = []
        for hit in ws.weapons:
            if hit.category == "air_defence":
                continue
            noun = ws.doc[hit.root]
            pointing = any(
                c.dep_ in {"det", "predet"} and c.lower_ in syntax.POINTING_BACK
                for c in noun.children
            )
            owned = any(c.dep_ == "poss" and c.lower_ in {"its", "their", "our"} for c in noun.children)
            if noun.tag_ not in {"NNS", "NNPS"} or not (pointing or owned):
                continue
            if any(c.dep_ == "nummod" for c in noun.children) or _zero_partitive(noun):
                continue  # "None of the missiles reached": the count of the part says it
            role, predicate = self._weapon_role(noun)
            if role is None or predicate is None or _hypothetical(predicate, self.lx):
                continue
            if owned and not pointing and role != A.HIT:
                continue
            start = min(hit.start, predicate.i)
            if any(c.dep_ == "neg" for c in predicate.children):
                if role == A.INTERCEPTED and start not in taken and not _corrected(ws, predicate):
                    findings.append(self._none_intercepted(start, noun, predicate, hit))
                continue
            for c in noun.children:
                if c.dep_ in {"det", "predet"}:
                    start = min(start, c.i)
            if start in taken:
                continue
            end = max(hit.end, predicate.i + 1, _particle_end(predicate))
            # "its sea drones hit a berth", "the missiles precisely hit their targets" with no
            # count of them before: weapons (not the aircraft carrying them) hitting, at least
            # one hit; not a part of them ("most of the rockets fell in open areas")
            some_hit = (
                role == A.HIT
                and hit.category != "aircraft"
                and not (noun.dep_ == "pobj" and noun.head.lower_ == "of")
                and (owned or not _counted_before(ws, hit))
            )
            finding = Finding(
                attribute=role,
                value=model.Quantity(min=1, max=None),
                start=start,
                end=end,
                event_token=predicate.i,
                weapon=hit.code,
                anaphoric=not some_hit,
                note="weapons named hitting: at least one hit" if some_hit else None,
            )
            findings.append(finding)
            if role == A.INTERCEPTED and any(c.lower_ in {"all", "both"} for c in noun.children):
                findings.append(_none_hit(finding))
        return findings


@dataclass(frozen=True)
class Toll:
    """What a toll counts, the noun that names it and the verb that gives its value."""

    attribute: model.Attribute
    noun: Token
    verb: Token


def toll_finding(toll: Toll, count: Count) -> Finding:
    start = min(count.start, toll.noun.left_edge.i, toll.verb.i)
    # "rose to", "reached", "brings the number of people killed to": the verb, or the one
    # governing the participle, says the toll moved.
    verbs = (toll.verb, *syntax.ancestors_within(toll.verb, 2))
    changed = any(v.lemma_.lower() in _CHANGE_VERBS | {"reach", "bring"} for v in verbs) or _says_now(toll.verb)
    return Finding(attribute=toll.attribute, value=count.quantity, start=start, end=count.end, revised=changed)


#: Pronouns that make a count a part of a group named before ("eleven of them", "one of whom").
_GROUP_PRONOUNS = frozenset({"them", "whom", "those", "these", "which"})


def _listed_in_group(token: Token) -> bool:
    """ "six injured, among them a woman", "including a child": one of a group already counted."""
    sentence_start = token.sent.start
    start = token.left_edge.i  # "among them a 12-year-old boy": from the start of the phrase
    # up to the noun: the parse may hang "among them" on the listed noun itself
    before = token.doc[max(sentence_start, start - 4) : max(start, token.i)]
    return any(t.lower_ in {"among", "including", "incl."} for t in before)


def _generic_people(prep: Token) -> bool:
    """ "nobody from people suffered": a preposition over people in general restricts nothing."""
    return any(p.lemma_.lower() in {"people", "person"} and not list(p.children) for p in prep.children)


def _restates_group(doc: Doc, count: Count, finding: Finding, earlier: list[Finding]) -> bool:
    """ "14 people were injured; eleven of them were admitted to hospital": a part of a group
    already counted for the same attribute is not a new count (it would read as a second,
    contradicting toll). A different attribute is news: "two of them later died" counts deaths.
    """
    head = doc[count.head]
    pronoun = any(
        c.dep_ == "prep" and c.lower_ in {"of", "among"} and any(p.lower_ in _GROUP_PRONOUNS for p in c.children)
        for c in head.children
    )
    # "the other two were treated at the scene": the rest of a group, not a new count
    pronoun = pronoun or any(c.lower_ == "other" and c.dep_ == "amod" for c in head.children)
    if not pronoun or finding.weapon is not None:
        return False
    window = doc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
    return any(f.attribute == finding.attribute and window <= f.start < count.start for f in earlier)


def _says_now(token: Token) -> bool:
    """ "are now known to have been killed", "now stands at": the count as it has become."""
    nearby = (token, *syntax.ancestors_within(token, 2))
    return any(c.dep_ == "advmod" and c.lower_ in {"now", "since"} for t in nearby for c in t.children)


def _all_of(doc: Doc, count: Count, noun: Token) -> bool:
    """ "all 12 drones", "all of the 40 drones", "both drones": the whole set."""
    before = doc[count.start - 1] if count.start > 0 else None
    if before is not None and before.lower_ in {"all", "both"}:
        return True
    return any(c.lower_ in {"all", "both"} for c in noun.children) or doc[count.head].lower_ == "both"


def _none_hit(intercepted: Finding) -> Finding:
    """ "All 12 drones were jammed" says, in the same words, that none hit."""
    return Finding(
        attribute=A.HIT,
        value=model.Quantity(min=0, max=0),
        start=intercepted.start,
        end=intercepted.end,
        event_token=intercepted.event_token,
        weapon=intercepted.weapon,
        note="all were intercepted, so none hit",
        anaphoric=intercepted.anaphoric,
    )


def _day_of_month(doc: Doc, i: int) -> bool:
    """Whether the number at `i` is a date's day ("the 15 November strike", "the November 14
    drone attack"), not a count of strikes."""
    before = doc[i - 1].text if i > 0 else ""
    after = doc[i + 1].text if i + 1 < len(doc) else ""
    return doc[i].like_num and (syntax.is_month_name(before) or syntax.is_month_name(after))


def _counted_noun(token: Token) -> Token | None:
    if token.dep_ in {"nummod", "quantmod", "det", "amod"} and (
        token.head.pos_ in {"NOUN", "PROPN", "PRON"}
        or token.head.lower_ in _CASUALTY_NOUNS  # "seven dead"
        or _mistagged_plural(token.head)
    ):
        return token.head
    if token.dep_ == "compound" and token.head.pos_ in {"NOUN", "PROPN"}:
        return token.head
    for child in token.children:
        of = _of_preposition(child)
        if of is not None:
            for pobj in of.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if token.pos_ in {"NOUN", "PROPN"}:
        return token
    # "a few" / "a dozen": the quantifier word itself may head the counted noun
    if token.head.pos_ in {"NOUN", "PROPN"} and token.head.i > token.i:
        return token.head
    return token if token.dep_ in syntax.SUBJECTS | syntax.OBJECTS else None


def _mistagged_plural(token: Token) -> bool:
    """ "Three hits on the substation were recorded": a plural noun the tagger read as a verb in
    the third person ("hits", "strikes"), though it is the subject or object of another verb."""
    return token.tag_ == "VBZ" and token.dep_ in syntax.SUBJECTS | syntax.OBJECTS | {"pobj"}


def _corrected(ws: Workspace, negated: Token) -> bool:
    """ "they were not shot down, they were jammed": a denied way of intercepting, corrected by
    another in the same sentence, is not a denial that they were intercepted."""
    sentence = negated.sent
    return any(
        e.event_class == "intercept" and e.token != negated.i and sentence.start <= e.token < sentence.end
        for e in ws.events
    )


def _violent_context(ws: Workspace, token: Token, weapon_at: dict[int, WeaponHit]) -> bool:
    """A weapon or a violent event in this sentence or the two before: "hits" are impacts there,
    not songs."""
    doc = token.doc
    start = token.sent.start
    for _ in range(2):
        start = doc[start - 1].sent.start if start > 0 else start
    end = token.sent.end
    if any(start <= i < end for i in weapon_at):
        return True
    return any(e.family == "violence" and start <= e.token < end for e in ws.events)


def _last_weapon_count(doc: Doc, i: int, named: str | None = None) -> int | None:
    """The nearest number before `i` that counts a plural noun ("54 drones"): in its sentence,
    or in the sentence before when the phrase names what it counts (`named`, a lemma) and that
    sentence counts the same thing."""
    sentence = doc[i].sent
    start = sentence.start
    if named is not None and start > 0:
        start = doc[start - 1].sent.start
    for k in range(i - 1, start - 1, -1):
        token = doc[k]
        if token.dep_ == "nummod" and token.head.tag_ in {"NNS", "NNPS"} and token.like_num:
            if k < sentence.start and token.head.lemma_.lower() != named:
                continue
            text = token.text.replace(",", "")
            return int(text) if text.isdigit() else None
    return None


def _singled_out(doc: Doc, count: Count, whole: Token | None) -> bool:
    """ "One of them hit a petrol station", "two of the drones struck the depot": a part picked
    out of weapons whose number is not given, so what the rest did is untold and the part is
    not the total of the hits. A numbered whole ("two of the three drones", "38 of the 40")
    or all of it ("both of them") is a total."""
    head = doc[count.head]
    if count.zero or count.whole is not None or head.lower_ in {"all", "both", "each"}:
        return False
    if not any(c.dep_ == "prep" and _of_preposition(c) is not None for c in head.children):
        return False
    if any(t.lower_ in _THE_REST for t in head.sent):
        return False  # "two of them hit a warehouse and the rest were shot down": all told
    return whole is None or not any(c.dep_ == "nummod" for c in whole.children)


def _at_least(finding: Finding) -> Finding:
    if not isinstance(finding.value, model.Quantity):
        return finding
    return replace(finding, value=finding.value.model_copy(update={"max": None}))


def _zero_partitive(noun: Token) -> bool:
    """The whole of "none of the drones", "neither of the missiles"."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in {"none", "neither"}


def _number_above(of: Token) -> bool:
    above = of.head.head if of.head.lower_ == "out" and of.head.dep_ == "prep" else of.head
    return bool(above.like_num)


def _of_preposition(prep: Token) -> Token | None:
    """The "of" of a partitive: "38 of the 40", "35 out of 41"."""
    if prep.dep_ != "prep":
        return None
    if prep.lower_ == "of":
        return prep
    if prep.lower_ == "out":
        return next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return None


def _part_of(noun: Token, part: Token) -> bool:
    """Whether `noun` is the whole of the partitive headed by the number `part`."""
    if noun.i == part.i or noun.head.lower_ != "of":
        return False
    above = noun.head.head
    if above.lower_ == "out" and above.head.i == part.i:
        return True
    return above.i == part.i


def _compound_modifier(doc: Doc, i: int) -> bool:
    """ "one-way drones", "a two-storey house": a number inside a hyphenated modifier."""
    if i + 2 >= len(doc) or doc[i].whitespace_ or doc[i + 1].text != "-" or doc[i + 1].whitespace_:
        return False
    return not doc[i + 2].like_num and doc[i + 2].lower_ not in {"one", "two", "three", "four", "five", "six",
                                                                   "seven", "eight", "nine"}


def _coordinated(noun: Token) -> bool:
    """ "four drones and one missile": a count in a list of counts is exact."""
    return noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children)


def _phrase_start(token: Token) -> int:
    """Start of "without causing casualties" for a casualty noun under "without"."""
    for ancestor in syntax.ancestors_within(token, 4):
        if ancestor.lower_ == "without":
            return ancestor.i
    return token.i


def _counts_something(token: Token) -> bool:
    return token.dep_ in {"det", "amod", "nummod"} and token.head.pos_ == "NOUN"


def _weapon_compound(noun: Token, weapon_at: dict[int, WeaponHit]) -> WeaponHit | None:
    """The weapon in an attack noun's compound ("drone strikes", "missile attacks")."""
    if noun.lemma_.lower() not in {"strike", "attack", "raid", "airstrike"}:
        return None
    for child in noun.children:
        if child.dep_ == "compound" and child.i in weapon_at:
            return weapon_at[child.i]
    return None


def _recent_weapon(token: Token, weapon_at: dict[int, WeaponHit]) -> WeaponHit | None:
    """The weapon named closest before a bare number, within this and the two previous sentences."""
    doc = token.doc
    start = token.sent.start
    for _ in range(2):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    best = None
    for i in range(token.i - 1, start - 1, -1):
        if i in weapon_at and weapon_at[i].category != "air_defence":
            best = weapon_at[i]
            break
    return best


def _particle_end(verb: Token) -> int:
    ends = [c.i + 1 for c in verb.children if c.dep_ == "prt"]
    return max(ends, default=verb.i + 1)


def _hypothetical(verb: Token, lx: Lexicon) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in lx.modal_auxiliaries for c in verb.children):
        return True
    return any(syntax.word_forms(a) & lx.hypothetical_governors for a in syntax.ancestors_within(verb, 2))


_WHOLE_WARS = frozenset({"war", "conflict", "insurgency", "invasion", "uprising", "rebellion", "violence", "crisis"})


_MORE = frozenset({"more", "additional", "further", "other"})
_TAKING_LIVES = frozenset({"lose", "claim", "take", "cost"})
_BATTLE = frozenset({"battle", "combat", "action", "fighting"})


def _field_of_honour(noun: Token) -> bool:
    """ "fell on the field of honour" (or "of battle"), not "fell in the field"."""
    if noun.lemma_.lower() != "field":
        return False
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return of is not None and any(p.lower_ in {"honour", "honor", "battle"} for p in of.children)


#: What "losses" may be of, besides people: "no material losses", "no loss of power".
_PEOPLE_LOSSES = frozenset({"human", "personnel", "life", "lives", "men", "troops", "soldier", "soldiers"})


def _losses_of_people(noun: Token) -> bool:
    """ "no losses" in a military statement means no one killed; "no material losses", "no
    loss of power" are about other things. A qualifier is read as the noun's own modifiers and
    "of" objects ("no loss, human or material" names people among the kinds)."""
    qualifiers = [c for c in noun.children if c.dep_ in {"amod", "compound", "appos"}]
    qualifiers += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    if not qualifiers:
        return True
    words = {t.lower_ for q in qualifiers for t in q.subtree}
    return bool(words & _PEOPLE_LOSSES)


def _lives_lost(token: Token) -> bool:
    """Deaths told as lives taken or given: "seven people lost their lives", "claimed the
    lives of 7 people", "cost nine lives", "eight soldiers fell in battle" (or "on the field
    of honour")."""
    lemma = token.lemma_.lower()
    if lemma == "life":
        return token.head.lemma_.lower() in _TAKING_LIVES and token.dep_ in {"dobj", "nsubjpass"}
    if token.pos_ != "VERB":
        return False
    if lemma in _TAKING_LIVES:
        return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() == "life" for c in token.children)
    if lemma == "fall":
        places = (p for c in token.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj")
        return any(p.lemma_.lower() in _BATTLE or _field_of_honour(p) for p in places)
    return False


def _the_dead(bodies: Token) -> bool:
    """ "34 bodies", "the charred bodies of 14 people" are the dead; "two UN bodies",
    "governing bodies" are organisations, and "six more bodies" add to a toll told elsewhere."""
    return not any(
        c.dep_ == "compound" or (c.dep_ == "amod" and c.lower_ in _NOT_THE_DEAD) or c.lower_ in _MORE
        for c in bodies.children
    )


def _whole_war_toll(verb: Token) -> bool:
    """ "the war has killed tens of thousands", "thousands have been killed in the conflict":
    a background toll of the whole war, told in the perfect, not the incident's count."""
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    named = [c for c in verb.children if c.dep_ in {"nsubj", "agent"}]
    named += [p for c in verb.children if c.dep_ in {"prep", "agent"} for p in c.children if p.dep_ == "pobj"]
    if verb.dep_ == "relcl":
        named.append(verb.head)  # "the war, which has killed ..."
    return any(t.lemma_.lower() in _WHOLE_WARS for t in named)


def _generic_predicate(verb: Token) -> bool:
    """ "When a drone is jammed ... it falls": a habit or a condition, not a report. The parse
    may read "is jammed" as a copula and an adjective, with "when" on the copula."""
    clause = verb.head if verb.dep_ == "acomp" else verb
    openers = {c.lower_ for c in (*verb.children, *clause.children) if c.dep_ in {"mark", "advmod"}}
    present = clause.tag_ in {"VBZ", "VBP"} or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"} for c in clause.children
    )
    # "when a drone struck the market" tells an event; "when a drone is jammed" a habit
    return "if" in openers or bool(openers & {"when", "whenever"} and present) or verb.tag_ in {"VBZ", "VBP"}


def _under_without(token: Token) -> bool:
    return any(a.lower_ == "without" for a in syntax.ancestors_within(token, 4))


def _negated_predicate(token: Token) -> bool:
    return token.dep_ in syntax.OBJECTS | syntax.SUBJECTS and any(c.dep_ == "neg" for c in token.head.children)


def _counted_before(ws: Workspace, hit: WeaponHit) -> bool:
    """Whether a weapon of the same kind was counted earlier in the report ("launched one
    anti-ship ballistic missile", "three drones")."""
    return any(
        w.start < hit.start
        and w.category == hit.category
        and any(c.dep_ == "nummod" for c in ws.doc[w.root].children)
        for w in ws.weapons
    )


def _verb_of_instrument(prep: Token) -> Token:
    """The verb a "with" phrase of weapons belongs to. The parser may hang it on the object's
    last noun ("struck an enterprise in the Kholodnohirskyi district with two missiles"); a
    place or target does not hold the weapons, the verb whose object it is used them."""
    current = prep.head
    for _ in range(4):
        if current.pos_ == "VERB" or current.dep_ not in {"pobj", "prep", "dobj", "obj"}:
            return current
        current = current.head
    return current
