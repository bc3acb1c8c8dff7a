"""The app's own widgets: the answer box and its parts, the conversation, the footer, the radio button."""
