"""corroborator: structured, sourced, corroboration-graded incident records from news reports."""

__version__ = "0.1.0"
