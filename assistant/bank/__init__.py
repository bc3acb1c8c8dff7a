"""The question-bank format, its checks and its loader."""
