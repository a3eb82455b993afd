"""One module per site kind; SITE_KINDS maps a replica site key to its class."""

from devkit.replica.sites.arc import ArcSite
from devkit.replica.sites.base import Site
from devkit.replica.sites.custom import CustomSite
from devkit.replica.sites.hespress import HespressArSite
from devkit.replica.sites.wordpress import WordPressSite

SITE_KINDS: dict[str, type[Site]] = {
    "wp": WordPressSite,
    "arc": ArcSite,
    "custom": CustomSite,
    "ar": HespressArSite,
}
# The Arabic site is opt-in (sites=[..., "ar"]) so the default replica's alerts stay
# those of the French example set.
DEFAULT_SITES = ("wp", "arc", "custom")

__all__ = [
    "DEFAULT_SITES",
    "SITE_KINDS",
    "ArcSite",
    "CustomSite",
    "HespressArSite",
    "Site",
    "WordPressSite",
]
