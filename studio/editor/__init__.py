"""The photo editor of the Create page: canvas, crop tool, panels, history and renders."""
