"""A local replica of Moroccan news sites, rendered from articles written by us.

Each site kind reproduces the public structure of a real outlet (WordPress +
Yoast like Médias24, Arc XP like Le360, a custom CMS like Le Matin, and an
optional Arabic WordPress site like Hespress AR) on its own 127.0.0.1 server, so
the crawler's tests and the benchmarks never touch a real site. Dev-only: the product's
`newswatch demo` serves its own small example sites (newswatch/demo_web.py).
`ReplicaWeb(page_weight="real")` serves article pages with the weight and furniture of
real ones (see sites/furniture.py); the default "light" pages are 6-9 KB.
"""

from devkit.replica.arabic import arabic_articles
from devkit.replica.article import ReplicaArticle
from devkit.replica.examples import example_articles
from devkit.replica.server import ReplicaWeb
from devkit.replica.synthetic import synthetic_articles

__all__ = [
    "ReplicaArticle",
    "ReplicaWeb",
    "arabic_articles",
    "example_articles",
    "synthetic_articles",
]
