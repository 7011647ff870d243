"""Qt item models over the app's data; views only display them."""
