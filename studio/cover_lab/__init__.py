"""The cover lab: the note's cover at its real size in a phone's two-column feed, beside the
account's recent notes, and cover variants side by side to judge legibility at tile size."""
