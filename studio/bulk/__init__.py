"""Bulk work on the Notes page: many notes scheduled across accounts with spacing rules, a
preset applied to their photos, moved to another account, or planned from a CSV file."""
