"""Check an analysis (the JSON the CLI prints) against an answer key like seeds/expected.json.

The key lists reports (declared and inferred publication) and incidents (their reports,
main reports, dates, place, counts, contradicted attributes, grade, who blames whom) and
pairs of incidents that must stay apart. Each expected incident is matched to exactly one
system incident with the same set of reports, the right place and date; then every stated
item is checked. All problems are collected, so a failing test shows the whole picture.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

Json = dict[str, Any]
#: Place ids an expected place name (with its country) may resolve to, nearest first.
Resolver = Callable[[str, str | None], set[str]]


def check(
    analysis: Json,
    expected: Json,
    *,
    exhaustive_contradictions: bool = False,
    resolve: Resolver | None = None,
) -> list[str]:
    """Every problem found. With `exhaustive_contradictions`, an incident's listed
    contradicted attributes must be all of them (the examples' key says so; the seeds' key
    lists a minimum)."""
    problems: list[str] = []
    reports = {r["id"]: r for r in analysis["reports"]}
    for report_id, want in expected.get("reports", {}).items():
        if report_id not in reports:
            problems.append(f"report {report_id}: missing from the output")
            continue
        problems += [f"report {report_id}: {p}" for p in _check_report(reports[report_id], want)]

    matches: dict[str, Json] = {}
    used: set[str] = set()
    for want in expected.get("incidents", []):
        found = _match(analysis["incidents"], want, used, resolve)
        if found is None:
            problems.append(
                f"incident {want['key']} ({want.get('label', '')}): no incident with reports "
                f"{sorted(want['reports'])}, place {want.get('place')} and dates {want.get('date_between')}; "
                f"have: {_summary(analysis['incidents'])}"
            )
            continue
        used.add(found["id"])
        matches[want["key"]] = found
        problems += [
            f"incident {want['key']} ({found['id']}): {p}"
            for p in _check_incident(found, want, exhaustive=exhaustive_contradictions)
        ]

    for a, b in expected.get("distinct", []):
        if a in matches and b in matches and matches[a]["id"] == matches[b]["id"]:
            problems.append(
                f"incidents {a} and {b} must stay apart but are both {matches[a]['id']}"
            )
    return problems


def _check_report(report: Json, want: Json) -> list[str]:
    problems = []
    publication = report["publication"]
    if "declared_published" in want and publication.get("declared") != want["declared_published"]:
        problems.append(
            f"declared publication {publication.get('declared')} != {want['declared_published']}"
        )
    if (
        "date_line_inconsistent" in want
        and publication["date_line_inconsistent"] != want["date_line_inconsistent"]
    ):
        problems.append(
            f"date_line_inconsistent is {publication['date_line_inconsistent']}, expected "
            f"{want['date_line_inconsistent']}"
        )
    if want.get("date_line_inconsistent") and not any(
        a["code"] == "date_line_inconsistent" for a in report["anomalies"]
    ):
        problems.append("no date_line_inconsistent anomaly explaining the flag")
    if "inferred_published_between" in want:
        lo, hi = (date.fromisoformat(d) for d in want["inferred_published_between"])
        early, late = (
            publication.get("inferred_earliest"),
            publication.get("inferred_latest") or publication.get("inferred_earliest"),
        )
        if (
            early is None
            or not publication["year_known"]
            or not (lo <= date.fromisoformat(early) and date.fromisoformat(late) <= hi)
        ):
            problems.append(
                f"inferred publication {early}..{late} (year known: {publication['year_known']}) "
                f"not within {lo}..{hi}"
            )
    if "inferred_year" in want:
        early = publication.get("inferred_earliest")
        if (
            not publication["year_known"]
            or early is None
            or date.fromisoformat(early).year != want["inferred_year"]
        ):
            problems.append(
                f"inferred year of {early} (year known: {publication['year_known']}) != {want['inferred_year']}"
            )
    return problems


def _place_names(incident: Json) -> list[str]:
    place = incident.get("place") or {}
    names = [place.get("name", ""), place.get("admin1") or "", *place.get("parents", [])]
    return [n.lower() for n in names if n]


def _place_ok(incident: Json, want: Json, resolve: Resolver | None) -> bool:
    """The incident's place is the expected one, or lies in it (a landmark in the town)."""
    if not want.get("place"):
        return True
    wanted = want["place"].lower()
    if any(wanted in name or name in wanted for name in _place_names(incident)):
        return True
    place = incident.get("place") or {}
    if resolve is None or not place:
        return False
    return place.get("id") in resolve(want["place"], want.get("country"))


def _dates_ok(incident: Json, want: Json) -> bool:
    if not want.get("date_between"):
        return True
    time = incident.get("time")
    if not time or not time.get("year_known", True):
        return False
    lo, hi = (date.fromisoformat(d) for d in want["date_between"])
    start = date.fromisoformat(time["start"][:10])
    # the end is exclusive: an interval ending at midnight ends the day before
    end_raw = time["end"]
    end = date.fromisoformat(end_raw[:10])
    if end_raw[11:19] in {"00:00:00", ""} and end > start:
        end = date.fromordinal(end.toordinal() - 1)
    return lo <= start and end <= hi


def _match(
    incidents: list[Json], want: Json, used: set[str], resolve: Resolver | None
) -> Json | None:
    candidates = [
        i for i in incidents if i["id"] not in used and set(i["report_ids"]) == set(want["reports"])
    ]
    candidates = [i for i in candidates if _place_ok(i, want, resolve) and _dates_ok(i, want)]
    if not candidates:
        return None
    primary = set(want.get("primary_of", []))
    return max(candidates, key=lambda i: (set(i["primary_of"]) == primary, len(i["claims"])))


def _fact(incident: Json, attribute: str) -> Json | None:
    return next((f for f in incident["facts"] if f["attribute"] == attribute), None)


def _check_incident(incident: Json, want: Json, *, exhaustive: bool) -> list[str]:
    problems = []
    if "primary_of" in want and set(incident["primary_of"]) != set(want["primary_of"]):
        problems.append(
            f"main incident of {sorted(incident['primary_of'])}, expected {sorted(want['primary_of'])}"
        )
    if "country" in want and (incident.get("place") or {}).get("country_code") != want["country"]:
        problems.append(
            f"country {(incident.get('place') or {}).get('country_code')} != {want['country']}"
        )
    for attribute, value in want.get("facts", {}).items():
        fact = _fact(incident, attribute)
        got = fact and fact.get("value")
        if not got or got.get("kind") != "quantity" or (got["min"], got["max"]) != (value, value):
            problems.append(
                f"fact {attribute} = {got and (got.get('min'), got.get('max'))}, expected {value}"
            )
    contradicted = {c["attribute"] for c in incident["contradictions"]}
    for attribute in want.get("contradicted_attributes", []):
        if attribute not in contradicted:
            problems.append(f"no contradiction on {attribute} (found on {sorted(contradicted)})")
    if exhaustive and "contradicted_attributes" in want:
        extra = contradicted - set(want["contradicted_attributes"])
        for c in incident["contradictions"]:
            if c["attribute"] in extra:
                problems.append(f"unexpected contradiction: {c['explanation']}")
    if "grade" in want and incident["grade"]["level"] != want["grade"]:
        problems.append(
            f"grade {incident['grade']['level']!r} ({incident['grade']['reason']}), expected {want['grade']!r}"
        )
    party = want.get("responsible_party")
    if party:
        problems += _check_party(incident, party)
    return problems


def _check_party(incident: Json, want: Json) -> list[str]:
    problems = []
    claims = [c for c in incident["claims"] if c["attribute"] == "responsible_party"]
    code = {"Ukraine": "UA", "Russia": "RU"}.get(want["value"], want["value"])
    fact = _fact(incident, "responsible_party")
    if not fact or not fact.get("value") or fact["value"].get("code") != code:
        problems.append(f"responsible party {fact and fact.get('value')}, expected {code}")
    if "asserted_by_affiliation" in want and not any(
        c["value"].get("code") == code
        and c["stance"] in {"asserts", "reports"}
        and c["source"].get("affiliation") == want["asserted_by_affiliation"]
        for c in claims
    ):
        problems.append(
            f"no {want['asserted_by_affiliation']}-affiliated source asserting {code} responsible"
        )
    if "denied_by_affiliation" in want and not any(
        c["value"].get("code") == code
        and c["stance"] == "denies"
        and c["source"].get("affiliation") == want["denied_by_affiliation"]
        for c in claims
    ):
        problems.append(
            f"no {want['denied_by_affiliation']}-affiliated source denying {code} is responsible"
        )
    return problems


def _summary(incidents: list[Json]) -> str:
    parts = []
    for i in incidents:
        place = (i.get("place") or {}).get("name")
        start = (i.get("time") or {}).get("start", "?")[:10]
        parts.append(f"{i['id']}[{','.join(sorted(i['report_ids']))} @ {place} {start}]")
    return "; ".join(parts)
