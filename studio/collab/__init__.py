"""The brand collaboration screens: briefs, invitations, applications and reviews."""
