"""The photo editor's side panels: Adjust, Curves, Filters and Presets.

Each panel shows a recipe (`set_recipe`, emitting nothing) and emits new recipes:
`previewed` while a gesture is under way and `committed` once it is one undo step.
"""
