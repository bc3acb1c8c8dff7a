"""Obstacle themes as a consultant groups them: a theme is about what its mentions agree on, a mention of a clearly
different sub-kind stays out of it, and the same obstacle told by another question at the same place joins it."""

from __future__ import annotations

from assistant.journeymap.mentions import Mention, Source
from assistant.journeymap.model import Touchpoint
from assistant.journeymap.reading import default_reading
from assistant.journeymap.themes import Theme, group

READING = default_reading()
MAPS = Touchpoint(key="awareness/google-maps", name="Google Maps")
FANPAGE = Touchpoint(key="consideration/fanpage", name="Fanpage")


def said(
    text: str, source: Source = "touchpoint", ref: str | None = None, touchpoint: Touchpoint | None = None
) -> Mention:
    (read,) = READING.read(text)
    customers = 1 << 1 | 1 << 2 if source == "customers" else 0  # respondents 1 and 2
    return Mention(read, source, ref or text, touchpoint=touchpoint, customers=customers)


def test_a_theme_is_of_the_sub_kind_most_of_its_mentions_agree_on() -> None:
    papers = said("Shop chưa có giấy công bố sản phẩm", touchpoint=MAPS)
    fakes = [said("Sợ mua phải son giả, hàng nhái", "obstacle_list"), said("Worried the lipsticks are fake", "persona")]
    assert papers.read.subkind == "licence" and {m.read.subkind for m in fakes} == {"fake"}
    # Named first, the one mention read otherwise does not decide what the theme is about.
    assert Theme([papers, *fakes]).subkind == "fake"
    assert Theme([papers, fakes[0]]).subkind == "licence"  # a tie: the surer reading, then the first


def test_a_theme_of_mentions_that_name_no_sub_kind_has_none() -> None:
    (read,) = READING.read("Khách không tin shop")
    assert read.subkind is None and Theme([said("Khách không tin shop")]).subkind is None


def test_a_mention_of_a_clearly_different_sub_kind_stays_out_of_the_theme() -> None:
    hours = said("Google Maps shows our old opening hours", touchpoint=MAPS)
    list_item = said("Opening hours on Google are out of date", "obstacle_list")
    pin = said("The map pin puts us in the wrong spot", "customers", touchpoint=MAPS)
    themes = group([hours, list_item, pin], READING)
    assert [(theme.subkind, len(theme.mentions)) for theme in themes] == [("outdated", 2), ("directions", 1)]


def test_the_reason_customers_leave_in_other_words_joins_the_obstacle_named_there() -> None:
    named = said("Slow answers on the fanpage at weekends, so people give up", touchpoint=FANPAGE, ref="q40")
    reason = said("People wait hours for an answer and buy somewhere else", "drop_off", "q80", FANPAGE)
    assert named.kind != reason.kind
    (theme,) = group([named, reason], READING)
    assert {m.ref for m in theme.mentions} == {"q40", "q80"} and theme.kind == "support"
    vietnamese = said("Fanpage rep tin nhắn chậm, thế là khách mua shop khác", touchpoint=FANPAGE, ref="q41")
    told = said("Khách nhắn hỏi giá rồi phải đợi cả buổi nên bỏ đi", "drop_off", "q81", FANPAGE)
    assert vietnamese.kind != told.kind
    (theme,) = group([vietnamese, told], READING)
    assert {m.ref for m in theme.mentions} == {"q41", "q81"} and theme.subkind == "slow_reply"


def test_another_obstacle_at_the_same_place_stays_its_own_theme() -> None:
    photo = said("The price list is only a photo", touchpoint=FANPAGE, ref="q40")
    dear = said("They find the rooms too expensive and leave", "drop_off", "q80", FANPAGE)
    assert len(group([photo, dear], READING)) == 2
    elsewhere = said("People wait hours for an answer and buy somewhere else", "drop_off", "q80", MAPS)
    slow = said("Slow answers on the fanpage at weekends, so people give up", touchpoint=FANPAGE, ref="q40")
    assert len(group([slow, elsewhere], READING)) == 2


def test_an_obstacle_named_at_a_touchpoint_and_again_in_the_list_is_one_theme() -> None:
    # Neither sold-out sentence says what sets it apart from the other: the sub-kind is all they are about, with
    # marks or without.
    named = said("Hay hết món sớm nên khách về tay không", touchpoint=FANPAGE, ref="q40")
    listed = said("het mon luc 1h trua", "obstacle_list", "q90")
    assert named.read.subkind == listed.read.subkind == "stock"
    (theme,) = group([named, listed], READING)
    assert {m.ref for m in theme.mentions} == {"q40", "q90"}
    bill = said("The final invoice comes out more than the estimate", touchpoint=FANPAGE, ref="q41")
    charges = said("Surprise charges on the receipt", "obstacle_list", "q91")
    assert bill.read.subkind == charges.read.subkind == "extra_fee"
    (theme,) = group([bill, charges], READING)
    assert {m.ref for m in theme.mentions} == {"q41", "q91"}


def test_clearly_different_obstacles_of_one_sub_kind_stay_apart() -> None:
    sizes = said("Hết size M hoài", touchpoint=FANPAGE, ref="q40")
    colour = said("Hay hết hàng màu đen", "obstacle_list", "q90")
    assert sizes.read.subkind == colour.read.subkind == "stock"
    assert len(group([sizes, colour], READING)) == 2
    parking = said("The parking fee is a surprise", touchpoint=MAPS, ref="q41")
    bill = said("The final invoice comes out more than the estimate", "obstacle_list", "q91")
    assert parking.read.subkind == bill.read.subkind == "extra_fee"
    assert len(group([parking, bill], READING)) == 2
