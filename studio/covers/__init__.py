"""Cover templates in the app: the gallery, applying a template to the note's photos as an
editable cover, and saving a composed cover as the creator's own template."""
