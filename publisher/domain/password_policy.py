"""What a password must be: long enough and not guessable, judged by zxcvbn.

No composition rules (a digit, a capital …): they make passwords harder to remember without
making them harder to guess (NIST SP 800-63B). zxcvbn estimates how many guesses a password
takes against dictionaries, common passwords, keyboard walks and the user's own name and
e-mail, so "Xiaohongshu2026" passes and "password123" or the user's e-mail does not.
"""

from __future__ import annotations

from collections.abc import Sequence

MIN_LENGTH = 10
MAX_LENGTH = 256
MIN_SCORE = 3
"""zxcvbn's "safely unguessable": about 10^8 guesses, beyond an online attack's reach."""


def password_problem(password: str, personal: Sequence[str] = ()) -> str | None:
    """Why the password is refused (`too_short`, `too_long`, `too_guessable`), or None.

    `personal` are words from the user's own details (e-mail, name) that an attacker tries
    first."""
    if len(password) < MIN_LENGTH:
        return "too_short"
    if len(password) > MAX_LENGTH:
        return "too_long"
    from zxcvbn import zxcvbn  # its dictionaries take a moment to load: only when needed

    # zxcvbn's cost grows with length; past 100 characters nothing is guessable anyway.
    if zxcvbn(password[:100], user_inputs=[p for p in personal if p])["score"] < MIN_SCORE:
        return "too_guessable"
    return None
