"""Drafts being written: the local truth, its crash journal, and autosave to the backend."""
