"""Team screens: organizations, members and roles, invitations, managed accounts, security."""
