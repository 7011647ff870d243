"""Keywords of Chinese (and mixed) text with jieba: TF-IDF and TextRank over the words.

jieba loads a 20 MB dictionary (about two seconds here) the first time it segments: it is
loaded once per process, lazily, under a lock, so the server starts fast and no request pays
twice. Opening the composer (searching topics, checking a draft) starts the load on a
background thread, so the first suggestion usually finds it ready. Its console chatter and
the warnings of its old code are silenced.
"""

from __future__ import annotations

import logging
import threading
import warnings
from types import ModuleType
from typing import Any

_lock = threading.Lock()
_analyse: ModuleType | None = None
_warming = False

MIN_KEYWORD_CHARS = 2
"""Single characters (的, 很) carry no topic."""


def _jieba_analyse() -> ModuleType:
    global _analyse
    if _analyse is None:
        with _lock:
            if _analyse is None:
                with warnings.catch_warnings():
                    # jieba 0.42 has invalid escapes in regexes and leaves files unclosed.
                    warnings.simplefilter("ignore")
                    import jieba
                    import jieba.analyse

                    jieba.setLogLevel(logging.WARNING)
                    jieba.initialize()
                    jieba.analyse.extract_tags("预热")  # loads the IDF table now, not later
                _analyse = jieba.analyse
    return _analyse


def warm_up_in_background() -> None:
    """Start loading jieba on a daemon thread unless it is loaded or loading; returns at once."""
    global _warming
    if _analyse is not None or _warming:
        return
    _warming = True
    threading.Thread(target=_jieba_analyse, name="jieba-warm-up", daemon=True).start()


def _usable(word: str) -> bool:
    word = word.strip()
    return len(word) >= MIN_KEYWORD_CHARS and not word.replace(".", "").isdigit()


def keywords(text: str, *, limit: int) -> list[tuple[str, float]]:
    """The text's keywords with a weight in 0..1, best first.

    TF-IDF finds what is rare and repeated; TextRank what the text's words circle around. A
    word either method ranks gets the better of its two (max-normalised) weights, plus a
    little for being found by both.
    """
    if not text.strip():
        return []
    analyse = _jieba_analyse()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ranked: list[list[Any]] = [
            analyse.extract_tags(text, topK=limit * 2, withWeight=True),
            analyse.textrank(text, topK=limit * 2, withWeight=True),
        ]
    scores: dict[str, float] = {}
    hits: dict[str, int] = {}
    for results in ranked:
        usable = [(word, weight) for word, weight in results if _usable(word)]
        if not usable:
            continue
        top = max(weight for _, weight in usable) or 1.0
        for word, weight in usable:
            scores[word] = max(scores.get(word, 0.0), weight / top)
            hits[word] = hits.get(word, 0) + 1
    combined = {w: min(1.0, s + 0.1 * (hits[w] - 1)) for w, s in scores.items()}
    return sorted(combined.items(), key=lambda item: (-item[1], item[0]))[:limit]


def words(text: str) -> list[str]:
    """The text cut into words by jieba (precise mode), for matching phrases word by word."""
    _jieba_analyse()
    import jieba

    return jieba.lcut(text)
