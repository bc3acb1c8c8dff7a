"""The full-screen Textual app: the only package that imports Textual."""
