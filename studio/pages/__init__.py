"""Screens of the studio; the main window hosts them."""
