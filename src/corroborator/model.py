"""Typed records passed between the stages.

Data flows one way: ingest → normalise → extract → link → reconcile → store → serve.
Each stage boundary carries exactly one of these records:

    ingest     → Report | IngestFailure
    normalise  → NormalisedReport      (clean text; every Span indexes into it)
    extract    → ExtractedReport       (mentions, attributions, claims, frames)
    link       → Linkage               (frames of many reports grouped into clusters)
    reconcile  → Analysis              (incidents with facts, contradictions, grades)

All records are frozen pydantic models: they validate on construction, serialise to JSON
(the store keeps extracted reports as JSON, the CLI prints them) and publish their JSON
Schema. Nothing downstream mutates them; a later stage builds new records instead.

Conventions
- Character offsets are into `NormalisedReport.text` (never the raw input), end-exclusive.
- Times are naive datetimes in the local time of the place they describe; a
  `TimeInterval` whose `year_known` is false carries a placeholder year that only its
  month, day and clock time mean (see `TimeInterval.with_year`).
- Party and country codes are ISO 3166-1 alpha-2 ("RU", "UA").
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from datetime import time as ClockTime
from enum import IntEnum, StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

#: Placeholder year for dates whose year no report gives. A leap year, so 29 February
#: survives; never shown to users (they see the TIMEX value with "XXXX").
PLACEHOLDER_YEAR = 2000


class Record(BaseModel):
    """Base of every record: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- evidence


class Span(Record):
    """The exact words a value came from: offsets into the report's normalised text."""

    report_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    def contains(self, other: Span) -> bool:
        return (
            self.report_id == other.report_id
            and self.start <= other.start
            and other.end <= self.end
        )

    def overlaps(self, other: Span) -> bool:
        return (
            self.report_id == other.report_id and self.start < other.end and other.start < self.end
        )


# --------------------------------------------------------------------------- ingest


class Report(Record):
    """One document from one outlet or channel, as ingested: text plus provenance only."""

    id: str
    text: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = Field(
        default=None, description="Declared publication time exactly as the input gives it."
    )
    retrieved: str | None = None
    language: str | None = None
    date_line: str | None = Field(
        default=None, description="A first line of the body that is only a date, if any."
    )
    origin: str = Field(
        default="", description="Where the report came from: path, path:line, 'stdin'."
    )
    format: str = "text"
    extra: dict[str, Any] = Field(default_factory=dict, description="Input fields we do not model.")

    @property
    def content_hash(self) -> str:
        """Identity of the content for idempotent ingest: same text and metadata, same hash."""
        h = hashlib.sha256()
        for part in (self.id, self.outlet, self.url, self.title, self.published, self.text):
            h.update((part or "").encode("utf-8"))
            h.update(b"\x1f")
        return h.hexdigest()


class IngestFailure(Record):
    """An input that could not become a Report. Kept (with its raw bytes) for inspection."""

    origin: str
    reason: str
    format: str | None = None
    raw: bytes = Field(
        default=b"", exclude=True, description="The input as read; kept by the store."
    )


# --------------------------------------------------------------------------- time


class TimePrecision(StrEnum):
    MINUTE = "minute"
    HOUR = "hour"
    PART_OF_DAY = "part_of_day"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"

    @property
    def acled(self) -> int:
        """ACLED time precision: 1 = day (or finer), 2 = week, 3 = month (or coarser)."""
        if self in (TimePrecision.WEEK,):
            return 2
        if self in (TimePrecision.MONTH, TimePrecision.YEAR):
            return 3
        return 1


class TimeInterval(Record):
    """A half-open interval [start, end) of local time, with how precise it is."""

    start: datetime
    end: datetime
    precision: TimePrecision
    year_known: bool = True

    def overlaps(self, other: TimeInterval, *, slack: timedelta = timedelta(0)) -> bool:
        """True when the intervals share any moment (widened by `slack` on both sides).

        When either year is unknown, compare within the other's year (and the years on
        either side, so late December and early January still meet).
        """
        a, b = self, other
        if a.year_known != b.year_known:
            known, floating = (a, b) if a.year_known else (b, a)
            candidates = [floating.with_year(known.start.year + d) for d in (-1, 0, 1)]
            return any(known.overlaps(c, slack=slack) for c in candidates if c is not None)
        return a.start - slack < b.end and b.start - slack < a.end

    def contains(self, other: TimeInterval) -> bool:
        return self.start <= other.start and other.end <= self.end

    def with_year(self, year: int) -> TimeInterval | None:
        """The same month/day/clock in `year`; None when the day does not exist then."""
        try:
            start = self.start.replace(year=year)
        except ValueError:  # 29 February in a common year
            return None
        return TimeInterval(
            start=start,
            end=start + (self.end - self.start),
            precision=self.precision,
            year_known=True,
        )

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def first_day(self) -> date:
        return self.start.date()

    def last_day(self) -> date:
        return (self.end - timedelta(microseconds=1)).date()


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class TimeAnchor(StrEnum):
    """What a time expression's value was computed from."""

    ABSOLUTE = "absolute"  # the text gives the full date ("3 May 2023")
    PUBLICATION = "publication"  # relative to the report's publication time ("last night")
    NARRATIVE = "narrative"  # relative to an earlier time in the text ("a few minutes later")
    NONE = "none"  # not anchored (durations, sets, unresolvable)


class TimeExpression(Record):
    """A time expression found in text, normalised TIMEX3-style against a reference."""

    span: Span
    timex_type: TimexType
    value: str = Field(description="TIMEX3 value, e.g. 2023-05-03, 2023-05-02TNI, XXXX-04-24, P1W.")
    precision: TimePrecision | None = None
    interval: TimeInterval | None = Field(default=None, description="Absent when not anchorable.")
    anchor: TimeAnchor = TimeAnchor.NONE
    clock: str | None = Field(default=None, description="Clock time HH:MM when the text gives one.")
    timezone: str | None = Field(default=None, description="'local', 'UTC', 'Europe/Moscow', ...")
    mod: str | None = Field(
        default=None, description="TIMEX3 mod: APPROX, START, END, BEFORE, AFTER."
    )
    bound: Literal["start", "end"] | None = Field(
        default=None,
        description="The time bounds a period instead of dating an event: 'start' after 'since' "
        "('since March'), 'end' after 'by' or 'until' ('until Tuesday').",
    )


class PublicationTime(Record):
    """Declared and inferred publication time of a report, with the reasons."""

    declared: date | None = None
    declared_text: str | None = None
    inferred_earliest: date | None = None
    inferred_latest: date | None = None
    year_known: bool = False
    year_source: Literal["declared", "content", "linked", "none"] = "none"
    date_line_inconsistent: bool = False
    declared_time: ClockTime | None = Field(
        default=None,
        description="The declared clock time (the publisher's local time) when the declared day stands: "
        "a report out at 06:30 tells of the night just past.",
    )
    basis: tuple[str, ...] = Field(default=(), description="Why, in words, citing the evidence.")
    evidence: tuple[Span, ...] = ()

    @property
    def reference(self) -> date | None:
        """The date relative expressions ("last night") are resolved against."""
        return self.inferred_earliest or self.declared


# --------------------------------------------------------------------------- normalise


class ParagraphRole(StrEnum):
    BODY = "body"
    HEADLINE = "headline"
    DATELINE = "dateline"
    BYLINE = "byline"
    CAPTION = "caption"
    CREDIT = "credit"


class Paragraph(Record):
    start: int
    end: int
    role: ParagraphRole = ParagraphRole.BODY


class Anomaly(Record):
    """Something wrong or suspicious about a report, worth a reader's attention."""

    code: str = Field(description="Stable machine code, e.g. 'date_line_inconsistent'.")
    message: str
    evidence: tuple[Span, ...] = ()


class NormalisedReport(Record):
    report: Report
    text: str = Field(description="Cleaned text; every Span of this report indexes into it.")
    paragraphs: tuple[Paragraph, ...]
    language: str = "en"
    publication: PublicationTime
    times: tuple[TimeExpression, ...] = Field(
        default=(), description="Time expressions anchored to the inferred publication time."
    )
    anomalies: tuple[Anomaly, ...] = ()

    @property
    def id(self) -> str:
        return self.report.id

    def span(self, start: int, end: int) -> Span:
        return Span(report_id=self.report.id, start=start, end=end, text=self.text[start:end])

    def paragraph_index(self, offset: int) -> int:
        """The index of the paragraph holding a character offset, -1 for none (a gap)."""
        return next((n for n, p in enumerate(self.paragraphs) if p.start <= offset < p.end), -1)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding a character offset, None for none (a gap)."""
        index = self.paragraph_index(offset)
        return self.paragraphs[index] if index >= 0 else None

    def role_at(self, offset: int) -> ParagraphRole:
        paragraph = self.paragraph_at(offset)
        return paragraph.role if paragraph is not None else ParagraphRole.BODY


# --------------------------------------------------------------------------- places


class GeoPrecision(IntEnum):
    """ACLED geo precision."""

    TOWN = 1  # the place itself (a town, a landmark in it)
    NEAR = 2  # near / outskirts of a place, or a small part of a region
    REGION = 3  # only a region (admin1, province, sea) is known


class Place(Record):
    """A gazetteer entry."""

    id: str = Field(
        description="'geonames:<id>', 'corroborator:<slug>' for our own entries, or 'unlisted:<country>:<name>' for"
        " a settlement or facility no gazetteer lists (no coordinates of its own: a facility placed near a listed town"
        " carries that town's)."
    )
    name: str
    kind: str = Field(
        description="city, town, admin1, country, landmark, region, sea, facility, city_district, ..."
    )
    country_code: str | None = None
    admin1: str | None = Field(default=None, description="Name of the first-level region.")
    latitude: float | None = None
    longitude: float | None = None
    parents: tuple[str, ...] = Field(
        default=(), description="Names of containing places, nearest first."
    )
    population: int | None = None
    timezone: str | None = Field(
        default=None, description="IANA time zone of the place's local time."
    )

    @property
    def hierarchy(self) -> tuple[str, ...]:
        return (self.name, *self.parents)


class PlaceRole(StrEnum):
    EVENT = "event"  # where something happened (the default)
    REPORTING = "reporting"  # dateline/byline location: where the report was filed
    ORIGIN = "origin"  # where something came from ("launched from Ukraine")


class PlaceMention(Record):
    span: Span
    place: Place
    precision: GeoPrecision
    role: PlaceRole = PlaceRole.EVENT
    match: Literal["exact", "alias", "fuzzy", "derived", "unlisted"] = Field(
        default="exact",
        description="How the name was read: the entry's own name, an alias, a near-miss spelling, derived from other"
        " words ('our region'), or 'unlisted': a settlement the words introduce that no gazetteer lists.",
    )


# --------------------------------------------------------------------------- sources and claims


class SourceKind(StrEnum):
    OFFICIAL = "official"
    MILITARY = "military"
    STATE_MEDIA = "state_media"
    INDEPENDENT_MEDIA = "independent_media"
    WIRE_AGENCY = "wire_agency"
    SOCIAL_MEDIA = "social_media"
    EYEWITNESS = "eyewitness"
    EXPERT = "expert"
    ANONYMOUS = "anonymous"
    UNKNOWN = "unknown"


class Source(Record):
    """Whoever asserts something: a person, body, outlet, channel, or group of witnesses."""

    key: str = Field(description="Canonical identity; equal keys are the same source.")
    name: str
    kind: SourceKind
    affiliation: str | None = Field(
        default=None, description="Party to the conflict the source speaks for, if any (ISO code)."
    )
    country: str | None = None
    registry_id: str | None = None
    description: str | None = Field(
        default=None, description="How the report describes the source."
    )


class Stance(StrEnum):
    ASSERTS = "asserts"
    DENIES = "denies"
    SPECULATES = "speculates"
    REPORTS = "reports"  # relays that others claim it, without vouching


class Attribution(Record):
    """Who said what: a source, the cue that attributes, and the content attributed."""

    id: str
    source: Source
    source_span: Span | None = Field(default=None, description="None for the report's own voice.")
    cue_span: Span | None = None
    content_span: Span
    stance: Stance = Stance.ASSERTS
    hedges: tuple[str, ...] = ()
    via: tuple[Source, ...] = Field(
        default=(),
        description="Relays between the source and the report, nearest the source first "
        "(residents → via a Telegram channel). The report's outlet is implicit as the last relay.",
    )
    medium: str | None = Field(default=None, description="'Telegram', 'tweet', 'statement', ...")
    quote: bool = False


class Attribute(StrEnum):
    TIME = "time"
    PLACE = "place"
    TARGET = "target"
    WEAPON = "weapon"
    LAUNCHED = "launched"
    INTERCEPTED = "intercepted"
    HIT = "hit"
    KILLED = "killed"
    INJURED = "injured"
    DAMAGE = "damage"
    RESPONSIBLE_PARTY = "responsible_party"
    INTERCEPTION_METHOD = "interception_method"

    @property
    def numeric(self) -> bool:
        return self in NUMERIC_ATTRIBUTES


NUMERIC_ATTRIBUTES = frozenset(
    {Attribute.LAUNCHED, Attribute.INTERCEPTED, Attribute.HIT, Attribute.KILLED, Attribute.INJURED}
)


class Quantity(Record):
    """A count: exact (min == max), a range, or open-ended (max is None: "at least 13")."""

    kind: Literal["quantity"] = "quantity"
    min: int = Field(ge=0)
    max: int | None = Field(default=None, ge=0)
    counted: str | None = Field(
        default=None,
        description="The kind of weapon counted, when the words name it ('drone', 'missile'): "
        "'54 drones and two missiles' are two counts of one attack, not rival figures.",
    )
    scope: Literal["country"] | None = Field(
        default=None,
        description="'country' when the words count over a whole country ('launched 64 drones at the "
        "country overnight'): a national total, not a rival to a local count.",
    )

    @property
    def exact(self) -> bool:
        return self.max == self.min

    def contains(self, other: Quantity) -> bool:
        upper_ok = self.max is None or (other.max is not None and other.max <= self.max)
        return self.min <= other.min and upper_ok

    def compatible(self, other: Quantity) -> bool:
        """Ranges that share a value ("several" and 3) do not contradict, and neither do
        counts of different kinds of weapon."""
        if self.counted and other.counted and self.counted != other.counted:
            return True
        if self.scope != other.scope:
            return True  # a national total and one city's count
        lo = max(self.min, other.min)
        his = [m for m in (self.max, other.max) if m is not None]
        return not his or lo <= min(his)

    def __str__(self) -> str:
        if self.exact:
            return str(self.min)
        return f"{self.min}+" if self.max is None else f"{self.min}–{self.max}"


class Label(Record):
    """A categorical value: a canonical code plus the words used."""

    kind: Literal["label"] = "label"
    code: str = Field(description="Canonical value, e.g. 'UA', 'electronic_warfare', 'minor'.")
    text: str = Field(description="Display form.")
    about: str | None = Field(
        default=None,
        description="What the value is about when not the whole incident: the damaged object "
        "('warehouse') for a damage level. Absent for statements about the whole incident.",
    )
    category: str | None = Field(
        default=None,
        description="The broader class of the code, where one exists: a weapon's kind "
        "('glide_bomb', 'missile', 'drone', 'air_defence') for the weapon code 'kab-500'.",
    )


class TimeValue(Record):
    kind: Literal["time"] = "time"
    interval: TimeInterval
    value: str = Field(description="TIMEX3 value.")
    clock: str | None = None
    timezone: str | None = Field(
        default=None,
        description="Zone the words stated when not the place's local time ('UTC' for \"0440 GMT\"); "
        "reconcile converts such values to local time and clears this.",
    )


class PlaceValue(Record):
    kind: Literal["place"] = "place"
    place: Place
    precision: GeoPrecision


FactValue = Annotated[Quantity | Label | TimeValue | PlaceValue, Field(discriminator="kind")]


class Claim(Record):
    """A source's statement about one attribute of one (report-local) incident."""

    id: str = Field(description="'<report id>:c<n>', stable for the same input.")
    report_id: str
    frame_id: str = Field(description="The report-local incident candidate the claim belongs to.")
    attribute: Attribute
    value: FactValue
    stance: Stance
    source: Source
    via: tuple[Source, ...] = ()
    evidence: Span
    hedges: tuple[str, ...] = ()
    attribution_id: str | None = None
    in_caption: bool = False
    note: str | None = Field(default=None, description="How the value was read, when not literal.")
    revised: bool = Field(
        default=False,
        description="The statement says the count changed ('the toll rose to five'): "
        "lower counts given before are superseded, not contradicted.",
    )

    @property
    def origin_key(self) -> str:
        """What independence is judged on: the first-hand source of the claim."""
        return self.source.key


# --------------------------------------------------------------------------- events and frames


class Modality(StrEnum):
    ACTUAL = "actual"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"  # planned, threatened, future, conditional
    GENERIC = "generic"  # habitual or plural-generic ("frequent attacks")


class EventMention(Record):
    """A word or phrase that mentions an event, typed with ACLED's taxonomy."""

    id: str
    trigger: Span
    sentence: Span
    lemma: str
    event_type: str
    sub_event_type: str
    modality: Modality = Modality.ACTUAL
    weapon: str | None = Field(default=None, description="Weapon lexicon code, when named nearby.")


class Frame(Record):
    """A report-local incident candidate: the mentions and claims a report gives one event."""

    id: str = Field(description="'<report id>#f<n>'.")
    report_id: str
    event_type: str
    sub_event_type: str
    typed_by_weapon: bool = Field(
        default=False,
        description="Whether a named weapon gave the sub-event type; otherwise it is the event word's fallback.",
    )
    mentions: tuple[EventMention, ...]
    times: tuple[TimeExpression, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[str, ...] = Field(
        default=(), description="Named parties and organisations involved."
    )
    primary: bool = False
    denied: bool = Field(
        default=False,
        description="The report tells this event only as denied ('the army did not strike the hospital').",
    )
    text: str = Field(default="", description="The frame's sentences, for text similarity.")


class ExtractedReport(Record):
    normalised: NormalisedReport
    places: tuple[PlaceMention, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    events: tuple[EventMention, ...] = ()
    frames: tuple[Frame, ...] = ()
    claims: tuple[Claim, ...] = ()

    @property
    def id(self) -> str:
        return self.normalised.report.id


# --------------------------------------------------------------------------- link


class Cluster(Record):
    """Frames from one or more reports judged to describe the same real event."""

    key: str = Field(description="Deterministic key derived from the member frames.")
    frame_ids: tuple[str, ...]
    primary_of: tuple[str, ...] = Field(
        default=(), description="Reports whose main incident this is."
    )


class DuplicateGroup(Record):
    """Reports that are copies or light rewrites of one story (wire copy republished by
    several outlets): one origin, however many outlets carry it."""

    original: str = Field(description="The report the others copy: the earliest published, then the fullest.")
    copies: tuple[str, ...] = Field(description="Reports judged copies of the original (or of each other).")


class Linkage(Record):
    reports: tuple[ExtractedReport, ...]
    clusters: tuple[Cluster, ...]
    duplicate_groups: tuple[DuplicateGroup, ...] = Field(
        default=(), description="Near-duplicate reports; each group counts as one origin in reconciliation."
    )


# --------------------------------------------------------------------------- reconcile


class GradeLevel(StrEnum):
    CONFIRMED = "confirmed"
    CORROBORATED = "corroborated"
    SINGLE_SOURCE = "single source"
    PARTY_CLAIM = "party claim only"
    CONTESTED = "contested"


class Grade(Record):
    level: GradeLevel
    reason: str


class ValueGroup(Record):
    """One value of an attribute with every claim that gives it (wording variants included)."""

    value: FactValue
    claim_ids: tuple[str, ...]
    origins: tuple[str, ...] = Field(description="Distinct origin source keys behind the claims.")
    stances: tuple[Stance, ...]
    variants: tuple[str, ...] = Field(default=(), description="Distinct wordings of this value.")
    superseded: bool = Field(
        default=False, description="Every claim giving this value was later revised (see Incident.updates)."
    )


class Fact(Record):
    attribute: Attribute
    value: FactValue | None = Field(
        description="The best-supported value (conservative for counts)."
    )
    groups: tuple[ValueGroup, ...]
    range: Quantity | None = Field(default=None, description="Min–max over all asserted counts.")
    grade: Grade


class ContradictionKind(StrEnum):
    NUMERIC = "numeric"  # 8 vs 13 drones
    TEMPORAL = "temporal"  # 2:27 pm vs around 2:30 am
    POLARITY = "polarity"  # no damage vs a building burning; no casualties vs one injured
    ATTRIBUTION = "attribution"  # A blames B, B denies
    CATEGORICAL = "categorical"  # incompatible kinds: shot down vs jammed


class Contradiction(Record):
    kind: ContradictionKind
    attribute: Attribute
    within_report: bool
    claim_ids: tuple[str, ...] = Field(description="Claims on one side.")
    against_ids: tuple[str, ...] = Field(description="Claims on the other side.")
    explanation: str


class Update(Record):
    """A count revised later: the earlier figure is superseded, not contradicted."""

    attribute: Attribute
    earlier_ids: tuple[str, ...] = Field(description="Claims giving the superseded figure.")
    later_ids: tuple[str, ...] = Field(description="Claims giving the figure that replaced it.")
    explanation: str


class Revision(Record):
    number: int
    at: datetime
    summary: str


class Incident(Record):
    id: str
    label: str
    event_type: str
    sub_event_type: str
    time: TimeInterval | None = None
    time_value: str | None = Field(default=None, description="TIMEX3 value of the incident time.")
    time_note: str | None = Field(default=None, description="How the date was anchored.")
    place: Place | None = None
    geo_precision: GeoPrecision | None = None
    report_ids: tuple[str, ...]
    primary_of: tuple[str, ...] = ()
    frame_ids: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    claims: tuple[Claim, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    updates: tuple[Update, ...] = ()
    grade: Grade
    actors: tuple[str, ...] = ()
    fatalities: int | None = Field(
        default=None, description="Conservative (lowest asserted) count."
    )
    notes: str = ""
    revision: int = 1
    history: tuple[Revision, ...] = ()

    def fact(self, attribute: Attribute) -> Fact | None:
        return next((f for f in self.facts if f.attribute == attribute), None)


class ReportOutcome(Record):
    """What the analysis says about one report."""

    id: str
    outlet: str | None
    url: str | None
    title: str | None
    origin: str
    language: str
    publication: PublicationTime
    anomalies: tuple[Anomaly, ...] = ()
    primary_incident: str | None = None
    incident_ids: tuple[str, ...] = ()
    duplicate_of: str | None = Field(
        default=None,
        description="The report this one copies (a wire story republished, lightly rewritten or trimmed); "
        "its claims are not counted as independent of the original's.",
    )


class Analysis(Record):
    schema_version: str = SCHEMA_VERSION
    reports: tuple[ReportOutcome, ...]
    incidents: tuple[Incident, ...]
    failures: tuple[IngestFailure, ...] = ()
