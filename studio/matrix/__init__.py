"""Working across the accounts a user manages: what one note means for the others (issue 8)."""
