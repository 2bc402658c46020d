"""A file's bytes -> its text, with the encoding found per file and every repair reported.

The order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without a mark
(the zero bytes of Latin text give it away); UTF-8, where a few invalid bytes
are replaced (U+FFFD) and reported rather than a reason to read the whole file
in another encoding; then a single-byte encoding (the page's declared charset,
else charset-normalizer's best guess, else Windows-1252) with a warning. Text
that is mostly control characters is refused as binary. `clean` removes NUL
and the other control characters from any text before it is stored: SQLite
keeps a NUL, PostgreSQL refuses it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
SAMPLE = 65_536  # bytes looked at to judge an encoding or binary content
BINARY_SHARE = 0.05  # text with more control characters than this is not an article (random bytes: 12-25%)
SINGLE_BYTE = {  # codecs.lookup() names of the single-byte encodings a newsroom's files come in
    *(f"cp125{i}" for i in range(9)),
    *(f"iso8859-{i}" for i in (1, 2, 5, 6, 7, 9, 15)),
    "koi8-r",
    "koi8-u",
    "mac-roman",
    "mac-cyrillic",
    "cp874",
}
_KEEP = {"\t", "\n", "\r", "\f", "\v"}
_CONTROLS = {c: None for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if chr(c) not in _KEEP}
_REMOVE = str.maketrans({**_CONTROLS, 0xFEFF: None, 0xFFFE: None, 0xFFFF: None, 0x0B: "\n", 0x0C: "\n"})
_SURROGATES = re.compile("[\ud800-\udfff]")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{1,40})""", re.I)


class NotText(ValueError):
    """The bytes are not text (a binary file); the message is for the user."""


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, *, html: bool = False) -> Decoded:
    """The text of a file's bytes; raises NotText for a binary file."""
    decoded = _by_bom(data) or _utf16_unmarked(data) or _utf8(data) or _single_byte(data, html)
    share = _control_share(decoded.text[:SAMPLE])
    if share > BINARY_SHARE:
        raise NotText(f"looks like a binary file, not text ({share:.0%} control characters)")
    return decoded


def clean(text: str) -> tuple[str, int]:
    """text without NUL, other control characters, stray byte-order marks and lone surrogates.

    Tabs and line breaks stay (a form feed or vertical tab becomes a line break).
    Returns the text and how many characters were removed.
    """
    out = _SURROGATES.sub("", text.translate(_REMOVE))
    return out, len(text) - len(out)


def _replaced(text: str, raw: bytes) -> int:
    """U+FFFD written by the decoder, not the ones the file itself held."""
    return text.count("\ufffd") - raw.count("\ufffd".encode())


def _by_bom(data: bytes) -> Decoded | None:
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            bad = text.count("\ufffd")
            warnings = [f"{bad} invalid {name} sequence(s) replaced with \ufffd"] if bad else []
            return Decoded(text, name, warnings)
    return None


def _utf16_unmarked(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark: zero bytes on every other position (Latin-script text)."""
    sample = data[: SAMPLE - SAMPLE % 2]
    half = len(sample) // 2
    if half < 8:
        return None
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    for share_zero, share_other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if share_zero > 0.4 and share_other < 0.05:
            text = data[: len(data) - len(data) % 2].decode(codec, errors="replace")
            bad = text.count("\ufffd")
            warnings = ["read as UTF-16 (no byte-order mark)"]
            if bad:
                warnings.append(f"{bad} invalid UTF-16 sequence(s) replaced with \ufffd")
            return Decoded(text, "UTF-16", warnings)
    return None


def _utf8(data: bytes) -> Decoded | None:
    """UTF-8, or UTF-8 with a few bad bytes replaced; None when the file is in another encoding."""
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError as e:
        first = e.start
    text = data.decode("utf-8", errors="replace")
    bad = _replaced(text, data)
    wide = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")  # well-formed multibyte
    if wide == 0 or bad > wide:
        return None  # no well-formed multibyte character, or more bad bytes than good: another encoding
    return Decoded(
        text, "UTF-8", [f"{bad} invalid UTF-8 byte(s) replaced with \ufffd (the first at byte {first:,})"]
    )


def _single_byte(data: bytes, html: bool) -> Decoded:
    codec = (_declared(data) if html else None) or _guess(data) or "cp1252"
    if codec != "cp1252" and _same(data, codec, "cp1252"):
        codec = "cp1252"  # a short Latin text fits several code pages: name the common one
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        codec, text = "iso8859-1", data.decode("latin-1")  # every byte is a character; controls removed later
    name = f"Windows-{codec[2:]}" if codec.startswith("cp125") else codec.upper()
    return Decoded(text, name, [f"not UTF-8: read as {name}"])


def _same(data: bytes, one: str, other: str) -> bool:
    sample = data[:SAMPLE]
    return sample.decode(one, errors="replace") == sample.decode(other, errors="replace")


def _declared(data: bytes) -> str | None:
    """A page's own <meta charset>, when it names a single-byte encoding Python knows."""
    m = _CHARSET.search(data[:4096])
    return _single(m.group(1).decode("ascii", "replace")) if m else None


def _guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency of requests, pinned in requirements.txt
        return None
    best = from_bytes(data[:SAMPLE]).best()
    return _single(best.encoding) if best is not None else None


def _single(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return codec if codec in SINGLE_BYTE else None


def _control_share(text: str) -> float:
    """The share of control characters (other than tabs and line breaks): no article holds many."""
    if not text:
        return 0.0
    return (len(text) - len(text.translate(_CONTROLS))) / len(text)


def printable_name(name: str) -> str:
    """A file name fit to show and store: undecodable bytes as U+FFFD, controls removed."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join(ch for ch in name if unicodedata.category(ch) != "Cc")
