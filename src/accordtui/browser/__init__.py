"""The Textual browser: app, screens, widgets, palette commands, search and styles."""
