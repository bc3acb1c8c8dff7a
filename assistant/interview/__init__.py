"""The interview engine: questions, answers, moves and progress, with no user interface."""
