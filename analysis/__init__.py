"""Announcement intelligence: is an article about the watched sector, and does it announce jobs or money?

Importing this package is cheap: the public names are resolved on first use (PEP 562), and the
vocabulary files are read and compiled on the first analysis.
"""

from __future__ import annotations

# typing is not imported at run time: it alone would double the cost of `import analysis`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from analysis.model import Analysis, Investment
    from analysis.pipeline import analyze, is_relevant_fast

__all__ = ["Analysis", "Investment", "analyze", "is_relevant_fast"]
_HOMES = {"Analysis": "analysis.model", "Investment": "analysis.model",
          "analyze": "analysis.pipeline", "is_relevant_fast": "analysis.pipeline"}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
