"""The obstacle reader's learned backoff: a multinomial Naive Bayes over the words of a clause, trained on the
labelled example sentences shipped beside the lexicon (`questionnaires/lexicon/examples-{vi,en}.yaml` and the
further `examples-{vi,en}-<name>.yaml`: long stories, terse shorthand).

The lexicon reads what its phrases name and says nothing about a sentence worded in a way it has not seen; the
model has seen every example sentence and leans on every word, so it carries the reader over the unseen wording
("the yoga membership is hard to justify for students" names no price phrase, but "membership", "justify" and
"students" are price words in the examples). The reader blends both (see `scoring` in the lexicon file).

What the model sees of a clause (`features`) is the reader's own view of it: the typed words without marks, their
pairs, four-letter pieces of them (a typo or a new compound still shares most of its pieces), and the lexicon's
keys (shorthand expanded, English stemmed, Vietnamese tones kept), key pairs, concepts and cue sets. The pieces
are many and overlapping, so each counts a fifth of a whole word (`GROUP_WEIGHTS`).

Both languages train one model: the concepts and cues are shared names ("price", "negation"), so what one
language's examples teach reaches the other.

The model is precomputed into `questionnaires/lexicon/obstacles-model.json`: plain counts, so training is exact and
deterministic and a test checks the shipped file against a fresh training. After changing the examples or the
lexicon (its keys, concepts and cues are features), regenerate it with

    python -m assistant.journeymap.learned      (or: make model)
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import JourneyError

if TYPE_CHECKING:
    from assistant.journeymap.reader import ObstacleReader

FORMAT = 1
# Laplace smoothing: small, so one example of a word already says something, but never certainty.
ALPHA = 0.2
# How much one feature of each group counts against one whole word (see the module docstring).
GROUP_WEIGHTS: dict[str, float] = {"g": 0.2, "w": 1.0, "b": 1.0, "k": 1.0, "p": 1.0, "c": 1.0, "q": 1.0}
PIECE = 4  # letters in a word piece
# A word piece met in one example only is left out of the file (the vocabulary size used for smoothing still counts
# it): each counts a fifth of a word, and together they change no held-out reading while making the file larger.
MIN_PIECE_EXAMPLES = 2
LANGUAGES = ("vi", "en")


def features(
    folded_words: Sequence[str], keys: Sequence[str], concepts: Iterable[str], cues: Iterable[str]
) -> frozenset[str]:
    """What the model sees of one clause, each feature once: a word said twice is no stronger."""
    found: set[str] = {"w:" + word for word in folded_words}
    found.update(f"b:{a}_{b}" for a, b in pairwise(folded_words))
    padded = f" {' '.join(folded_words)} "
    found.update("g:" + padded[index : index + PIECE] for index in range(len(padded) - PIECE + 1))
    found.update("k:" + key for key in keys)
    found.update(f"p:{a}_{b}" for a, b in pairwise(keys))
    found.update("c:" + concept for concept in concepts)
    found.update("q:" + cue for cue in cues)
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    kind: str
    language: str


class LearnedModel:
    """The trained counts as the file holds them; a prediction looks each feature up and adds what its counts say.
    Nothing is precomputed per feature at load (the file holds tens of thousands): a count's log comes from a table."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
        self.kinds: tuple[str, ...] = tuple(data["kinds"])
        self.data = data
        self.counts: dict[str, list[int]] = data["features"]
        self.weights: dict[str, float] = {group: float(weight) for group, weight in data["group_weights"].items()}
        alpha = float(data["alpha"])
        vocabulary = int(data["vocabulary"])
        examples = [int(data["examples"][kind]) for kind in self.kinds]
        self.log_prior = [math.log(count / sum(examples)) for count in examples]
        # A feature never seen with a kind still costs it log(α / (total + α·V)): `unseen` per kind and unit weight;
        # one seen `n` times lifts it by log((n + α) / α) over that.
        self.unseen = [math.log(alpha / (float(data["totals"][kind]) + alpha * vocabulary)) for kind in self.kinds]
        highest = max((max(counts[1::2]) for counts in self.counts.values()), default=0)
        self.lift = [math.log((count + alpha) / alpha) for count in range(highest + 1)]
        self._vectors: dict[str, tuple[float, ...]] = {}

    @classmethod
    def load(cls, path: Path) -> LearnedModel:
        try:
            return cls(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise JourneyError("map.lexicon_invalid", path=str(path), reason=f"learned model: {error}") from None

    def log_likelihoods(self, found: Iterable[str]) -> dict[str, float]:
        """log P(kind) + Σ weight · log P(feature | kind) over the features the model knows (others say nothing)."""
        vectors = self._vectors
        known: list[tuple[float, ...]] = []
        for feature in found:
            vector = vectors.get(feature)
            if vector is None:
                counts = self.counts.get(feature)
                if counts is None:
                    continue
                vector = self._vector_of(feature, counts)
            known.append(vector)
        if not known:
            return dict(zip(self.kinds, self.log_prior, strict=True))
        return {
            kind: prior + sum(column)
            for kind, prior, column in zip(self.kinds, self.log_prior, zip(*known, strict=True), strict=True)
        }

    def _vector_of(self, feature: str, counts: list[int]) -> tuple[float, ...]:
        """What one feature adds to each kind, weight · log P(feature | kind), worked out the first time a clause
        holds it (the file holds tens of thousands; a process meets a few thousand)."""
        weight = self.weights[feature[0]]
        values = [weight * unseen for unseen in self.unseen]
        for index in range(0, len(counts), 2):
            values[counts[index]] += weight * self.lift[counts[index + 1]]
        vector = tuple(values)
        self._vectors[feature] = vector
        return vector


def bundled_model_path() -> Path:
    from assistant.journeymap.lexicon import bundled_lexicon_path

    return bundled_lexicon_path().with_name("obstacles-model.json")


def bundled_examples_paths() -> dict[str, tuple[Path, ...]]:
    """Each language's example files beside the lexicon: `examples-<language>.yaml` (which also holds the compound
    and no-obstacle answers the tests read) first, then any further `examples-<language>-<name>.yaml` by name."""
    from assistant.journeymap.lexicon import bundled_lexicon_path

    folder = bundled_lexicon_path().parent
    return {
        language: (folder / f"examples-{language}.yaml", *sorted(folder.glob(f"examples-{language}-*.yaml")))
        for language in LANGUAGES
    }


def load_examples(paths: dict[str, tuple[Path, ...]] | None = None) -> list[Example]:
    """The labelled sentences (`obstacles:`) of every examples file, in file order."""
    import yaml

    examples: list[Example] = []
    for language, files in (paths or bundled_examples_paths()).items():
        for path in files:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            examples.extend(Example(entry["text"], entry["kind"], language) for entry in data["obstacles"])
    return examples


def train(reader: ObstacleReader, examples: Sequence[Example]) -> dict[str, Any]:
    """The model file's content for these examples, as the reader's lexicon sees them: counts only, so the same
    examples and lexicon always give the same file."""
    kinds = list(reader.kinds)
    per_kind: dict[str, Counter[str]] = {kind: Counter() for kind in kinds}
    examples_per_kind: Counter[str] = Counter()
    for example in examples:
        per_kind[example.kind].update(reader.features(example.text))
        examples_per_kind[example.kind] += 1
    seen: Counter[str] = Counter()
    for counts in per_kind.values():
        seen.update(counts)
    vocabulary = sorted(seen)
    kept = [feature for feature in vocabulary if not feature.startswith("g:") or seen[feature] >= MIN_PIECE_EXAMPLES]
    table = {
        feature: [
            part
            for index, kind in enumerate(kinds)
            if per_kind[kind][feature]
            for part in (index, per_kind[kind][feature])
        ]
        for feature in kept
    }
    return {
        "format": FORMAT,
        "about": "Generated by `python -m assistant.journeymap.learned` from the examples beside it; do not edit.",
        "kinds": kinds,
        "alpha": ALPHA,
        "group_weights": GROUP_WEIGHTS,
        "examples": {kind: examples_per_kind[kind] for kind in kinds},
        "totals": {kind: sum(per_kind[kind].values()) for kind in kinds},
        "vocabulary": len(vocabulary),
        "features": table,
    }


def dumps(model: dict[str, Any]) -> str:
    """One feature a line, in sorted order: a changed example shows as a few changed lines in a diff."""
    head = {key: value for key, value in model.items() if key != "features"}
    lines = [json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1] + ', "features": {']
    items = sorted(model["features"].items())
    for number, (feature, counts) in enumerate(items):
        comma = "," if number + 1 < len(items) else ""
        lines.append(f"{json.dumps(feature, ensure_ascii=False)}: {json.dumps(counts, separators=(',', ':'))}{comma}")
    lines.append("}}")
    return "\n".join(lines) + "\n"


def fresh_model_text() -> str:
    """The model file as a fresh training on the bundled examples and lexicon would write it."""
    from assistant.journeymap.reader import ObstacleReader

    return dumps(train(ObstacleReader.load(learned=False), load_examples()))


def main() -> None:
    path = bundled_model_path()
    text = fresh_model_text()
    path.write_text(text, encoding="utf-8")
    model = json.loads(text)
    trained = ", ".join(f"{kind} {count}" for kind, count in model["examples"].items())
    print(f"wrote {path} ({len(text) / 1024:.0f} KiB, {model['vocabulary']} features; examples: {trained})")


if __name__ == "__main__":
    main()
