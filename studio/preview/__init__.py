"""The note as readers will meet it: a feed tile at real size and the note page on a phone."""
