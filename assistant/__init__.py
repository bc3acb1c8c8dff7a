"""journey: a terminal assistant that interviews you through building a customer journey map."""

__version__ = "0.1.0"
