"""The wheel carries the banks and the HTML templates: a non-editable install, run from elsewhere, finds and loads
the bank and renders a map's page."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_wheel_install_finds_the_bundled_bank(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("journey-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "assistant/questionnaires/customer-journey.yaml" in names
        assert {"page.html", "canvas.html", "map.css"} <= {
            Path(name).name for name in names if name.startswith("assistant/journeymap/templates/")
        }

    site = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = (
        "import assistant, pathlib; from assistant.bank.loader import find_bank; "
        "from assistant.interview.engine import Interview; from assistant.journeymap.build import MapSource, build_map; "
        "from assistant.journeymap.html import render_html; "
        "loaded = find_bank('customer-journey'); "
        "print(pathlib.Path(assistant.__file__).parent); print(loaded.source); print(len(loaded.bank.steps)); "
        "state = Interview.start(loaded.bank, 'en', 'general').state; "
        "page = render_html(build_map(loaded.bank, state, MapSource('Probe', 'in_progress', '2026', '2026'))); "
        "print('<section id=\"canvas\"' in page and '--col: 220px' in page)"
    )
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=elsewhere, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    package_dir, source, steps, page = result.stdout.split("\n")[:4]
    assert Path(package_dir) == site / "assistant"
    assert Path(source).is_relative_to(site)
    assert steps == "6"
    assert page == "True", "the page's templates and stylesheet come from the installed package"
