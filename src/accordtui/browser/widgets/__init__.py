"""Widgets of the browser, each reusable and styled by its own DEFAULT_CSS."""
