"""Near-duplicate articles: the same story republished, a wire copy with small edits.

An article's text becomes the set of its word 5-grams (shingles), summarised by
a MinHash signature of 64 values: the share of equal values between two
signatures estimates the Jaccard resemblance of the two shingle sets. The
signature is cut into 16 bands of 4 values; two articles that share a band are
candidates (locality-sensitive hashing: a store looks candidates up by band
instead of comparing with every article), and a candidate whose estimated
containment (the shared shingles over the smaller set) reaches CONTAINMENT is
a copy. One changed word costs five shingles of hundreds; a different story on
the same event shares almost none, because its sentences are its own.

Hashes are stable across processes (blake2b, a fixed seed): signatures are stored.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

SHINGLE = 5  # words per shingle
PERMUTATIONS = 64
BANDS = 16  # of PERMUTATIONS // BANDS = 4 values: resemblance 0.5 is found 65% of the time, 0.8 always
CONTAINMENT = 0.8  # the share of the smaller text's shingles found in the other: a copy
MIN_SHINGLES = 12  # shorter texts (a headline, a caption) are never judged copies
_PRIME = (1 << 61) - 1
_RNG = np.random.default_rng(20240229)
_A = _RNG.integers(1, 1 << 31, PERMUTATIONS, dtype=np.uint64)
_B = _RNG.integers(0, 1 << 31, PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fingerprint:
    """A text's MinHash signature and how many distinct shingles it summarises."""

    signature: tuple[int, ...]
    shingles: int

    def to_text(self) -> str:
        """The form a store keeps: the count, then the signature, space-separated."""
        return " ".join(map(str, (self.shingles, *self.signature)))

    @classmethod
    def from_text(cls, value: str) -> Fingerprint:
        numbers = [int(v) for v in value.split()]
        return cls(tuple(numbers[1:]), numbers[0])


def _shingle_hashes(text: str) -> np.ndarray:
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}
    digests = [hashlib.blake2b(g.encode(), digest_size=4).digest() for g in grams]
    return np.frombuffer(b"".join(digests), dtype=">u4").astype(np.uint64)


def fingerprint(text: str) -> Fingerprint | None:
    """The text's fingerprint; None for a text too short to judge."""
    hashes = _shingle_hashes(text)
    if len(hashes) < MIN_SHINGLES:
        return None
    # (a*x + b) mod p for every permutation and shingle; a, b, x < 2**32 so nothing overflows 64 bits
    values = (_A[:, None] * hashes[None, :] + _B[:, None]) % np.uint64(_PRIME)
    return Fingerprint(tuple(int(v) for v in values.min(axis=1)), len(hashes))


def band_keys(fp: Fingerprint) -> list[str]:
    """The LSH keys of a fingerprint: two copies share at least one with near certainty."""
    rows = PERMUTATIONS // BANDS
    keys = []
    for band in range(BANDS):
        part = ",".join(map(str, fp.signature[band * rows : (band + 1) * rows]))
        keys.append(f"{band}:{hashlib.blake2b(part.encode(), digest_size=8).hexdigest()}")
    return keys


def resemblance(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard resemblance of the two shingle sets."""
    return sum(x == y for x, y in zip(a.signature, b.signature, strict=True)) / PERMUTATIONS


def containment(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated share of the smaller set's shingles that the other holds.

    From J = |A and B| / |A or B| and the set sizes: |A and B| = J (|A| + |B|) / (1 + J).
    """
    j = resemblance(a, b)
    shared = j * (a.shingles + b.shingles) / (1 + j)
    return min(1.0, shared / min(a.shingles, b.shingles))


def is_copy(a: Fingerprint | None, b: Fingerprint | None) -> bool:
    """Whether two articles are one text: republished, or a wire copy with small edits."""
    return a is not None and b is not None and containment(a, b) >= CONTAINMENT


def first_copy(fp: Fingerprint | None, known: dict[str, tuple[Fingerprint, str]]) -> str | None:
    """The article a new text copies, from candidates {article_id: (fingerprint, its own first copy)}.

    The best match wins; a copy of a copy is linked to the first copy, so one story has one root.
    """
    if fp is None:
        return None
    best = max(
        (
            (containment(fp, other), root or article_id)
            for article_id, (other, root) in known.items()
            if other is not None
        ),
        default=(0.0, None),
    )
    return best[1] if best[0] >= CONTAINMENT else None
