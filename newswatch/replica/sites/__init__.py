"""One module per site kind; SITE_KINDS maps a replica site key to its class."""

from newswatch.replica.sites.arc import ArcSite
from newswatch.replica.sites.base import Site
from newswatch.replica.sites.custom import CustomSite
from newswatch.replica.sites.wordpress import WordPressSite

SITE_KINDS: dict[str, type[Site]] = {
    "wp": WordPressSite,
    "arc": ArcSite,
    "custom": CustomSite,
}

__all__ = ["SITE_KINDS", "ArcSite", "CustomSite", "Site", "WordPressSite"]
