"""The publish package dialog: images, caption and files a human posts by hand."""
