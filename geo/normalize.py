"""Name keys: one spelling for the many ways a place name is written.

"Deir ez-Zor", "Deir al-Zour" and "Dayr az Zawr" differ in vowels too, so keys
do not merge them all; GeoNames' alternate names cover that. Keys remove what
varies without meaning: case, diacritics, apostrophes and ayns, hyphens, and
(in the stripped key) the Arabic article in its transliterations.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = re.compile(r"[’'`ʿʾ‘ʼ´]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
ARTICLES = frozenset({"al", "el", "ad", "as", "ar", "az", "an", "at", "ash", "ath", "adh", "ez", "ed",
                      "es", "ul", "ud", "the"})
_ARTICLE_WORD = re.compile(rf"(?:^| )(?:{'|'.join(ARTICLES)})(?: |$)")


def fold(text: str) -> str:
    """Lower case, no diacritics (ı -> i, ø -> o as NFKD cannot)."""
    if text.isascii():  # most names: nothing to decompose
        return text.lower()
    text = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ø", "o").replace("ß", "ss"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


ABBREVIATED_FIRST_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@lru_cache(maxsize=262_144)
def name_key(name: str) -> str:
    """Lower-case ASCII words separated by single spaces; '' if the name is not Latin script.

    A leading "St."/"Mt."/"Ft." is spelled out, so "St. Petersburg" and "Saint Petersburg" meet.
    """
    return key_of(name)


# letters of scripts no folding turns into ASCII (Greek to CJK): such a name has no key
_NON_LATIN = re.compile(r"[\u0370-\u1dff\u2e80-\uffef]")


def is_latin(name: str) -> bool:
    """Whether a name may have a key (no letter of a script folding cannot make ASCII)."""
    return name.isascii() or not _NON_LATIN.search(name)


def key_of(name: str) -> str:
    """name_key without its cache (the index build makes each key once)."""
    if not name.isascii() and _NON_LATIN.search(name):
        return ""
    folded = _QUOTES.sub("", fold(name))
    if not folded.isascii():
        return ""
    key = _NON_ALNUM.sub(" ", folded).strip()
    first, _, rest = key.partition(" ")
    if rest and first in ABBREVIATED_FIRST_WORDS:
        key = f"{ABBREVIATED_FIRST_WORDS[first]} {rest}"
    return key


def strip_articles(key: str) -> str:
    """Drop article words ("al", "el", "ad"...) and an "al"/"el" glued to a word.

    "al qaim" -> "qaim", "albu kamal" -> "bu kamal"; a key that is only an
    article is returned as is.
    """
    if not _ARTICLE_WORD.search(key):
        return key
    words = [w for w in key.split(" ") if w not in ARTICLES]
    return " ".join(words) if words else key


# Words of Arabic names as GeoNames' romanisation writes them -> as news copy does ("Ra's al 'Ayn" is
# "Ras al-Ain", "Tall Abyad" is "Tal Abyad", "Dayr" is "Deir", "Bayt" is "Beit")
NEWS_SPELLINGS = {"ayn": "ain", "tall": "tal", "dayr": "deir", "bayt": "beit", "jabal": "jebel"}


_NEWS_WORD = re.compile(rf"\b(?:{'|'.join(NEWS_SPELLINGS)})\b")


def news_spelling(key: str) -> str:
    if not _NEWS_WORD.search(key):
        return key
    words = key.split(" ")
    return " ".join(NEWS_SPELLINGS.get(w, w) for w in words)


def key_variants(name: str) -> tuple[str, ...]:
    """Keys a name is indexed under: plain, without articles, without spaces; in news spelling too."""
    key = key_of(name)
    if not key:
        return ()
    news = news_spelling(key)
    variants = []
    for k in (key,) if news == key else (key, news):
        stripped = strip_articles(k)
        variants += (k, stripped, stripped.replace(" ", "")) if " " in stripped else (k, stripped)
    return tuple(dict.fromkeys(variants))


# -- transliteration skeletons: one key for the spellings news gives one Arabic, Persian or African name ---
# Words that are the same word in every transliteration ("Um"/"Umm", "Dayr"/"Dair"/"Deir").
SKELETON_WORDS = {"umm": "um", "om": "um", "omm": "um", "dayr": "deir", "dair": "deir", "dier": "deir",
                  "dir": "deir", "tall": "tal", "tell": "tal", "ayn": "ain", "ein": "ain", "bayt": "beit",
                  "bait": "beit", "bet": "beit", "jabal": "jebel", "jabel": "jebel", "jbel": "jebel",
                  "kfar": "kafr", "kafar": "kafr", "shaykh": "sheikh", "shaikh": "sheikh", "sheik": "sheikh",
                  "bir": "bir", "beer": "bir", "abou": "abu", "abo": "abu", "qasr": "qasr", "kasr": "qasr"}
_SKELETON_STEPS = [(re.compile(rx), to) for rx, to in (
    (r"(?:iyyah|iyyeh|iyya|iyah|iyeh|iya|iye|ieh|iah|ia)$", "iya"),  # Salahiyah, Salhiyeh, Salihiya
    (r"(?<=[a-z])(?:ah|eh|a|e)$", "a"),                                 # Hasakah, Hasakeh, Hasaka
    (r"([b-df-hj-np-tv-z])\1", r"\1"),                                # Maarrat, Maarat; Tallil, Talil
    (r"ou|oo|uu|u", "u"), (r"ee", "e"), (r"ei|ey|ii|i", "i"), (r"aa|ai|ay", "a"),  # Zour, Zor; Deir, Dir
    (r"o(?=[a-z])", "u"),                                               # Zor, Zur
)]


@lru_cache(maxsize=65_536)
def skeleton(key: str) -> str:
    """skeleton_of(key), cached for look-ups."""
    return skeleton_of(key)


def skeleton_of(key: str) -> str:
    """The spelling skeleton of a name key: no articles, no spaces or hyphens, transliteration variants
    folded ("Um Ruwaba" = "Umm Ruwaba", "Dair ez-Zor" = "Deir al-Zour", "Salhiyeh" = "Salahiyah" is not:
    vowels that differ in kind stay apart). '' for a key of one short word (too many namesakes)."""
    words = [SKELETON_WORDS.get(w, w) for w in key.split(" ") if w and w not in ARTICLES]
    out = []
    for w in words:
        for rx, to in _SKELETON_STEPS:
            w = rx.sub(to, w)
        out.append(w)
    joined = "".join(out)
    return joined if len(joined) >= 5 else ""
