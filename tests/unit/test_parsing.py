"""Answer parsing: what a user types, turned into a typed answer value or a localized reason why not."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Sequence
from typing import Any

import pytest

from assistant.bank.model import Item, ItemType, LocalizedText, ScalePoint
from assistant.interview.parsing import (
    DEFAULT_ENTRY_LENGTH,
    DEFAULT_MAX_LENGTH,
    AnswerError,
    OptionChoice,
    parse_answer,
)
from assistant.interview.values import AnswerValue

QUESTION: LocalizedText = {"vi": "Câu hỏi", "en": "Question"}

CHANNELS = (
    OptionChoice(1, "website", ("Trang web", "Website")),
    OptionChoice(2, "store", ("Cửa hàng", "Store")),
    OptionChoice(3, "other", ("Khác", "Other")),
    OptionChoice(4, "social", ("Facebook, Zalo", "Facebook, Zalo")),
)

MOODS = [
    ScalePoint(value=1, label={"vi": "Rất tệ", "en": "Very bad"}),
    ScalePoint(value=2, label={"vi": "Tệ", "en": "Bad"}),
    ScalePoint(value=3, label={"vi": "Bình thường", "en": "Okay"}),
    ScalePoint(value=4, label={"vi": "Tốt", "en": "Good"}),
    ScalePoint(value=5, label={"vi": "Rất tốt", "en": "Very good"}),
]

ANSWERABLE = [kind for kind in ItemType if kind not in (ItemType.INFO, ItemType.GROUP)]


def item(kind: ItemType, **fields: Any) -> Item:
    return Item(id="q", type=kind, text=QUESTION, **fields)


def parsed(kind: ItemType, raw: str, options: Sequence[OptionChoice] = (), **fields: Any) -> AnswerValue | None:
    return parse_answer(item(kind, **fields), raw, options)


def refused(kind: ItemType, raw: str, options: Sequence[OptionChoice] = (), **fields: Any) -> AnswerError:
    """The error parsing `raw` raises; its message must be told in both languages, differently."""
    with pytest.raises(AnswerError) as caught:
        parse_answer(item(kind, **fields), raw, options)
    error = caught.value
    vietnamese, english = error.message("vi"), error.message("en")
    assert vietnamese.strip(), error.key
    assert english.strip(), error.key
    assert vietnamese != english, error.key
    return error


# Nothing typed


@pytest.mark.parametrize("kind", ANSWERABLE)
@pytest.mark.parametrize("raw", ["", "   ", "\n\t \n", "\x00\x07", "\u200b"])
def test_nothing_typed_is_no_answer(kind: ItemType, raw: str) -> None:
    assert parse_answer(item(kind, points=MOODS if kind is ItemType.SCALE else []), raw, CHANNELS) is None


# Text and long text


@pytest.mark.parametrize("kind", [ItemType.TEXT, ItemType.LONG_TEXT])
def test_decomposed_vietnamese_is_stored_composed(kind: ItemType) -> None:
    decomposed = unicodedata.normalize("NFD", "Tiếng Việt")
    assert decomposed != "Tiếng Việt"
    value = parsed(kind, decomposed)
    assert value == unicodedata.normalize("NFC", "Tiếng Việt")
    assert isinstance(value, str) and unicodedata.is_normalized("NFC", value)


@pytest.mark.parametrize("kind", [ItemType.TEXT, ItemType.LONG_TEXT])
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Cà\x00 phê", "Cà phê"),
        ("bell\x07 and\x1b escape", "bell and escape"),
        ("zero\u200bwidth", "zerowidth"),
        ("\ufeffbom", "bom"),
        ("del\x7f and c1\x85", "del and c1"),
        ("tab\there", "tab here"),
    ],
)
def test_control_characters_are_removed(kind: ItemType, raw: str, expected: str) -> None:
    assert parsed(kind, raw) == expected


def test_long_text_keeps_its_lines() -> None:
    raw = "  Dòng một  \r\nDòng   hai\rDòng ba\n\n\n\n\nĐoạn mới  "
    assert parsed(ItemType.LONG_TEXT, raw) == "Dòng một\nDòng hai\nDòng ba\n\nĐoạn mới"


def test_text_folds_lines_into_one() -> None:
    assert parsed(ItemType.TEXT, "  Cà phê\nHoa   Sen\r\n\n quận 1 ") == "Cà phê Hoa Sen quận 1"


@pytest.mark.parametrize("kind", [ItemType.TEXT, ItemType.LONG_TEXT])
def test_max_length_is_counted_after_cleaning(kind: ItemType) -> None:
    assert parsed(kind, "  abcde  ", max_length=5) == "abcde"
    assert parsed(kind, unicodedata.normalize("NFD", "ếếếếế"), max_length=5) == "ếếếếế"
    error = refused(kind, "abcdef", max_length=5)
    assert error.key == "answer.too_long"
    assert error.params == {"length": "6", "limit": "5"}


@pytest.mark.parametrize("kind", [ItemType.TEXT, ItemType.LONG_TEXT, ItemType.OPEN_CHOICE])
def test_default_length_limits(kind: ItemType) -> None:
    limit = DEFAULT_MAX_LENGTH[kind]
    expected_at_limit: AnswerValue = {"other": "x" * limit} if kind is ItemType.OPEN_CHOICE else "x" * limit
    assert parsed(kind, "x" * limit, CHANNELS) == expected_at_limit
    assert refused(kind, "x" * (limit + 1), CHANNELS).key == "answer.too_long"


def test_the_default_limits_are_sensible() -> None:
    assert DEFAULT_MAX_LENGTH[ItemType.TEXT] == 500
    assert DEFAULT_MAX_LENGTH[ItemType.LONG_TEXT] == 10_000
    assert DEFAULT_ENTRY_LENGTH == 200


@pytest.mark.parametrize("kind", [ItemType.TEXT, ItemType.LONG_TEXT, ItemType.OPEN_CHOICE])
@pytest.mark.parametrize("paste", ["a" * 1_000_000, "Tiếng Việt có dấu.\n" * 55_000])
def test_a_megabyte_paste_is_refused_quickly(kind: ItemType, paste: str) -> None:
    assert len(paste) >= 1_000_000
    started = time.perf_counter()
    error = refused(kind, paste, CHANNELS)
    assert time.perf_counter() - started < 2.0
    assert error.key == "answer.too_long"
    assert error.params["limit"] == f"{DEFAULT_MAX_LENGTH[kind]:,}"


def test_a_megabyte_list_entry_is_refused_quickly() -> None:
    started = time.perf_counter()
    error = refused(ItemType.LIST, "a" * 1_000_000)
    assert time.perf_counter() - started < 2.0
    assert error.key == "answer.entry_too_long"


# Integers


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", 12),
        ("0", 0),
        ("1.500", 1500),
        ("1,500", 1500),
        ("1 500", 1500),
        ("1\u00a0500", 1500),
        ("1.500.000", 1_500_000),
        ("1,234,567", 1_234_567),
        ("-3", -3),
        ("- 3", -3),
        ("+4", 4),
        ("  42  ", 42),
        ("１２", 12),
    ],
)
def test_integers(raw: str, expected: int) -> None:
    value = parsed(ItemType.INTEGER, raw)
    assert value == expected
    assert type(value) is int


@pytest.mark.parametrize(
    "raw", ["3,5", "abc", "1.50", "1,5000", "1.5.00", "1.500,000", "1,500.5", "12.0", "12 người", "-", "1.000,"]
)
def test_not_integers(raw: str) -> None:
    error = refused(ItemType.INTEGER, raw)
    assert error.key == "answer.not_integer"
    assert raw.strip() in error.message("vi")
    assert raw.strip() in error.message("en")


@pytest.mark.parametrize("raw", ["5²", "①"])
def test_digit_like_characters_are_not_integers(raw: str) -> None:
    assert refused(ItemType.INTEGER, raw).key == "answer.not_integer"


@pytest.mark.parametrize("kind", [ItemType.INTEGER, ItemType.DECIMAL])
@pytest.mark.parametrize("raw", ["+-3", "--3"])
def test_repeated_signs_are_refused(kind: ItemType, raw: str) -> None:
    assert refused(kind, raw).key in ("answer.not_integer", "answer.not_number")


@pytest.mark.parametrize(("raw", "expected"), [("0", 0), ("100", 100), ("1.00", None)])
def test_integer_within_bounds(raw: str, expected: int | None) -> None:
    if expected is None:
        assert refused(ItemType.INTEGER, raw, min=0, max=100).key == "answer.not_integer"
    else:
        assert parsed(ItemType.INTEGER, raw, min=0, max=100) == expected


@pytest.mark.parametrize(("raw", "value"), [("-1", "-1"), ("-1.000", "-1000"), ("101", "101"), ("1.000", "1000")])
def test_integer_out_of_bounds_says_the_range(raw: str, value: str) -> None:
    error = refused(ItemType.INTEGER, raw, min=0, max=100)
    assert error.key == "answer.out_of_range"
    assert error.params == {"value": value, "min": "0", "max": "100"}
    for locale in ("vi", "en"):
        assert "0" in error.message(locale) and "100" in error.message(locale)


@pytest.mark.parametrize(
    ("raw", "key", "params"), [("-1", "answer.below_min", {"min": "0"}), ("2", "answer.above_max", {"max": "1"})]
)
def test_one_sided_bounds_name_their_side(raw: str, key: str, params: dict[str, str]) -> None:
    error = (
        refused(ItemType.INTEGER, raw, min=0) if key == "answer.below_min" else refused(ItemType.INTEGER, raw, max=1)
    )
    assert (error.key, error.params) == (key, params)


def test_fractional_bounds_are_shown_as_written() -> None:
    assert refused(ItemType.DECIMAL, "0,1", min=0.5).params == {"min": "0.5"}
    assert refused(ItemType.DECIMAL, "3", max=2.5).params == {"max": "2.5"}


# Decimals


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("3,5", 3.5),
        ("3.5", 3.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("7", 7),
        ("-2,5", -2.5),
        ("0,05", 0.05),
        ("1.234.567", 1_234_567),
        ("1 234,5", 1234.5),
    ],
)
def test_decimals(raw: str, expected: float) -> None:
    assert parsed(ItemType.DECIMAL, raw) == pytest.approx(expected)


@pytest.mark.parametrize("raw", ["abc", "3,", ",5", "1..2", "1,2,3", "1,234,5", "3,5 kg", "ba phẩy năm", "1e3"])
def test_not_decimals(raw: str) -> None:
    error = refused(ItemType.DECIMAL, raw)
    assert error.key == "answer.not_number"
    assert raw in error.message("en")


@pytest.mark.parametrize("raw", ["1,2.3", "12,34.5", "1.234.5,6"])
def test_badly_grouped_decimals_are_refused(raw: str) -> None:
    assert refused(ItemType.DECIMAL, raw).key == "answer.not_number"


def test_decimal_bounds() -> None:
    assert parsed(ItemType.DECIMAL, "2,5", min=1, max=5) == 2.5
    assert refused(ItemType.DECIMAL, "0,5", min=1, max=5).key == "answer.out_of_range"
    assert refused(ItemType.DECIMAL, "5,5", min=1, max=5).key == "answer.out_of_range"


# Percentages


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("35", 35), ("35%", 35), ("35 %", 35), ("35,5 %", 35.5), ("12.5%", 12.5), ("0", 0), ("100%", 100)],
)
def test_percentages(raw: str, expected: float) -> None:
    assert parsed(ItemType.PERCENT, raw) == pytest.approx(expected)


@pytest.mark.parametrize("raw", ["abc", "%", "35%%", "ba mươi"])
def test_not_percentages(raw: str) -> None:
    error = refused(ItemType.PERCENT, raw)
    assert error.key == "answer.not_percent"
    assert raw in error.message("vi")


@pytest.mark.parametrize("raw", ["120", "140%", "100,5", "-5"])
def test_a_percentage_out_of_range_says_the_range(raw: str) -> None:
    error = refused(ItemType.PERCENT, raw)
    assert error.key == "answer.percent_range"
    assert raw in error.message("en") and "0%" in error.message("en") and "100%" in error.message("en")
    assert "không phải" not in error.message("vi")


def test_percent_bounds() -> None:
    assert refused(ItemType.PERCENT, "5%", min=10).params == {"raw": "5%", "min": "10", "max": "100"}
    assert refused(ItemType.PERCENT, "95%", max=90).params == {"raw": "95%", "min": "0", "max": "90"}


# Yes or no


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("có", True),
        ("Có", True),
        ("CÓ.", True),
        ("co", True),
        ("yes", True),
        ("Yes!", True),
        ("y", True),
        ("1", True),
        ("đúng", True),
        ("không", False),
        ("Không", False),
        ("khong", False),
        ("ko", False),
        ("no", False),
        ("n", False),
        ("2", False),
        ("0", False),
        ("chưa", False),
    ],
)
def test_booleans(raw: str, expected: bool) -> None:
    assert parsed(ItemType.BOOLEAN, raw) is expected


@pytest.mark.parametrize("raw", ["maybe", "có lẽ", "3", "yes no", "ok?"])
def test_not_booleans(raw: str) -> None:
    assert refused(ItemType.BOOLEAN, raw).key == "answer.not_boolean"


# Single choice


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", "website"),
        ("3", "other"),
        ("3.", "other"),
        (" 2 ", "store"),
        ("website", "website"),
        ("WEBSITE", "website"),
        ("Trang web", "website"),
        ("trang WEB", "website"),
        ("Store", "store"),
        ("Cửa hàng", "store"),
        ("cua hang", "store"),
        (unicodedata.normalize("NFD", "Cửa hàng"), "store"),
        ("Khác", "other"),
        ("khac", "other"),
        ("KHÁC", "other"),
        ("  other  ", "other"),
        ("Facebook, Zalo", "social"),
        ("facebook,   zalo", "social"),
        ("4", "social"),
    ],
)
def test_single_choice(raw: str, expected: str) -> None:
    assert parsed(ItemType.SINGLE_CHOICE, raw, CHANNELS) == expected


@pytest.mark.parametrize("raw", ["0", "5", "9.", "zzz", "Trang", "1, 2"])
def test_single_choice_unknown_option(raw: str) -> None:
    error = refused(ItemType.SINGLE_CHOICE, raw, CHANNELS)
    assert error.key == "answer.unknown_option"
    assert error.params == {"raw": raw}


@pytest.mark.parametrize(
    ("options", "raw"),
    [
        ((OptionChoice(1, "a", ("Khác", "Other")), OptionChoice(2, "b", ("Khac", "Else"))), "khac"),
        ((OptionChoice(1, "a", ("Khác", "Other")), OptionChoice(2, "b", ("Khac", "Else"))), "Khác"),
        ((OptionChoice(1, "a", ("Khác", "Other")), OptionChoice(2, "b", ("Ngoài ra", "OTHER"))), "other"),
    ],
)
def test_single_choice_ambiguous_label(options: tuple[OptionChoice, ...], raw: str) -> None:
    error = refused(ItemType.SINGLE_CHOICE, raw, options)
    assert error.key == "answer.ambiguous_option"
    assert "1." in error.message("en") and "2." in error.message("en")
    assert parsed(ItemType.SINGLE_CHOICE, "2", options) == "b"


@pytest.mark.parametrize("kind", [ItemType.SINGLE_CHOICE, ItemType.MULTI_CHOICE, ItemType.OPEN_CHOICE])
def test_choice_without_options(kind: ItemType) -> None:
    assert refused(kind, "1").key == "answer.no_options"


# Multiple choice


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2", ["store"]),
        ("1,3", ["website", "other"]),
        ("1 3", ["website", "other"]),
        ("1;3", ["website", "other"]),
        ("1\n3", ["website", "other"]),
        ("1, 3", ["website", "other"]),
        ("3,1", ["website", "other"]),
        ("3, 1, 3, 1", ["website", "other"]),
        ("1,,3,", ["website", "other"]),
        ("khac, trang web", ["website", "other"]),
        ("Other; WEBSITE", ["website", "other"]),
        ("Store, 1", ["website", "store"]),
        ("Facebook, Zalo", ["social"]),
        ("4, 2", ["store", "social"]),
        ("1-3", ["website", "store", "other"]),
        ("3-1", ["website", "store", "other"]),
        ("2 – 3, 4", ["store", "other", "social"]),
    ],
)
def test_multi_choice(raw: str, expected: list[str]) -> None:
    assert parsed(ItemType.MULTI_CHOICE, raw, CHANNELS) == expected


@pytest.mark.parametrize(
    ("raw", "unknown"), [("1,9", "9"), ("1, zzz", "zzz"), ("1 zzz", "1 zzz"), ("0", "0"), ("3-6", "5")]
)
def test_multi_choice_unknown_option(raw: str, unknown: str) -> None:
    error = refused(ItemType.MULTI_CHOICE, raw, CHANNELS)
    assert error.key == "answer.unknown_option"
    assert error.params == {"raw": unknown}


@pytest.mark.parametrize(
    ("raw", "bounds", "outcome"),
    [
        ("1", {"min": 2}, "answer.too_few_choices"),
        ("1, 1", {"min": 2}, "answer.too_few_choices"),
        ("1,2", {"min": 2}, ["website", "store"]),
        ("1,2,3", {"max": 2}, "answer.too_many_choices"),
        ("1,2,1,2", {"max": 2}, ["website", "store"]),
        ("2,4", {"min": 2, "max": 2}, ["store", "social"]),
    ],
)
def test_multi_choice_selection_bounds(raw: str, bounds: dict[str, float], outcome: list[str] | str) -> None:
    if isinstance(outcome, str):
        error = refused(ItemType.MULTI_CHOICE, raw, CHANNELS, **bounds)
        assert error.key == outcome
        assert "2" in error.message("vi") and "2" in error.message("en")
    else:
        assert parsed(ItemType.MULTI_CHOICE, raw, CHANNELS, **bounds) == outcome


# Open choice


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", {"code": "website"}),
        ("3.", {"code": "other"}),
        ("Khác", {"code": "other"}),
        ("cua hang", {"code": "store"}),
        ("website", {"code": "website"}),
        ("Tiktok", {"other": "Tiktok"}),
        ("  Tiktok\n  shop ", {"other": "Tiktok shop"}),
        ("Zalo", {"other": "Zalo"}),
        ("3,5 điểm", {"other": "3,5 điểm"}),
    ],
)
def test_open_choice(raw: str, expected: dict[str, str]) -> None:
    assert parsed(ItemType.OPEN_CHOICE, raw, CHANNELS) == expected


@pytest.mark.parametrize("raw", ["0", "5", "99"])
def test_open_choice_out_of_range_number(raw: str) -> None:
    error = refused(ItemType.OPEN_CHOICE, raw, CHANNELS)
    assert error.key == "answer.unknown_option"


def test_open_choice_out_of_range_number_with_period() -> None:
    assert refused(ItemType.OPEN_CHOICE, "9.", CHANNELS).key == "answer.unknown_option"


def test_open_choice_limits_only_free_text() -> None:
    assert parsed(ItemType.OPEN_CHOICE, "Trang web", CHANNELS, max_length=5) == {"code": "website"}
    assert parsed(ItemType.OPEN_CHOICE, "Email", CHANNELS, max_length=5) == {"other": "Email"}
    assert refused(ItemType.OPEN_CHOICE, "Tiktok", CHANNELS, max_length=5).key == "answer.too_long"


# Lists


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Google Ads\nFacebook\nZalo", ["Google Ads", "Facebook", "Zalo"]),
        ("Google Ads, Facebook, Zalo", ["Google Ads", "Facebook", "Zalo"]),
        ("Google Ads; Facebook;Zalo", ["Google Ads", "Facebook", "Zalo"]),
        (
            "- Google Ads\n1. Facebook\n* Zalo\n2) Tiktok\n• Email",
            ["Google Ads", "Facebook", "Zalo", "Tiktok", "Email"],
        ),
        ("Nhận biết\n\n\n   \nCân nhắc\n", ["Nhận biết", "Cân nhắc"]),
        ("Hà Nội, Việt Nam\nHuế", ["Hà Nội, Việt Nam", "Huế"]),
        ("  Google    Ads  ,  ", ["Google Ads"]),
        ("3 quán cà phê\n10 nhân viên", ["3 quán cà phê", "10 nhân viên"]),
        ("a\x00b\nc\u200bd", ["ab", "cd"]),
    ],
)
def test_lists(raw: str, expected: list[str]) -> None:
    assert parsed(ItemType.LIST, raw) == expected


def test_list_entries_are_composed() -> None:
    value = parsed(ItemType.LIST, unicodedata.normalize("NFD", "Cà phê\nTrà sữa"))
    assert value == ["Cà phê", "Trà sữa"]


@pytest.mark.parametrize(
    ("raw", "first", "second"),
    [
        ("Google Ads\ngoogle-ads", "Google Ads", "google-ads"),
        ("Google Ads, GOOGLE ADS", "Google Ads", "GOOGLE ADS"),
        ("Cà phê, ca phe", "Cà phê", "ca phe"),
        ("- Zalo\n- Facebook\n- zalo", "Zalo", "zalo"),
    ],
)
def test_list_duplicates(raw: str, first: str, second: str) -> None:
    error = refused(ItemType.LIST, raw)
    assert error.key == "answer.duplicate_entry"
    assert error.params == {"first": first, "second": second}


def test_list_entry_length() -> None:
    assert parsed(ItemType.LIST, "x" * DEFAULT_ENTRY_LENGTH) == ["x" * DEFAULT_ENTRY_LENGTH]
    assert refused(ItemType.LIST, "ok\n" + "x" * (DEFAULT_ENTRY_LENGTH + 1)).key == "answer.entry_too_long"
    assert parsed(ItemType.LIST, "abc, defgh", max_length=5) == ["abc", "defgh"]
    error = refused(ItemType.LIST, "abc, defghi", max_length=5)
    assert error.key == "answer.entry_too_long"
    assert error.params["limit"] == 5


@pytest.mark.parametrize(
    ("raw", "bounds", "outcome"),
    [
        ("a", {"min": 2}, "answer.too_few_entries"),
        ("a\n\n\n", {"min": 2}, "answer.too_few_entries"),
        ("a, b", {"min": 2}, ["a", "b"]),
        ("a, b, c", {"max": 2}, "answer.too_many_entries"),
        ("a\nb", {"min": 2, "max": 2}, ["a", "b"]),
    ],
)
def test_list_entry_bounds(raw: str, bounds: dict[str, float], outcome: list[str] | str) -> None:
    if isinstance(outcome, str):
        error = refused(ItemType.LIST, raw, (), **bounds)
        assert error.key == outcome
        assert "2" in error.message("vi") and "2" in error.message("en")
    else:
        assert parsed(ItemType.LIST, raw, (), **bounds) == outcome


# Scales


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", 1),
        ("5", 5),
        ("Tốt", 4),
        ("tot", 4),
        ("GOOD", 4),
        ("Bình thường", 3),
        ("binh thuong", 3),
        ("very bad", 1),
        ("Rất tốt", 5),
        ("rat tot", 5),
    ],
)
def test_scale(raw: str, expected: int) -> None:
    assert parsed(ItemType.SCALE, raw, points=MOODS) == expected


@pytest.mark.parametrize("raw", ["0", "6", "-1", "3,5", "meh", "Tốt lắm"])
def test_not_on_scale(raw: str) -> None:
    error = refused(ItemType.SCALE, raw, points=MOODS)
    assert error.key == "answer.not_on_scale"
    assert error.params == {"min": 1, "max": 5}
    assert "1" in error.message("vi") and "5" in error.message("en")


def test_scale_with_negative_points() -> None:
    points = [
        ScalePoint(value=-1, label={"vi": "Buồn", "en": "Sad"}),
        ScalePoint(value=0, label={"vi": "Bình thường", "en": "Neutral"}),
        ScalePoint(value=1, label={"vi": "Vui", "en": "Happy"}),
    ]
    assert parsed(ItemType.SCALE, "-1", points=points) == -1
    assert parsed(ItemType.SCALE, "0", points=points) == 0
    assert parsed(ItemType.SCALE, "vui", points=points) == 1
    assert refused(ItemType.SCALE, "2", points=points).params == {"min": -1, "max": 1}


DEPTHS = (
    OptionChoice(1, "quick", ("Nhanh (bốn câu mỗi điểm chạm)", "Quick (four questions per touchpoint)")),
    OptionChoice(2, "full", ("Đầy đủ (bảy câu mỗi điểm chạm)", "Full (all seven questions)")),
)
KINDS = (
    OptionChoice(1, "facebook", ("Facebook / fanpage",)),
    OptionChoice(2, "marketplace", ("Sàn thương mại điện tử (Shopee, Lazada, Tiki…)", "Marketplace (Shopee, Lazada…)")),
    OptionChoice(3, "age_25_34", ("25–34",)),
    OptionChoice(4, "note", ("Ghi chú (nếu có, ghi rõ)",)),
)


@pytest.mark.parametrize(
    ("raw", "options", "code"),
    [
        ("nhanh", DEPTHS, "quick"),
        ("Quick", DEPTHS, "quick"),
        ("day du", DEPTHS, "full"),
        ("shopee", KINDS, "marketplace"),
        ("fanpage", KINDS, "facebook"),
        ("25-34", KINDS, "age_25_34"),
        ("25 - 34", KINDS, "age_25_34"),
    ],
)
def test_a_choice_by_the_name_its_label_gives_itself(raw: str, options: Sequence[OptionChoice], code: str) -> None:
    assert parsed(ItemType.SINGLE_CHOICE, raw, options) == code


def test_an_aside_that_is_a_sentence_names_nothing() -> None:
    assert refused(ItemType.SINGLE_CHOICE, "neu co", KINDS).key == "answer.unknown_option"


@pytest.mark.parametrize(
    ("raw", "value"), [("khoảng 500", 500), ("tầm 1.500", 1500), ("about 40", 40), ("~40", 40), ("Khoang 12", 12)]
)
def test_an_estimate_is_a_number(raw: str, value: int) -> None:
    assert parsed(ItemType.INTEGER, raw) == value
