"""Canonical URLs: one key per article, whatever tracking, mobile or AMP variant was linked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from fnmatch import fnmatchcase
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from dedup.errors import InvalidURL

# Parameters that only say where a click came from; the page is the same without them.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "igshid", "twclid",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "xtor", "xtref", "xts",
        "at_medium", "at_campaign", "at_source", "cmpid", "ncid", "ocid", "s_cid",
        "ref_src", "ref_url", "spm", "share", "amp", "outputtype", "__twitter_impression",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
# Host prefixes that serve the same article as the main site.
MIRROR_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")
DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters left unescaped in a path segment or query (RFC 3986 unreserved + sub-delims).
_SEGMENT_SAFE = "!$&'()*+,;=:@-._~"
_QUERY_SAFE = "!$'()*,;:@/?-._~"
_AMP_SUFFIX = re.compile(r"/amp/?$", re.IGNORECASE)


def canonical_url(url: str, *, strip_params: Iterable[str] = ()) -> str:
    """The dedup key of ``url``: same page, same string.

    ``strip_params`` are a source's own query parameters to drop (exact names or
    ``fnmatch`` patterns such as ``"from*"``).
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise InvalidURL(f"not an absolute http(s) URL: {url!r}")
    host = _canonical_host(parts.hostname, scheme, parts.port)
    path = _canonical_path(parts.path)
    query = _canonical_query(parts.query, tuple(strip_params))
    return urlunsplit((scheme, host, path, query, ""))


def _canonical_host(hostname: str, scheme: str, port: int | None) -> str:
    host = hostname.lower().rstrip(".")
    try:
        # An internationalised host and its punycode form are the same host.
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass
    for prefix in MIRROR_HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
            break
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    return host


def _canonical_path(path: str) -> str:
    path = _AMP_SUFFIX.sub("", path)
    segments = [seg for seg in path.split("/") if seg not in ("", ".")]
    resolved: list[str] = []
    for segment in segments:
        if segment == "..":
            if resolved:
                resolved.pop()
            continue
        # Decode then re-encode: "/économie", "/%C3%A9conomie" and "/%c3%a9conomie" agree.
        resolved.append(quote(unquote(segment), safe=_SEGMENT_SAFE))
    return "/" + "/".join(resolved)


def _canonical_query(query: str, strip_params: tuple[str, ...]) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not _is_dropped(k, strip_params)]
    kept.sort()
    return urlencode(kept, quote_via=lambda s, *_: quote(s, safe=_QUERY_SAFE))


def _is_dropped(name: str, strip_params: tuple[str, ...]) -> bool:
    lowered = name.lower()
    if lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES):
        return True
    return any(fnmatchcase(name, pattern) for pattern in strip_params)
