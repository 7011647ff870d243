"""Notes as a business: domain rules, the backend, the client, scheduling and stats."""

__version__ = "0.1.0"
