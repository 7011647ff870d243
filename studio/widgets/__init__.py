"""Small reusable widgets: they show state and emit intent; they decide nothing."""
