"""Origins: copies of one wire story are one voice; everything else keeps its source."""

from __future__ import annotations

from collections.abc import Callable

from corroborator import model
from corroborator.reconcile.contradictions import find_contradictions
from corroborator.reconcile.grades import grade_fact
from corroborator.reconcile.origins import PLAIN, OriginIndex
from corroborator.reconcile.values import group_claims

A = model.Attribute
G = model.GradeLevel
Claim = Callable[..., model.Claim]


def outlet(name: str) -> model.Source:
    return model.Source(key=f"outlet:{name.lower()}", name=name, kind=model.SourceKind.INDEPENDENT_MEDIA)


def own_voice(claim: Claim, report: str, name: str) -> model.Claim:
    made = claim(A.LAUNCHED, 12, report=report, attributed=False)
    return made.model_copy(update={"source": outlet(name)})


#: Report "wire" is the original; "copy1" and "copy2" republished it.
INDEX = OriginIndex(copy_of={"copy1": "wire", "copy2": "wire"}, voice_of={"wire": "outlet:harbour"})


def test_origins_copies_own_voice_is_the_originals(claim: Claim) -> None:
    claims = [
        own_voice(claim, "copy1", "Coast"),
        own_voice(claim, "wire", "Harbour"),
        own_voice(claim, "copy2", "Delta"),
    ]
    assert [s.name for s in INDEX.distinct(claims, frozenset())] == ["Harbour"]
    assert len(PLAIN.distinct(claims, frozenset())) == 3


def test_origins_a_copying_outlet_elsewhere_is_still_its_own_voice(claim: Claim) -> None:
    """Coast republished the wire story once; its own reporting in another report counts."""
    claims = [own_voice(claim, "copy1", "Coast"), own_voice(claim, "elsewhere", "Coast")]
    assert len(INDEX.distinct(claims, frozenset())) == 2


def test_origins_quoted_sources_keep_their_keys(claim: Claim) -> None:
    quoted = [claim(A.LAUNCHED, 12, source="ua_af", report=r) for r in ("wire", "copy1", "copy2")]
    keys = {INDEX.key(c) for c in quoted}
    assert keys == {"ua-air-force"}


def test_origins_footage_in_a_copy_is_not_the_outlets_voice(claim: Claim) -> None:
    footage = model.Source(key="footage:unverified", name="footage", kind=model.SourceKind.SOCIAL_MEDIA)
    made = claim(A.LAUNCHED, 12, report="copy1", attributed=False).model_copy(update={"source": footage})
    assert INDEX.key(made) == "footage:unverified"


def test_origins_three_copies_do_not_corroborate_each_other(claim: Claim) -> None:
    claims = [own_voice(claim, r, n) for r, n in (("wire", "Harbour"), ("copy1", "Coast"), ("copy2", "Delta"))]
    groups = group_claims(claims)
    found = find_contradictions(A.LAUNCHED, groups)
    copies_known = grade_fact(
        A.LAUNCHED, groups[0], found, relays=frozenset(), defender="UA", attacker=None, index=INDEX
    )
    copies_unknown = grade_fact(A.LAUNCHED, groups[0], found, relays=frozenset(), defender="UA", attacker=None)
    assert copies_known.level == G.SINGLE_SOURCE and "Harbour" in copies_known.reason
    assert copies_unknown.level == G.CORROBORATED


def test_origins_copies_of_a_story_that_cites_relay_with_it(claim: Claim) -> None:
    """The wire story attributes the count to the air force: its voice, and so its copies'
    voices, only relay the air force, which stays the one origin."""
    cited = claim(A.LAUNCHED, 12, source="ua_af", report="wire")
    claims = [cited, own_voice(claim, "copy1", "Coast"), own_voice(claim, "copy2", "Delta")]
    relays = frozenset({"outlet:harbour"})
    assert [s.name for s in INDEX.distinct(claims, relays)] == ["Ukrainian Air Force"]
