"""Running the real `journey` where file permissions hold, whoever runs the tests.

Root writes through permission bits, so a read-only file means nothing to it. Rather than switching to another
user (who may not be able to reach the interpreter, e.g. a clone in a 0700 folder or a Python under /root), a
root run drops the capabilities that bypass permissions from the child's bounding set: the child stays root and
the owner of every file the test made, and the mode bits decide, as they do for anyone else.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

BYPASSING = "-dac_override,-dac_read_search,-fowner"


def permissions_apply() -> list[str]:
    """The prefix that runs a command with permission bits enforced; skips the test when that cannot be had."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv to drop the capabilities that bypass permissions")
    prefix = [setpriv, f"--bounding-set={BYPASSING}"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, timeout=30)
    if probe.returncode != 0:
        pytest.skip("running as root and not allowed to drop capabilities")
    return prefix
