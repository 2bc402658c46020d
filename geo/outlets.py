"""The country an outlet covers, from its web address: a national domain ("dailystar.com.lb") names it.

Used as the `region` of `find_places` (one vote for that country beside the text's own evidence, README
"A name shared by several places"). Generic addresses (.com, .org) say nothing, nor do the national domains
sold worldwide for other uses (.co, .io, .tv, .me, .fm...).
"""
from __future__ import annotations

from urllib.parse import urlsplit

# national domains commonly registered by anyone, anywhere: no evidence of where an outlet is
NOT_NATIONAL = frozenset({"ac", "ai", "am", "cc", "co", "fm", "gg", "io", "la", "ly", "me", "nu", "sh", "su",
                          "tk", "to", "tv", "ws"})
DOMAIN_COUNTRY = {"uk": "GB"}  # the one national domain that is not its country's ISO code


def region_of_url(url: str | None) -> str | None:
    """The ISO code of the country a national domain names ("https://www.x.com.lb/..." -> "LB"), else None."""
    if not url or not isinstance(url, str):
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(tld) != 2 or not tld.isalpha() or tld in NOT_NATIONAL:
        return None
    return DOMAIN_COUNTRY.get(tld, tld.upper())
