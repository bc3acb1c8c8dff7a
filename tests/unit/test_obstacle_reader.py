"""The obstacle reader: kinds on the labelled corpus, cutting answers into obstacles, "no obstacle" answers,
diacritics as meaning, shorthand, themes, the margin that falls back to "other", and a sanity bound on speed.

Run with `-s` to see the accuracy per language and the confusion of the misses.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.errors import JourneyError
from assistant.journeymap.lexicon import bundled_lexicon_path
from assistant.journeymap.reader import KINDS, ObstacleReader

CORPUS_DIR = Path(__file__).resolve().parent.parent / "data" / "obstacles"
LANGUAGES = ("vi", "en")
REQUIRED_ACCURACY = 0.92


@pytest.fixture(scope="module")
def reader() -> ObstacleReader:
    return ObstacleReader.load()


def corpus(language: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((CORPUS_DIR / f"dev-{language}.yaml").read_text(encoding="utf-8"))
    return data


def kinds_read(reader: ObstacleReader, text: str) -> list[str]:
    return [obstacle.kind for obstacle in reader.read(text)]


def one_per_run(kinds: list[str]) -> list[str]:
    """Neighbouring clauses of one kind may be read as one obstacle or two (the brief leaves it open)."""
    return [kind for index, kind in enumerate(kinds) if index == 0 or kinds[index - 1] != kind]


# --- the corpus ---


@pytest.mark.parametrize("language", LANGUAGES)
def test_corpus_is_large_and_labelled_with_the_shared_kinds(language: str) -> None:
    data = corpus(language)
    assert data["language"] == language
    assert len(data["obstacles"]) >= 220
    assert {entry["kind"] for entry in data["obstacles"]} == set(KINDS)
    assert all(set(kinds) <= set(KINDS) for kinds in (entry["kinds"] for entry in data["compound"] + data["none"]))


def test_a_third_of_the_vietnamese_corpus_is_typed_without_marks() -> None:
    from assistant.text import fold

    texts = [entry["text"] for entry in corpus("vi")["obstacles"]]
    bare = [text for text in texts if fold(text) == " ".join(text.casefold().split())]
    assert len(bare) * 3 >= len(texts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_kind_accuracy_on_the_dev_corpus(reader: ObstacleReader, language: str) -> None:
    entries = corpus(language)["obstacles"]
    misses: Counter[tuple[str, str]] = Counter()
    examples: list[str] = []
    subkinds_right = subkinds_named = 0
    for entry in entries:
        read = reader.classify(entry["text"])
        if read.kind != entry["kind"]:
            misses[(entry["kind"], read.kind)] += 1
            examples.append(f"    {entry['kind']:>12} → {read.kind:<12} {entry['text']}")
        elif entry.get("subkind"):
            subkinds_named += 1
            subkinds_right += read.subkind == entry["subkind"]
    accuracy = 1 - sum(misses.values()) / len(entries)
    print(f"\n[{language}] kind accuracy {accuracy:.3f} on {len(entries)} sentences; ", end="")
    print(f"subkind {subkinds_right}/{subkinds_named} where the kind is right")
    for (expected, got), count in misses.most_common():
        print(f"  {expected} read as {got}: {count}")
    print("\n".join(examples))
    assert accuracy >= REQUIRED_ACCURACY


@pytest.mark.parametrize("language", LANGUAGES)
def test_compound_answers_give_their_kinds_in_order(reader: ObstacleReader, language: str) -> None:
    entries = corpus(language)["compound"]
    wrong = [(entry["text"], entry["kinds"], kinds_read(reader, entry["text"])) for entry in entries]
    wrong = [item for item in wrong if one_per_run(item[1]) != one_per_run(item[2])]
    for text, expected, got in wrong:
        print(f"\n  {expected} ≠ {got}: {text!r}")
    assert len(wrong) <= len(entries) // 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_obstacle_answers_in_the_corpus(reader: ObstacleReader, language: str) -> None:
    for entry in corpus(language)["none"]:
        assert kinds_read(reader, entry["text"]) == entry["kinds"], entry["text"]


# --- cutting an answer into obstacles ---


def test_an_answer_naming_three_obstacles_gives_three(reader: ObstacleReader) -> None:
    found = reader.read("Slow reply at night, price list is just a photo, and deposit by bank transfer only")
    assert [(o.kind, o.text) for o in found] == [
        ("support", "Slow reply at night"),
        ("information", "price list is just a photo"),
        ("complexity", "deposit by bank transfer only"),
    ]
    assert found[0].subkind == "off_hours"


def test_one_obstacle_with_a_comma_or_and_stays_one(reader: ObstacleReader) -> None:
    assert kinds_read(reader, "fees and taxes are only shown at the end") == ["information"]
    assert kinds_read(reader, "Page trả lời tin nhắn chậm, có khi 3–4 tiếng") == ["support"]
    assert kinds_read(reader, "Delivery takes a week, sometimes two") == ["availability"]
    assert kinds_read(reader, "No prices shown on the fanpage, have to message") == ["information"]


def test_lines_bullets_semicolons_and_numbers_always_cut(reader: ObstacleReader) -> None:
    assert kinds_read(reader, "- Hết phòng cuối tuần\n- Ảnh khác thực tế\n- Phải cọc 50%") == [
        "availability",
        "trust",
        "price",
    ]
    assert kinds_read(reader, "Khách sợ hàng giả; phí ship đắt; không có COD") == ["trust", "price", "complexity"]
    assert kinds_read(reader, "1) long forms 2) slow replies 3) high deposit") == ["complexity", "support", "price"]


def test_vietnamese_joining_words_cut_between_two_obstacles(reader: ObstacleReader) -> None:
    assert kinds_read(reader, "giao hang lau voi lai ko co ma giam gia") == ["availability", "price"]
    assert kinds_read(reader, "Quán khó tìm, còn menu thì không có giá") == ["availability", "information"]
    assert kinds_read(reader, "Chưa có review, rồi phí ship lại cao") == ["trust", "price"]


def test_two_price_clauses_of_different_subkinds_stay_two_and_of_one_subkind_become_one(
    reader: ObstacleReader,
) -> None:
    assert [(o.kind, o.subkind) for o in reader.read("giá cao và phí ship đắt")] == [
        ("price", "too_expensive"),
        ("price", "shipping_fee"),
    ]
    assert [(o.kind, o.text) for o in reader.read("Giá cao, giá hơi chát")] == [("price", "Giá cao, giá hơi chát")]


def test_a_part_that_only_says_what_is_wrong_borrows_the_subject_before_it(reader: ObstacleReader) -> None:
    found = reader.read("shipping is expensive and slow")
    assert [(o.kind, o.text) for o in found] == [("price", "shipping is expensive"), ("availability", "slow")]


def test_the_reason_after_but_decides_a_single_clause(reader: ObstacleReader) -> None:
    assert kinds_read(reader, "Sản phẩm tốt nhưng giá hơi cao") == ["price"]
    assert kinds_read(reader, "Giá ổn nhưng ship lâu") == ["availability"]
    assert kinds_read(reader, "The staff are friendly but the wait is long") == ["availability"]


# --- answers that say there is no obstacle ---


@pytest.mark.parametrize(
    "text",
    ["none", "nothing really", "no problem", "n/a", "-", "không có", "ko có gì", "chưa thấy", "ổn", "ổn cả",
     "không vấn đề gì", "chưa gặp", "Nope", "All good", "khong co gi", "Giá ổn, ship nhanh", "Price is fine"],
)  # fmt: skip
def test_no_obstacle_answers_give_nothing(reader: ObstacleReader, text: str) -> None:
    assert reader.says_none(text)
    assert reader.read(text) == []


@pytest.mark.parametrize("text", ["Không có wifi", "không có giá", "Không ổn", "Khách chưa có nhu cầu", "none left"])
def test_answers_that_only_start_like_none_are_obstacles(reader: ObstacleReader, text: str) -> None:
    assert not reader.says_none(text)
    assert reader.read(text)


def test_none_but_keeps_only_what_follows_the_but(reader: ObstacleReader) -> None:
    english = reader.read("None, it is easy. But we pay 15% commission")
    assert [(o.kind, o.subkind, o.text) for o in english] == [("price", "commission", "we pay 15% commission")]
    vietnamese = reader.read("không có gì, nhưng khách hay hỏi phí ship")
    assert [(o.kind, o.text) for o in vietnamese] == [("price", "khách hay hỏi phí ship")]
    assert not reader.says_none("không có gì, nhưng khách hay hỏi phí ship")


# --- diacritics, shorthand, language ---


def test_diacritics_are_meaning(reader: ObstacleReader) -> None:
    assert reader.classify("Giá cao quá").kind == "price"
    assert reader.classify("Sợ hàng giả").kind == "trust"
    assert reader.classify("Tham gia workshop rồi mới mua").kind == "other"  # gia (join) is not giá
    assert reader.classify("Khách không tin shop").kind == "trust"
    assert reader.classify("Tin nhắn trả lời chậm").kind == "support"  # tin nhắn (a message) is not tin (trust)
    assert reader.classify("Chờ lâu quá").kind == "availability"
    assert reader.classify("Tiền ship 40k").kind == "price"
    assert "price" not in reader.classify("Chờ 3 tiếng").matched


def test_text_typed_without_marks_matches_the_lexicon_without_its_marks(reader: ObstacleReader) -> None:
    assert reader.classify("phi ship cao qua").kind == "price"
    assert reader.classify("shop tra loi cham").kind == "support"
    assert reader.classify("hang nhai nhieu qua nen khach nghi ngo").kind == "trust"
    # Typed with marks, "dat" is đặt (to book): "đặt qua app" is no price.
    assert reader.classify("Đặt qua app bị lỗi").kind == "availability"


def test_where_the_tone_mark_sits_does_not_matter(reader: ObstacleReader) -> None:
    old_style, new_style = reader.classify("Phí huỷ phòng cao"), reader.classify("Phí hủy phòng cao")
    assert old_style.kind == new_style.kind == "price"
    assert old_style.matched == new_style.matched


def test_owner_shorthand_is_expanded(reader: ObstacleReader) -> None:
    assert reader.classify("ko co COD").kind == "complexity"
    assert reader.classify("k có voucher").kind == "price"
    assert reader.classify("ib rep cham").kind == "support"
    assert reader.classify("Seen không rep").kind == "support"
    assert reader.classify("cskh kém").kind == "support"
    # "kh" before "hỏi" is a customer asking, not a negation.
    assert "khong" not in reader.classify("kh hỏi giá xong im").terms


def test_english_is_stemmed_and_forgives_a_typo(reader: ObstacleReader) -> None:
    assert reader.classify("App crashed at checkout").kind == "availability"
    assert reader.classify("replies are slow").kind == "support"
    assert reader.classify("delivary takes 2 weeks").kind == "availability"
    # A real word one letter from a lexicon word is not "repaired" into it.
    assert reader.classify("flower prices are not on the page").kind == "information"


def test_the_language_is_the_readers_own_guess(reader: ObstacleReader) -> None:
    assert reader.classify("khách hay inbox hỏi ship COD").terms >= {"message", "cod"}
    assert reader.classify("website down on weekends").kind == "availability"


# --- themes, terms, confidence ---


def test_same_theme_is_one_kind_and_one_shared_concept(reader: ObstacleReader) -> None:
    shown = reader.classify("No prices shown on the fanpage")
    photo = reader.classify("price list is just a photo")
    message = reader.classify("No prices shown on the fanpage, have to message")
    assert reader.same_theme(shown, photo) and reader.same_theme(shown, message) and reader.same_theme(photo, message)
    assert not reader.same_theme(reader.classify("Shipping fee too high"), reader.classify("Slow delivery"))
    assert not reader.same_theme(reader.classify("giá cao"), reader.classify("phí ship đắt"))  # two subkinds


def test_a_concept_named_in_either_language_is_one_term(reader: ObstacleReader) -> None:
    vietnamese, english = reader.classify("Fanpage không để giá"), reader.classify("No prices on the fanpage")
    assert vietnamese.terms >= {"price", "fanpage"} and english.terms >= {"price", "fanpage"}
    assert reader.same_theme(vietnamese, english)


def test_terms_are_accent_free_meaning_words(reader: ObstacleReader) -> None:
    terms = reader.classify("Khách hàng chê phí vận chuyển quá đắt").terms
    assert terms >= {"shipping", "fee"}
    assert not terms & {"khach", "hang", "qua", "khách"}
    assert all(term.isascii() for term in terms)


def test_confidence_is_the_margin_over_the_runner_up(reader: ObstacleReader) -> None:
    read = reader.classify("Phí ship cao, nhân viên cáu gắt")
    ranked = sorted(read.scores.values(), reverse=True)
    assert read.confidence == pytest.approx((ranked[0] - ranked[1]) / ranked[0], abs=0.01)
    assert set(read.scores) == set(KINDS)
    assert reader.classify("Phí ship cao quá").confidence == 1.0


def test_no_clear_winner_is_other(reader: ObstacleReader) -> None:
    tie = reader.classify("Phí ship cao, khách sợ hàng giả")  # price and trust, about as strong
    assert tie.kind == "other" and tie.subkind is None
    assert tie.confidence < reader.scoring.min_margin
    assert tie.scores["price"] > 0 and tie.scores["trust"] > 0


def test_the_margin_is_the_lexicons(tmp_path: Path) -> None:
    text = bundled_lexicon_path().read_text(encoding="utf-8")
    assert "  min_margin: 0.2\n" in text
    strict = tmp_path / "obstacles.yaml"
    strict.write_text(text.replace("  min_margin: 0.2\n", "  min_margin: 0.5\n"), encoding="utf-8")
    clear_enough = "Phí ship cao, web hơi lag"  # price ahead of availability by about a third
    assert ObstacleReader.load().classify(clear_enough).kind == "price"
    assert ObstacleReader.load(strict).classify(clear_enough).kind == "other"
    assert ObstacleReader.load(strict).classify("Phí ship cao quá").kind == "price"


def test_nothing_recognised_is_other_with_no_confidence(reader: ObstacleReader) -> None:
    read = reader.classify("thứ ba tuần sau")
    assert read.kind == "other" and read.confidence == 0.0 and read.matched == ()


# --- the lexicon file ---


def test_a_malformed_lexicon_is_refused_with_the_place(tmp_path: Path) -> None:
    text = bundled_lexicon_path().read_text(encoding="utf-8")
    broken = tmp_path / "obstacles.yaml"
    broken.write_text(text.replace("shift: {money: price/deposit,", "shift: {money: price/nowhere,", 1), "utf-8")
    with pytest.raises(JourneyError, match="nowhere"):
        ObstacleReader.load(broken)


def test_a_phrase_listed_under_two_kinds_is_refused(tmp_path: Path) -> None:
    text = bundled_lexicon_path().read_text(encoding="utf-8")
    twice = tmp_path / "obstacles.yaml"
    twice.write_text(text.replace("vi: [hết hàng, hết size,", "vi: [hàng giả, hết hàng, hết size,", 1), "utf-8")
    with pytest.raises(JourneyError, match="hàng giả"):
        ObstacleReader.load(twice)


def test_the_reader_is_compiled_once(reader: ObstacleReader) -> None:
    assert ObstacleReader.load() is reader


# --- speed ---


def test_classify_is_fast(reader: ObstacleReader) -> None:
    """A sanity bound only, so it never flakes: the real budget (0.5 ms median) is in tests/benchmarks."""
    sentences = [entry["text"] for language in LANGUAGES for entry in corpus(language)["obstacles"]]
    samples = []
    for sentence in sentences:
        start = time.perf_counter()
        reader.classify(sentence)
        samples.append(time.perf_counter() - start)
    assert statistics.median(samples) < 0.005
