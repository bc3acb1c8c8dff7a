"""journey: a terminal assistant that interviews you through building a customer journey map."""

import logging

__version__ = "0.1.0"

# Warnings go where the command line points them (a log file), never to a terminal a full-screen app owns.
logging.getLogger("journey").addHandler(logging.NullHandler())
