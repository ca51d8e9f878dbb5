"""Counts that changed: a later figure superseding an earlier one is an update, not a conflict.

Tolls rise through the day ("one injured" in the morning, "the number of injured has
risen to three" in the afternoon), and a governor's second post corrects the first. Such
pairs are shown as updates, and the superseded figure stops competing for the incident's
value. A count is superseded by

- the same named source giving another figure in a report published later, or
- for the dead and injured, a higher figure from a source of the same side in a report
  published later (victims are found through the day; the other side's figure, or an
  unaligned one, still contradicts), or
- a statement that says the count changed ("the toll rose to five", "three are now known
  to have died") and gives a higher figure, against lower ones in the same report or in
  reports published that day or before it (tolls rise through the day; the lower figure
  is an earlier stage of it, whichever report came out first).

Anything else that disagrees stays a contradiction: two sources with different figures at
the same time, or a later figure from someone else that does not say it is a revision.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from corroborator import model
from corroborator.reconcile.origins import FOOTAGE_KEY
from corroborator.reconcile.values import describe

#: Counts that grow as victims are found.
_TOLLS = frozenset({model.Attribute.KILLED, model.Attribute.INJURED})
#: Two publication clock times closer than this may be in either order (zones unknown).
_ZONE_MARGIN = timedelta(hours=3)

#: Sources whose identity is too loose to say the same one spoke twice.
_LOOSE = frozenset({model.SourceKind.ANONYMOUS, model.SourceKind.UNKNOWN, model.SourceKind.EYEWITNESS})


@dataclass(frozen=True)
class Moments:
    """When each report was published, as far as the date lines say."""

    published: Mapping[str, date | None]

    @classmethod
    def of(cls, reports: Sequence[model.ExtractedReport]) -> Moments:
        return cls({r.id: _moment(r.normalised.publication) for r in reports})

    def before(self, first: str, second: str) -> bool:
        """Whether report `first` certainly came out before report `second`."""
        a, b = self.published.get(first), self.published.get(second)
        if a is None or b is None:
            return False
        if isinstance(a, datetime) and isinstance(b, datetime) and (a.tzinfo is None) == (b.tzinfo is None):
            # Publishers' clocks are local and their zones unknown here: only a gap wider than
            # the zones of one region can differ says which came first.
            return _utc(a) + _ZONE_MARGIN < _utc(b)
        return _day(a) < _day(b)  # a date alone orders only across days

    def not_later_day(self, first: str, second: str) -> bool:
        """Whether report `first` came out on the day of report `second` or before."""
        a, b = self.published.get(first), self.published.get(second)
        return a is not None and b is not None and _day(a) <= _day(b)


def find_updates(
    attribute: model.Attribute, claims: Sequence[model.Claim], moments: Moments
) -> tuple[list[model.Update], frozenset[str]]:
    """The updates among one attribute's counts, and the ids of the superseded claims."""
    counts = [
        c for c in claims if isinstance(c.value, model.Quantity) and c.stance != model.Stance.DENIES
    ]
    pairs: dict[tuple[str, str], tuple[list[model.Claim], list[model.Claim], str]] = {}
    for later in counts:
        for earlier in counts:
            reason = _supersedes(later, earlier, moments)
            if reason is None:
                continue
            key = (str(earlier.value), str(later.value))
            old, new, _ = pairs.setdefault(key, ([], [], reason))
            if earlier not in old:
                old.append(earlier)
            if later not in new:
                new.append(later)
    updates = [
        model.Update(
            attribute=attribute,
            earlier_ids=tuple(c.id for c in old),
            later_ids=tuple(c.id for c in new),
            explanation=_explain(attribute, old, new, reason),
        )
        for old, new, reason in pairs.values()
    ]
    return updates, frozenset(i for u in updates for i in u.earlier_ids)


def _supersedes(later: model.Claim, earlier: model.Claim, moments: Moments) -> str | None:
    assert isinstance(later.value, model.Quantity) and isinstance(earlier.value, model.Quantity)
    if later.id == earlier.id or later.value.compatible(earlier.value):
        return None
    if _same_named_source(later, earlier) and moments.before(earlier.report_id, later.report_id):
        return "revised by the same source in a later report"
    higher = earlier.value.max is not None and earlier.value.max < later.value.min
    if (
        higher
        and later.attribute in _TOLLS
        and _same_side(later, earlier)
        and moments.before(earlier.report_id, later.report_id)
    ):
        # Victims are found and counted through the day: one side's higher figure, published
        # later, is its count grown, not a dispute.
        return "a later, higher count from the same side"
    if later.revised and higher:
        if earlier.report_id == later.report_id:
            return "the report says the count has since risen"
        # A toll rises through the day: a lower figure from that day is an earlier stage of
        # it, whichever report came out first, and the report saying it rose is the latest.
        if moments.not_later_day(earlier.report_id, later.report_id):
            return "a report of that day or later says the count has risen"
    return None


def _same_side(a: model.Claim, b: model.Claim) -> bool:
    return a.source.affiliation is not None and a.source.affiliation == b.source.affiliation


def _moment(publication: model.PublicationTime) -> date | None:
    """The declared publication day, with its clock time when the date line gives one."""
    day = publication.declared
    if day is None or publication.declared_time is None or publication.date_line_inconsistent:
        return day
    return datetime.combine(day, publication.declared_time)


def _same_named_source(a: model.Claim, b: model.Claim) -> bool:
    return (
        a.source.key == b.source.key
        and a.source.key != FOOTAGE_KEY
        and a.source.kind not in _LOOSE
        and a.report_id != b.report_id
    )


def _explain(
    attribute: model.Attribute, old: Sequence[model.Claim], new: Sequence[model.Claim], reason: str
) -> str:
    what = attribute.value.replace("_", " ")
    after = new[0]
    return (
        f"{what} went from {describe(old[0].value)} ({_who(old)}) "
        f'to {describe(after.value)} ({_who(new)}: "{after.evidence.text}"): {reason}.'
    )


def _who(claims: Sequence[model.Claim]) -> str:
    names = list(dict.fromkeys(f"{c.source.name}, {c.report_id}" for c in claims))
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    return "; ".join(names[:3]) + more


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _day(moment: date) -> datetime:
    return datetime.combine(moment if not isinstance(moment, datetime) else moment.date(), time.min)
