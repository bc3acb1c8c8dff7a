"""The Mermaid `journey` block of the Markdown map reads back exactly what the map says, whatever the user typed:
its title, one section per stage, one task per touchpoint with its score and the persona as the actor.

The grammar is Mermaid's own (its journey.jison lexer reserves `#`, `;`, `:` and `%%`, and the keywords journey,
title, section, accTitle and accDescr at the start of a line, case-insensitively). One test runs that parser when
node and Mermaid are on the machine; it is skipped otherwise, so a fresh machine needs neither. To run it:

    npm install --prefix ~/.cache/journey-mermaid mermaid@11

(or point JOURNEY_MERMAID at any folder whose node_modules holds mermaid).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from assistant.journeymap.markdown import mermaid_score, mermaid_text, render_markdown
from assistant.journeymap.model import JourneyMap, Persona, Stage, Touchpoint
from tests.maps import hand_built_map

PIECES = [
    "Section A", "section", "Title page", "title", "journey", "Journeys", "accTitle: x", "accDescr {", "accDescr: y",
    "%%", "%%{init: {'theme': 'dark'}}%%", "50% off", "#1", "; drop", "a: b", "x, y", "line\nbreak", "`code`", "}",
    "Cà phê", "\ufeffTitle again",
]  # fmt: skip
NAMES = [" ".join(pair) for pair in itertools.permutations(PIECES[:12], 2)][::7] + PIECES
FULL_WIDTH_BACK = str.maketrans({"＃": "#", "；": ";", "：": ":", "，": ",", "｀": "`", "％": "%"})


def readable(parsed: str) -> str:
    """What a reader sees of a parsed name: the full-width stand-ins as the characters typed, no zero-width space."""
    return parsed.replace("\u200b", "").translate(FULL_WIDTH_BACK)


def typed(text: str) -> str:
    return " ".join(text.replace("\ufeff", " ").split())


def named_map(names: list[str]) -> JourneyMap:
    """A map whose title, persona, stages and touchpoints are all the hostile names, two touchpoints a stage."""
    base = hand_built_map()
    stages = [
        Stage(
            key=f"s{number}",
            name=names[number],
            touchpoints=[
                Touchpoint(key=f"s{number}/a", name=names[(number + 1) % len(names)], emotion_score=1 + number % 5),
                Touchpoint(key=f"s{number}/b", name=names[(number + 2) % len(names)]),
            ],
        )
        for number in range(len(names))
    ]
    return base.model_copy(
        update={"title": names[0], "persona": Persona(name=names[-1]), "stages": stages, "obstacles": [], "moments": []}
    )


def block(markdown: str) -> str:
    return markdown.split("```mermaid\n", 1)[1].split("```", 1)[0]


def expected(journey: JourneyMap) -> dict[str, object]:
    persona = journey.persona.name or ""
    return {
        "title": typed(journey.title),
        "sections": [typed(stage.name) for stage in journey.stages],
        "tasks": [
            [typed(tp.name), mermaid_score(tp.emotion_score or 3), [typed(persona)]]
            for stage in journey.stages
            for tp in stage.touchpoints
        ],
    }


def test_every_line_has_the_shape_the_grammar_expects() -> None:
    journey = named_map(NAMES)
    lines = block(render_markdown(journey)).splitlines()
    assert lines[0] == "journey"
    assert (
        lines[1].startswith("  title ") and lines[2].startswith("  accTitle: ") and lines[3].startswith("  accDescr: ")
    )
    tasks = sections = 0
    for line in lines[1:]:
        assert "%%" not in line and "#" not in line and ";" not in line, line
        if line.startswith("  section "):
            sections += 1
            assert ":" not in line
        elif line.startswith("    "):
            tasks += 1
            name, score, actor = line.strip().split(":")
            assert not re.match(r"(?i)(journey|title|section|acc)", name), "a keyword leads no task"
            assert 0 <= int(score) <= 5 and "," not in actor
    assert sections == len(journey.stages) and tasks == 2 * len(journey.stages)


@pytest.mark.parametrize(("score", "drawn"), [(-3, 0), (0, 0), (2.4, 2), (5, 5), (9, 5)])
def test_scores_are_clamped_to_what_the_diagram_draws(score: float, drawn: int) -> None:
    assert mermaid_score(score) == drawn


def test_a_name_that_is_all_punctuation_is_still_a_name() -> None:
    assert mermaid_text("#;\n") == "＃；"
    assert mermaid_text("   ") == "—"


# ----- Mermaid's own parser ------------------------------------------------------------------------------------

PARSE = r"""
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// The journey diagram's module holds the parser generated from journey.jison. Parsing through it with a recording
// `yy`, as Mermaid's own journeyDb does, needs no DOM (mermaid.parse() does, for its sanitiser).
const folder = join(process.argv[2], 'node_modules', 'mermaid', 'dist', 'chunks', 'mermaid.core');
const file = readdirSync(folder).find((name) => /^journeyDiagram-.*\.mjs$/.test(name));
const { diagram } = await import(pathToFileURL(join(folder, file)).href);
const results = [];
for (const text of JSON.parse(readFileSync(0, 'utf8'))) {
  const found = { sections: [], tasks: [] };
  diagram.parser.parser.yy = {
    setDiagramTitle: (title) => { found.title = title; },
    setAccTitle: (title) => { found.accTitle = title; },
    setAccDescription: (description) => { found.accDescr = description; },
    addSection: (name) => { found.sections.push(name); },
    addTask: (name, data) => {
      const [score, actors] = data.substr(1).split(':');
      found.tasks.push([name, Number(score), actors.split(',').map((actor) => actor.trim())]);
    },
  };
  try { diagram.parser.parse(text); } catch (error) { found.error = String(error.message).split('\n')[0]; }
  results.push(found);
}
process.stdout.write(JSON.stringify(results));
"""


def mermaid_folder() -> Path | None:
    folder = Path(os.environ.get("JOURNEY_MERMAID", Path.home() / ".cache" / "journey-mermaid"))
    chunks = folder / "node_modules" / "mermaid" / "dist" / "chunks" / "mermaid.core"
    if not chunks.is_dir() or not any(chunks.glob("journeyDiagram-*.mjs")):
        return None
    return folder


def test_mermaids_own_parser_reads_back_every_name_whole(tmp_path: Path) -> None:
    node = shutil.which("node")
    folder = mermaid_folder()
    if node is None or folder is None:
        pytest.skip("needs node and Mermaid: npm install --prefix ~/.cache/journey-mermaid mermaid@11")
    maps = [named_map(NAMES[start:] + NAMES[:start]) for start in range(0, len(NAMES), 5)]
    texts = [block(render_markdown(journey)) for journey in maps]
    script = tmp_path / "parse.mjs"
    script.write_text(PARSE, encoding="utf-8")
    done = subprocess.run(
        [node, str(script), str(folder)], input=json.dumps(texts), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    for journey, found in zip(maps, json.loads(done.stdout), strict=True):
        assert "error" not in found, found["error"]
        assert found["accTitle"] and found["accDescr"]
        parsed = {
            "title": readable(found["title"]),
            "sections": [readable(name) for name in found["sections"]],
            "tasks": [[readable(name), score, [readable(a) for a in actors]] for name, score, actors in found["tasks"]],
        }
        assert parsed == expected(journey)
