"""The obstacle reader: kinds on the labelled corpus, cutting answers into obstacles, "no obstacle" answers,
diacritics as meaning, shorthand, themes, the margin that falls back to "other", and a sanity bound on speed.

Run with `-s` to see the accuracy per language and the confusion of the misses.
"""

from __future__ import annotations

import math
import statistics
import time
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.errors import JourneyError
from assistant.journeymap.learned import (
    LearnedModel,
    bundled_examples_paths,
    bundled_model_path,
    fresh_model_text,
    load_examples,
)
from assistant.journeymap.lexicon import bundled_lexicon_path
from assistant.journeymap.reader import KINDS, ObstacleReader, blend

CORPUS_DIR = Path(__file__).resolve().parent.parent.parent / "questionnaires" / "lexicon"
HELD_OUT_DIR = Path(__file__).resolve().parent.parent / "data" / "obstacles"
LANGUAGES = ("vi", "en")
REQUIRED_ACCURACY = 0.92  # on the examples, which the model is trained on: a floor, not a measure
# The held-out sets, each written by another author blind to the reader: `heldout` (the reader's lexicon work has
# been measured on it), `heldout2` (nothing has been tuned to it).
HELD_OUT_SETS = ("heldout", "heldout2")
REQUIRED_HELD_OUT_ACCURACY = 0.91  # measured 0.937 / 0.926 (heldout vi / en), 0.932 / 0.918 (heldout2 vi / en)


@pytest.fixture(scope="module")
def reader() -> ObstacleReader:
    return ObstacleReader.load()


@cache  # read, never changed, by a dozen tests: parsed once
def corpus(language: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((CORPUS_DIR / f"examples-{language}.yaml").read_text(encoding="utf-8"))
    return data


@cache
def examples(language: str) -> list[dict[str, Any]]:
    """Every labelled obstacle sentence of the language: the main examples file and the further ones beside it."""
    entries: list[dict[str, Any]] = []
    for path in sorted(CORPUS_DIR.glob(f"examples-{language}*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["language"] == language, path
        entries += data["obstacles"]
    return entries


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
    entries = examples(language)
    misses: Counter[tuple[str, str]] = Counter()
    missed: list[str] = []
    subkinds_right = subkinds_named = 0
    for entry in entries:
        read = reader.classify(entry["text"])
        if read.kind != entry["kind"]:
            misses[(entry["kind"], read.kind)] += 1
            missed.append(f"    {entry['kind']:>12} → {read.kind:<12} {entry['text']}")
        elif entry.get("subkind"):
            subkinds_named += 1
            subkinds_right += read.subkind == entry["subkind"]
    accuracy = 1 - sum(misses.values()) / len(entries)
    print(f"\n[{language}] kind accuracy on the examples {accuracy:.3f} on {len(entries)} sentences; ", end="")
    print(f"subkind {subkinds_right}/{subkinds_named} where the kind is right")
    for (expected, got), count in misses.most_common():
        print(f"  {expected} read as {got}: {count}")
    print("\n".join(missed))
    assert accuracy >= REQUIRED_ACCURACY


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("held_out", HELD_OUT_SETS)
def test_kind_accuracy_on_the_held_out_corpus(reader: ObstacleReader, held_out: str, language: str) -> None:
    """Sentences written by other authors blind to the reader: the honest measure on unseen text. Only the
    figures and the confusion are printed, never a sentence, so that nobody tunes the lexicon to them."""
    path = HELD_OUT_DIR / f"{held_out}-{language}.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    misses: Counter[tuple[str, str]] = Counter()
    for entry in data["sentences"]:
        kind = reader.classify(entry["text"]).kind
        if kind != entry["kind"]:
            misses[(entry["kind"], kind)] += 1
    accuracy = 1 - sum(misses.values()) / len(data["sentences"])
    split = sum(one_per_run(kinds_read(reader, e["text"])) == one_per_run(e["kinds"]) for e in data["compound"])
    print(
        f"\n[{held_out} {language}] held-out kind accuracy {accuracy:.3f} on {len(data['sentences'])} sentences; ",
        end="",
    )
    nothing = sum(kinds_read(reader, entry["text"]) == entry["kinds"] for entry in data["none"])
    print(
        f"compound answers split right {split}/{len(data['compound'])}; 'none'-like answers right {nothing}/{len(data['none'])}"
    )
    for (expected, got), count in misses.most_common():
        print(f"  {expected} read as {got}: {count}")
    assert accuracy >= REQUIRED_HELD_OUT_ACCURACY


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


def test_a_consequence_clause_is_cut_from_what_named_the_obstacle(reader: ObstacleReader) -> None:
    """The owner tells the story: asking and sending the price list is one obstacle (the price is only a photo),
    what made them disappear another; neither is the price itself."""
    english = reader.read(
        "They ask the price, we send the photo of the price list, then they disappear when they hear about the bank"
        " transfer deposit"
    )
    assert [o.kind for o in english] == ["information", "complexity"]
    assert english[0].text == "They ask the price, we send the photo of the price list"
    vietnamese = reader.read("Khách hỏi giá, mình gửi ảnh bảng giá, rồi khách im luôn khi nghe phải chuyển khoản cọc")
    assert [o.kind for o in vietnamese] == ["information", "complexity"]


def test_a_part_the_lexicon_finds_weak_stands_alone_when_the_blend_is_sure(reader: ObstacleReader) -> None:
    assert [(o.kind, o.text) for o in reader.read("The website is English only and the checkout has six steps")] == [
        ("information", "The website is English only"),
        ("complexity", "the checkout has six steps"),
    ]
    assert kinds_read(reader, "Queues at 8 am and not knowing the price of delivery") == ["availability", "information"]
    assert kinds_read(reader, "people can't find the entrance, and when they call nobody picks up")[-1] == "support"


def test_vietnamese_joiners_of_two_obstacles(reader: ObstacleReader) -> None:
    assert kinds_read(reader, "Web không để giá, đã vậy đặt lịch phải gọi điện") == ["information", "complexity"]
    assert kinds_read(reader, "Giao hàng chậm, cộng thêm phí ship cao") == ["availability", "price"]
    assert kinds_read(reader, "giao hang cham, lai con phi ship cao") == ["availability", "price"]
    assert kinds_read(reader, "Hàng giả nhiều nên khách nghi, chưa kể phí ship cao") == ["trust", "price"]


def test_one_obstacle_with_a_comma_or_and_stays_one(reader: ObstacleReader) -> None:
    assert kinds_read(reader, "fees and taxes are only shown at the end") == ["information"]
    assert kinds_read(reader, "Page trả lời tin nhắn chậm, có khi 3–4 tiếng") == ["support"]
    assert kinds_read(reader, "Delivery takes a week, sometimes two") == ["availability"]
    assert kinds_read(reader, "No prices shown on the fanpage, have to message") == ["information"]
    # What the customer feels is what the obstacle does, not a second obstacle; a bare topic is no obstacle alone.
    assert kinds_read(reader, "Nhân viên bán hàng chèo kéo quá, khách sợ") == ["support"]
    assert kinds_read(reader, "Delivery fees and taxes are only shown at checkout") == ["information"]


@pytest.mark.parametrize(
    ("text", "kind", "effect"),
    [
        ("Nobody answers the phone after 6 pm, so callers try the place next door", "support", "callers try"),
        ("Fanpage trả lời tin nhắn rất chậm nên nhiều khách chuyển sang shop khác", "support", "nhiều khách chuyển"),
        ("shop rep tin nhan cham, the la khach huy don", "support", "khach huy don"),
        ("Không ghi giá trên bài đăng, vì vậy khách phải inbox hỏi từng món", "information", "khách phải inbox"),
        ("The sign-up form asks for twelve fields, which means half of them give up", "complexity", "half of them"),
    ],
)
def test_a_consequence_stays_with_its_cause_which_names_the_obstacle(
    reader: ObstacleReader, text: str, kind: str, effect: str
) -> None:
    """What an obstacle leads to is no obstacle of its own: one obstacle, read by its cause, the effect kept."""
    (found,) = reader.read(text)
    assert (found.kind, found.text) == (kind, text)
    assert found.effect is not None and found.effect.text.startswith(effect)
    assert not found.terms & found.effect.terms - reader.classify(found.text.split(",")[0]).terms


def test_a_consequence_keeps_a_cause_that_names_an_obstacle_of_another_sub_kind(reader: ObstacleReader) -> None:
    (found,) = reader.read("Grab takes 25% of every order, so our menu prices on Grab are higher than in the shop")
    assert (found.kind, found.subkind) == ("price", "commission")
    assert found.effect is not None and found.effect.kind == "price" and found.effect.subkind != "commission"
    (vietnamese,) = reader.read("Phí sàn Lazada gần 20% nên giá trên Lazada đắt hơn mua trực tiếp ở shop")
    assert vietnamese.subkind == "commission" and vietnamese.effect is not None


def test_a_consequence_on_the_next_line_is_still_its_causes(reader: ObstacleReader) -> None:
    found = reader.read("Phí ship đi tỉnh tới 50k\nNên nhiều khách bỏ giỏ hàng\nẢnh sản phẩm bị chỉnh quá tay")
    assert [(o.kind, o.subkind) for o in found] == [("price", "shipping_fee"), ("trust", "edited_photos")]
    assert found[0].text.startswith("Phí ship đi tỉnh tới 50k") and "bỏ giỏ hàng" in found[0].text


def test_so_before_a_word_of_degree_or_of_what_is_wrong_only_intensifies(reader: ObstacleReader) -> None:
    assert kinds_read(reader, "The check-in queue is so long and the parking fee is so expensive") == [
        "availability",
        "price",
    ]
    assert kinds_read(reader, "There are so many steps before you can pay") == ["complexity"]


@pytest.mark.parametrize(
    "text",
    [
        "Khách lo da nhạy cảm dùng không hợp",
        "so noi mun khi dung serum moi",
        "Nhiều chị sợ mẩn đỏ nên chưa dám mua",
        "Buyers worry the toner might cause a rash",
        "New mums are not sure the balm is safe during pregnancy",
    ],
)
def test_will_it_suit_me_is_a_worry_of_its_own_not_a_doubt_about_quality(reader: ObstacleReader, text: str) -> None:
    (found,) = reader.read(text)
    assert (found.kind, found.subkind) == ("trust", "suitability")


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


def test_the_places_one_obstacle_is_named_share_its_meaning(reader: ObstacleReader) -> None:
    """The cases the map relies on: the same obstacle in other words shares a concept (or two, across sub-kinds)."""
    prices = [
        reader.classify(text)
        for text in (
            "No prices shown on the fanpage",
            "price list is just a photo",
            "Not knowing the full price before booking",
        )
    ]
    assert all(reader.same_theme(a, b) for a in prices for b in prices)
    licence = reader.classify("Khách sợ hàng giả vì thiếu giấy công bố")
    origin = reader.classify("Sợ hàng giả, hàng không rõ nguồn gốc")
    assert licence.terms & origin.terms == {"fake", "fear"}  # one fear of fakes, though one names a licence
    evening = reader.classify("Someone to answer messages in the evening")
    night = reader.classify("Slow reply at night")
    assert evening.terms & night.terms >= {"reply", "night"} and reader.same_theme(evening, night)
    engine = reader.classify("A booking engine with card payment")
    transfer = reader.classify("Deposit by bank transfer only")
    assert "payment" in engine.terms & transfer.terms  # a card and a bank transfer are both ways to pay


def test_terms_are_concepts_and_whole_words_never_loose_syllables_or_stop_words(reader: ObstacleReader) -> None:
    origin = reader.classify("Sợ hàng giả, hàng không rõ nguồn gốc").terms
    assert origin == {"fake", "fear", "origin"}  # not "so", "ro", "nguon", "goc"
    assert reader.classify("Phụ huynh chê học phí cao").terms == {"phu huynh", "price", "expensive"}
    assert (
        "hoi" not in reader.classify("comment hỏi hoài").terms and "luan" not in reader.classify("có bình luận").terms
    )
    story = reader.classify("They ask the price, we send the photo of the price list").terms
    assert story == {"price", "photo"}  # asking and sending say nothing of what the obstacle is about
    assert reader.classify("Someone to answer messages in the evening").terms == {"message", "night", "reply"}
    # What is wrong is no part of what it is about: "hard" would tie a hard-to-use app to a hard-to-find shop.
    assert reader.classify("Hard to use app for older people").terms == {"app", "older"}


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


def test_scores_are_probabilities_and_confidence_is_that_of_the_kind_read(reader: ObstacleReader) -> None:
    read = reader.classify("Phí ship cao, nhân viên cáu gắt")
    assert set(read.scores) == set(KINDS)
    assert sum(read.scores.values()) == pytest.approx(1.0, abs=0.01)
    assert read.confidence == read.scores[read.kind]
    assert reader.classify("Phí ship cao quá").confidence >= 0.95


def test_two_kinds_named_in_one_clause_share_the_probability(reader: ObstacleReader) -> None:
    both = reader.classify("Phí ship cao, khách sợ hàng giả")  # price and trust, both named
    assert both.scores["price"] > 0.05 and both.scores["trust"] > 0.05
    assert both.confidence < 0.95  # the app asks the owner to confirm


def test_no_probable_kind_is_other_and_the_threshold_is_the_lexicons(tmp_path: Path) -> None:
    text = bundled_lexicon_path().read_text(encoding="utf-8")
    assert "  min_probability: 0.5\n" in text
    strict = tmp_path / "obstacles.yaml"
    strict.write_text(text.replace("  min_probability: 0.5\n", "  min_probability: 0.97\n"), encoding="utf-8")
    both = "Phí ship cao, khách sợ hàng giả"
    assert ObstacleReader.load().classify(both).kind == "price"
    unsure = ObstacleReader.load(strict).classify(both)
    assert unsure.kind == "other" and unsure.subkind is None
    assert unsure.confidence == unsure.scores["other"] < 0.5
    assert ObstacleReader.load(strict).classify("Phí ship cao quá").kind == "price"


def test_nothing_recognised_is_other_with_low_confidence(reader: ObstacleReader) -> None:
    read = reader.classify("thứ ba tuần sau")
    assert read.kind == "other" and read.confidence < 0.5 and read.matched == ()


# --- the learned backoff and how it is blended with the lexicon ---


class _FixedModel(LearnedModel):
    """A model that always says the same: the blend rule seen without any training behind it."""

    def __init__(self, likelihoods: dict[str, float]) -> None:
        self.likelihoods = likelihoods

    def log_likelihoods(self, found: Iterable[str]) -> dict[str, float]:
        return dict(self.likelihoods)


def test_the_blend_is_the_documented_rule(reader: ObstacleReader) -> None:
    scoring = reader.scoring
    lexicon = {"price": 2.0, "trust": 1.0}
    likelihoods = dict.fromkeys(KINDS, -40.0) | {"trust": -28.0}
    values = {
        kind: scoring.lexicon_weight * lexicon.get(kind, 0.0) + likelihoods[kind] / scoring.model_temperature
        for kind in KINDS
    }
    total = sum(math.exp(value) for value in values.values())
    assert blend(lexicon, likelihoods, scoring) == pytest.approx({k: math.exp(v) / total for k, v in values.items()})
    assert blend(lexicon, None, scoring) == pytest.approx(blend(lexicon, dict.fromkeys(KINDS, -40.0), scoring))


def test_the_reader_decides_by_the_blend(reader: ObstacleReader) -> None:
    sentence = "Phí ship cao quá"  # the lexicon: a price topic with its cues, a clear price
    neutral = dict.fromkeys(KINDS, 0.0)
    alone = ObstacleReader.load(learned=False).classify(sentence)
    assert dict(ObstacleReader(reader.lexicon, _FixedModel(neutral)).classify(sentence).scores) == dict(alone.scores)
    # A model sure enough outweighs one bare topic; a topic with its cues outweighs a model that only leans.
    assert ObstacleReader(reader.lexicon, _FixedModel(neutral | {"trust": 60.0})).classify("Phí ship").kind == "trust"
    leaning = ObstacleReader(reader.lexicon, _FixedModel(neutral | {"trust": 6.0})).classify(sentence)
    assert leaning.kind == "price" and leaning.subkind == "shipping_fee"
    # The model may name a kind the lexicon has no phrase of: no subkind then, unless the kind has a default.
    assert ObstacleReader(reader.lexicon, _FixedModel(neutral | {"support": 90.0})).classify(sentence).kind == "support"


def test_the_model_carries_the_reader_over_wording_the_lexicon_does_not_know(reader: ObstacleReader) -> None:
    unnamed = "people think our bread is yesterday's"  # freshness is quality: trust, though no phrase says so
    assert ObstacleReader.load(learned=False).classify(unnamed).kind == "other"
    read = reader.classify(unnamed)
    assert read.kind == "trust" and read.matched == ()


def test_the_shipped_model_is_a_fresh_training_on_the_shipped_examples() -> None:
    """The model file is generated (`python -m assistant.journeymap.learned`); a changed example or lexicon without
    regenerating it fails here."""
    shipped = bundled_model_path().read_text(encoding="utf-8")
    assert shipped == fresh_model_text(), "regenerate: python -m assistant.journeymap.learned"


def test_the_examples_are_the_corpus_the_tests_measure() -> None:
    """The model trains on every examples file beside the lexicon, and on exactly the sentences the dev accuracy
    measures; the further example files hold no held-out sentence (the main ones were written before the held-out
    sets and share a dozen short common answers with them, 'delivery takes a week')."""
    paths = bundled_examples_paths()
    assert {path.parent for files in paths.values() for path in files} == {CORPUS_DIR}
    assert {path.name for files in paths.values() for path in files} == {p.name for p in CORPUS_DIR.glob("examples-*")}
    assert len(paths["vi"]) > 1 and len(paths["en"]) > 1
    trained = load_examples()
    for language in LANGUAGES:
        measured = Counter((entry["text"], entry["kind"]) for entry in examples(language))
        assert Counter((e.text, e.kind) for e in trained if e.language == language) == measured
    held_out = {
        " ".join(entry["text"].casefold().split())
        for path in HELD_OUT_DIR.glob("*.yaml")
        for section in yaml.safe_load(path.read_text(encoding="utf-8")).values()
        if isinstance(section, list)
        for entry in section
    }
    further = [path for files in paths.values() for path in files[1:]]
    texts = [
        entry["text"] for path in further for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["obstacles"]
    ]
    assert not [text for text in texts if " ".join(text.casefold().split()) in held_out]


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


def _median_ms(run: Any, texts: list[str]) -> float:
    samples = []
    for text in texts:
        start = time.perf_counter()
        run(text)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def test_reading_is_fast(reader: ObstacleReader) -> None:
    """Sanity bounds only, ten times the budgets so they never flake on a busy machine: the budgets themselves
    (classify 0.5 ms and read 1 ms median, lexicon and model loaded in 0.5 s, the analysis at most 20 % on top of
    building the map) are measured by `make bench`."""
    sentences = [entry["text"] for language in LANGUAGES for entry in corpus(language)["obstacles"]]
    answers = [entry["text"] for language in LANGUAGES for entry in corpus(language)["compound"]]
    assert _median_ms(reader.classify, sentences) < 5
    assert _median_ms(reader.read, answers) < 10


def test_the_lexicon_and_the_model_load_fast() -> None:
    from assistant.journeymap.lexicon import load_lexicon

    start = time.process_time()
    ObstacleReader(load_lexicon(bundled_lexicon_path()), LearnedModel.load(bundled_model_path()))
    assert time.process_time() - start < 5


# --- what a newcomer walk found ---


@pytest.mark.parametrize(
    "text",
    ["nothing really. Ko co, dat la xong", "Không có gì. Đặt là xong", "None. Booking is simple",
     "không có, nothing really"],
)  # fmt: skip
def test_an_answer_whose_sentences_each_say_none_or_why_names_no_obstacle(reader: ObstacleReader, text: str) -> None:
    assert reader.says_none(text)
    assert reader.read(text) == []


def test_a_sentence_after_none_that_names_an_obstacle_is_kept(reader: ObstacleReader) -> None:
    assert [o.kind for o in reader.read("Nothing really. But shipping is slow")] == ["availability"]
    assert [o.text for o in reader.read("nothing really, khách hỏi phí ship cao")] == ["khách hỏi phí ship cao"]
    assert [o.kind for o in reader.read("Không có gì. Khách hỏi giá nhiều")] == ["price"]


def test_a_label_and_its_explanation_after_a_colon_are_one_obstacle(reader: ObstacleReader) -> None:
    read = reader.read("Fear of scams: paying into a personal account feels risky")
    assert [(o.kind, o.subkind) for o in read] == [("trust", "scam")]
    assert reader.classify("Fear of scams: paying into a personal account feels risky").kind == "trust"
    assert [o.kind for o in reader.read("Sợ bị lừa: chuyển khoản vào tài khoản cá nhân")] == ["trust"]


@pytest.mark.parametrize(
    ("text", "kind", "subkind"),
    [
        ("khách quên mất shop", "support", "no_follow_up"),
        ("ko nhan tin nhac, khach quen mat shop", "support", "no_follow_up"),
        ("we never send reminders, customers forget us", "support", "no_follow_up"),
        ("Hop bi mop", "trust", "damaged"),
        ("the box arrived dented", "trust", "damaged"),
        ("Not sure the room looks like the photos", "trust", "edited_photos"),
        ("Cheaper on the fanpage than in the shop", "price", "price_mismatch"),
        ("Waited until morning for a reply", "support", "slow_reply"),
        ("I wanted to pay by card", "complexity", "payment"),
    ],
)
def test_sub_kinds_a_newcomer_walk_named(reader: ObstacleReader, text: str, kind: str, subkind: str) -> None:
    assert [(o.kind, o.subkind) for o in reader.read(text)] == [(kind, subkind)]


def test_shipping_cost_and_a_cheaper_competitor_are_two_obstacles(reader: ObstacleReader) -> None:
    for text in ("ship đắt, shop khác rẻ hơn", "ship dat, shop khac re hon"):
        assert [o.subkind for o in reader.read(text)] == ["shipping_fee", "competitor_price"]
