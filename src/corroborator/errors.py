"""One exception root; every message says what went wrong and what to do.

    CorroboratorError
    ├── ConfigError            a settings file or value is wrong
    ├── ResourceError          a packaged or user resource file is missing or malformed
    ├── ModelUnavailable       the configured spaCy pipeline is not installed
    ├── PipelineError          stages or components are assembled in an impossible order
    ├── IngestError            one input cannot become a Report (kept as an IngestFailure)
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── DecodeFailure
    │   ├── InputTooLarge
    │   ├── MalformedInput
    │   └── UnsupportedInput
    ├── StoreError             the database cannot be opened, migrated or written
    │   └── SchemaVersionError the database was written by a newer corroborator
    └── NotFound               an incident or report id that the database does not hold

Ingest errors never escape a batch: the ingest stage turns them into `IngestFailure`
records, so one bad file cannot stop the others.
"""

from __future__ import annotations


class CorroboratorError(Exception):
    """Root of every error corroborator raises on purpose."""


class ConfigError(CorroboratorError):
    pass


class ResourceError(CorroboratorError):
    pass


class ModelUnavailable(CorroboratorError):
    pass


class PipelineError(CorroboratorError):
    pass


class IngestError(CorroboratorError):
    """An input that cannot become a report. `origin` names the file, record or URL."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class EmptyInput(IngestError):
    pass


class BinaryInput(IngestError):
    pass


class DecodeFailure(IngestError):
    pass


class InputTooLarge(IngestError):
    pass


class MalformedInput(IngestError):
    pass


class UnsupportedInput(IngestError):
    pass


class StoreError(CorroboratorError):
    pass


class SchemaVersionError(StoreError):
    pass


class NotFound(CorroboratorError):
    pass
