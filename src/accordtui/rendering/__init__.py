"""The validated agreement as a document, and that document as text, Markdown or JSON.

Knows nothing of files, terminals or Textual.
"""
