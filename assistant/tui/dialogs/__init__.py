"""The dialogs the screens open: confirmations, text prompts, help, the answer picker, the map preview, export and
the customer survey's import."""
