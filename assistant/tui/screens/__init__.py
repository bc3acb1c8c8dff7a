"""The app's screens: the interview list, the new-interview form, the interview, and the mixin they share."""
