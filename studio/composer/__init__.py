"""The composer's pickers and panels around a note's text (issue 6)."""
