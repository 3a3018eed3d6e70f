"""The agreement and its reading: bytes → YAML values → validated model, cached.

Knows nothing of rendering, writing or any interface.
"""
