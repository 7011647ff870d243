"""The studio's way to a note's public page on the backend: its link and QR code, and the
readers' comments held for the note's authors."""
