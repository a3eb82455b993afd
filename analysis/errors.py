"""Named errors of the analysis package."""


class AnalysisError(Exception):
    """Base class for every error raised by `analysis`."""


class ResourceError(AnalysisError):
    """A bundled or user-supplied data file (lexicon, gazetteer) is missing or malformed."""


class LexiconError(ResourceError):
    """A topic lexicon does not have the expected tables."""


class InputError(AnalysisError):
    """An input record cannot be analysed (wrong type, missing text, bad JSON)."""
