"""Money as the backend keeps it (fen, an int) and as people read and type it (¥ with two
decimals). Qt-free, so the briefs tab, the invite dialog and the creator side share it."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

MAX_FEN = 10**12
"""The backend's ceiling on an amount (`publisher.brief_schemas.Money`)."""

_SYMBOLS = ("¥", "￥", "元", "RMB", "CNY")


class MoneyError(ValueError):
    """Typed text that is not an amount of yuan; `code` names why, for `studio.messages`."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = {"text": text}


def fen_text(fen: int, currency: str = "CNY") -> str:
    """¥1,280.00 from 128000 fen; other currencies by their code."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    amount = f"{sign}{whole:,}.{cents:02d}"
    return f"¥{amount}" if currency == "CNY" else f"{currency} {amount}"


def yuan_input(fen: int) -> str:
    """What an input box shows for `fen`: 1280.5 → "1280.50", no symbol, no separators."""
    whole, cents = divmod(fen, 100)
    return f"{whole}.{cents:02d}"


def parse_yuan(text: str) -> int | None:
    """Fen from typed yuan ("1280", "¥1,280.50", "１２８０" in full width); None when empty.

    Raises `MoneyError` for text that is not a non-negative amount with at most two decimals
    or is above what the backend keeps.
    """
    cleaned = text.strip()
    for symbol in _SYMBOLS:
        cleaned = cleaned.replace(symbol, "")
    # Full-width digits and punctuation, as a Chinese input method types them.
    cleaned = cleaned.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})
    cleaned = cleaned.replace(",", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise MoneyError("money.invalid", text) from None
    if not amount.is_finite() or amount < 0:
        raise MoneyError("money.invalid", text)
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise MoneyError("money.too_precise", text)
    if fen > MAX_FEN:
        raise MoneyError("money.too_large", text)
    return int(fen)
