"""How alike two notes' texts are, as the platform's duplicate filter would see them.

Reposting the same text on several accounts is penalised even when topics, emoji, punctuation
or a few words were changed, so those are dropped first (`normalise`): NFKC (full-width forms
become ASCII), case folded, inline topics (``#话题[话题]#``, ``#word``) and mentions removed,
the platform's emoji shortcodes (``[笑哭R]``) too, and every character that is neither a letter,
a digit nor a combining mark (emoji, punctuation, symbols) turned into a space.
The words that remain (cut by a segmenter such as jieba, passed in as `cut`) form overlapping
word pairs (`shingles`); two texts are as similar as the Jaccard index of their pair sets,
from 0 (nothing shared) to 1 (the same words in the same order). Word pairs, not single words,
because two notes on one subject share many words but few pairs unless one copies the other.

Comparing one note with thousands at once uses MinHash `signature`s: `SIGNATURE_SIZE` minima
of salted hashes of the shingles, stored per text, whose share of equal positions estimates
the Jaccard index (standard error √(J(1−J)/128), 0.044 at worst) with one vectorised comparison
per note.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

Cut = Callable[[str], Sequence[str]]

SIGNATURE_SIZE = 128
"""Hash functions per MinHash signature: the estimate's standard error is √(J(1−J)/128), at
most 0.044 (at J = 0.5) and far less near 0 or 1; 512 bytes per text."""
SIGNATURE_VERSION = 1
"""Changes whenever normalising, cutting or hashing changes: stored signatures of another
version are not comparable and are made again."""

_MARKUP = re.compile(
    r"#[^#\s]{1,40}\[话题\]#"  # an inline topic as the platform writes it: #咖啡[话题]#
    r"|#\w{1,20}#?"  # a typed #tag (or #tag#); \w stops at punctuation and spaces
    r"|@\w{1,30}"  # a mention
    r"|\[\w{1,8}R\]"  # the platform's emoji shortcodes: [笑哭R]
)
_VARIATION_SELECTORS = frozenset(range(0xFE00, 0xFE10))
_KEPT_CATEGORIES = frozenset("LNM")
_SEPARATOR = "\x1f"


class _Blanking(dict[int, str]):
    """A `str.translate` table that learns each character the first time it meets it: kept
    as it is or turned into a space. Texts repeat a few thousand characters, so after
    warming up translating runs at C speed (a loop over characters is ten times slower)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        kept = (
            unicodedata.category(char)[0] in _KEPT_CATEGORIES and code not in _VARIATION_SELECTORS
        )
        self[code] = char if kept else " "
        return self[code]


_BLANKING = _Blanking()


def normalise(text: str) -> str:
    """The text with what does not make it another text removed (see the module's docstring)."""
    text = _MARKUP.sub(" ", unicodedata.normalize("NFKC", text)).casefold()
    return " ".join(text.translate(_BLANKING).split())


def words(text: str, cut: Cut) -> list[str]:
    """The words of an already normalised text, as `cut` segments it, without the spaces."""
    return [word for word in cut(text) if word.strip()]


def shingles(text_words: Sequence[str]) -> frozenset[str]:
    """Overlapping word pairs; a text of one word is that word."""
    if len(text_words) < 2:
        return frozenset(text_words)
    return frozenset(a + _SEPARATOR + b for a, b in zip(text_words, text_words[1:], strict=False))


def text_shingles(text: str, cut: Cut) -> frozenset[str]:
    """`shingles` of the normalised text."""
    return shingles(words(normalise(text), cut))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b|; 0 when both are empty (nothing to compare is no likeness)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def similarity(a: str, b: str, cut: Cut) -> float:
    """How alike two texts are, 0..1: the Jaccard index of their word pairs."""
    return jaccard(text_shingles(a, cut), text_shingles(b, cut))


@cache
def _salts() -> np.ndarray:
    """One 64-bit salt per hash function, derived from its index so that every process and
    every release computes the same signatures."""
    import numpy as np

    return np.array(
        [_hash64(f"minhash-{index}") for index in range(SIGNATURE_SIZE)], dtype=np.uint64
    )


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def _mix(values: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser, in place: a bijection of 64-bit values whose every output bit
    depends on every input bit, so `_mix(x ^ salt)` for different salts behave as unrelated
    hash functions. (A linear a·x + b without a modulus to wrap it is monotone in x and would
    make every function pick the same minimum.)"""
    import numpy as np

    values ^= values >> np.uint64(30)
    values *= np.uint64(0xBF58476D1CE4E5B9)
    values ^= values >> np.uint64(27)
    values *= np.uint64(0x94D049BB133111EB)
    values ^= values >> np.uint64(31)
    return values


def signature(text_shingles_: Iterable[str]) -> np.ndarray:
    """The MinHash signature of a set of shingles: `SIGNATURE_SIZE` ``uint32`` values (the
    high halves of the minima; equal minima have equal halves, unequal ones rarely do).

    Raises:
        ValueError: The set is empty (an empty text has no signature).
    """
    import numpy as np

    hashes = np.array(sorted({_hash64(shingle) for shingle in text_shingles_}), dtype=np.uint64)
    if hashes.size == 0:
        raise ValueError("no shingles to sign")
    minima = _mix(hashes[:, None] ^ _salts()[None, :]).min(axis=0)
    return (minima >> np.uint64(32)).astype(np.uint32)


def estimated_similarity(one: np.ndarray, many: np.ndarray) -> np.ndarray:
    """The Jaccard index of one signature with each row of `many` (n × `SIGNATURE_SIZE`),
    estimated as the share of equal positions; a float array of n values in 0..1."""
    return (many == one[None, :]).mean(axis=1)
