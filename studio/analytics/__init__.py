"""The data center's screens: the Analytics page, its charts, tables, imports and exports."""
