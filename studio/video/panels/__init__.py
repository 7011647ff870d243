"""The video editor's side panels: Clip, Frame, Look, Text, Music and Cover.

Each panel shows the window's state (`show_edit(...)`, emitting nothing) and emits new
`VideoEdit` values: `previewed` while a gesture is under way and `committed` once it is one
undo step, plus intent signals for what only the window can do (pick a file, split a clip).
"""
