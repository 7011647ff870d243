"""The video editor: preview, player, timeline and panels of a video note."""
