"""The brand's storefront: its details, its products, and products in and out as CSV."""
