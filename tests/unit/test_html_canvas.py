"""The HTML page: the canvas has one column per stage, one row per lane the map holds, one card per obstacle and
stage, a curve from stage to stage; every link lands on the page; hostile answers stay text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from assistant.journeymap.canvas import FRONT_LANES, finding_anchor, journey_canvas
from assistant.journeymap.html import column_width, render_html
from assistant.journeymap.model import JourneyMap
from tests.maps import golden_map, hand_built_map, homestay_map, twelve_stage_map


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    content: list[Node | str] = field(default_factory=list)

    @property
    def children(self) -> list[Node]:
        return [part for part in self.content if isinstance(part, Node)]

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, tag: str, cls: str | None = None) -> list[Node]:
        return [node for node in self.walk() if node.tag == tag and (cls is None or cls in node.classes)]

    def one(self, tag: str, cls: str | None = None) -> Node:
        found = self.find(tag, cls)
        assert len(found) == 1, f"expected one <{tag} class={cls}>, found {len(found)}"
        return found[0]

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def all_text(self) -> str:
        return "".join(part if isinstance(part, str) else part.all_text() for part in self.content)


VOID = {"meta", "col", "br", "hr", "img", "input", "link"}


class Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].content.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].content.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].content.append(data)


def parse(page: str) -> Node:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert tree.stack == [tree.root], "every element is closed"
    return tree.root


def screen_canvas(page: Node) -> Node:
    return page.one("div", "canvas-scroll").one("table", "canvas")


def expected_cards(journey: JourneyMap) -> list[tuple[str, str]]:
    """(stage key, finding id) for every stage a finding names, worked out from the model directly."""
    touchpoint_stage = {tp.key: stage.key for stage in journey.stages for tp in stage.touchpoints}
    found: list[tuple[str, str]] = []
    for finding in journey.obstacles:
        places = [(p.stage_key, p.touchpoint_key) for p in finding.places] or [
            (finding.stage_key, finding.touchpoint_key)
        ]
        for stage_key, touchpoint_key in places:
            key = touchpoint_stage.get(touchpoint_key or "", stage_key)
            if key is not None and (key, finding.id) not in found:
                found.append((key, finding.id))
    return found


MAPS = {
    "golden-en": lambda: golden_map("en"),
    "golden-vi": lambda: golden_map("vi"),
    "homestay": homestay_map,
    "twelve": twelve_stage_map,
    "by-hand": hand_built_map,
}


@pytest.mark.parametrize("name", list(MAPS))
def test_the_canvas_has_a_column_per_stage_a_row_per_lane_and_a_card_per_obstacle(name: str) -> None:
    journey = MAPS[name]()
    page = parse(render_html(journey))
    table = screen_canvas(page)
    stages = len(journey.stages)
    headers = table.one("thead").find("th")
    assert len(headers) == 1 + stages
    assert [h.attrs["data-stage"] for h in headers[1:]] == [stage.key for stage in journey.stages]
    rows = [row for row in table.one("tbody").find("tr") if "lane" in row.classes]
    lanes = [row.attrs["data-lane"] for row in rows]
    assert lanes == list(journey_canvas(journey).lane_ids)
    for row in rows:
        assert len(row.find("th")) == 1 and len(row.find("td")) == stages, row.attrs["data-lane"]

    def holds(lane: str) -> bool:
        touchpoints = [tp for stage in journey.stages for tp in stage.touchpoints]
        if lane == "touchpoints":
            return bool(touchpoints)
        if lane == "emotion":
            return any(tp.emotion_score is not None or tp.customer_emotion is not None for tp in touchpoints)
        if lane == "obstacles":
            return bool(expected_cards(journey))
        return any(getattr(tp, lane) for tp in touchpoints)

    assert [lane for lane in lanes if lane in FRONT_LANES] == [lane for lane in FRONT_LANES if holds(lane)]
    backstage = [lane for lane in lanes if lane not in FRONT_LANES]
    if journey.is_blueprint:
        assert backstage and table.find("tr", "visibility"), "a Blueprint draws its line of visibility"
    else:
        assert not backstage and not table.find("tr", "visibility")

    cards: list[tuple[str, str]] = []
    for row in rows:
        if row.attrs["data-lane"] != "obstacles":
            continue
        for stage, cell in zip(journey.stages, row.find("td"), strict=True):
            cards += [(stage.key, card.attrs["href"]) for card in cell.find("a", "card")]
    column = {stage.key: index for index, stage in enumerate(journey.stages)}
    expected = sorted(expected_cards(journey), key=lambda card: column[card[0]])  # column by column, each in order
    assert cards == [(stage, "#" + finding_anchor(finding)) for stage, finding in expected]


@pytest.mark.parametrize("name", list(MAPS))
def test_every_link_lands_on_the_page(name: str) -> None:
    journey = MAPS[name]()
    page = parse(render_html(journey))
    ids = {node.attrs["id"] for node in page.walk() if "id" in node.attrs}
    hrefs = [node.attrs["href"] for node in page.find("a")]
    assert hrefs, "cards and evidence numbers are links"
    for href in hrefs:
        assert href.startswith("#") and href[1:] in ids, href
    for finding in journey.obstacles + journey.resource_gaps:
        assert finding_anchor(finding.id) in ids
        for evidence in finding.evidence:
            assert f"#q{evidence.number}" in hrefs, "each evidence number links to its appendix row"
    appendix = next(section for section in page.find("section") if section.attrs["id"] == "appendix")
    assert len([row for row in appendix.find("tr") if "id" in row.attrs]) == len(journey.appendix)


def test_the_curve_goes_from_stage_to_stage_and_never_joins_parallel_touchpoints() -> None:
    journey = homestay_map()
    table = screen_canvas(parse(render_html(journey)))
    row = next(r for r in table.find("tr") if r.attrs.get("data-lane") == "emotion")
    cells = row.find("td")
    width = column_width(len(journey.stages))
    centre = width / 2
    for index, (stage, cell) in enumerate(zip(journey.stages, cells, strict=True)):
        scored = [tp for tp in stage.touchpoints if tp.emotion_score is not None]
        assert len(cell.find("circle", "point")) == len(scored)
        assert len(cell.find("path", "mean")) == 1
        lines = cell.find("polyline", "owner")
        assert len(lines) == (index > 0) + (index < len(cells) - 1)
        for line in lines:
            xs = sorted(float(pair.split(",")[0]) for pair in line.attrs["points"].split())
            assert xs in ([0, centre], [centre, width]), "a segment joins a stage's mean to its column's edge"
        assert cell.one("rect", "range"), "the stage's range is shown"
        assert not cell.find("polyline", "customers"), "no survey, no customers' curve"


def test_the_customers_curve_is_drawn_beside_the_owners_and_told_apart_without_colour() -> None:
    page = parse(render_html(hand_built_map()))
    table = screen_canvas(page)
    row = next(r for r in table.find("tr") if r.attrs.get("data-lane") == "emotion")
    first, second, third = row.find("td")
    assert first.find("rect", "customers-mean") and first.find("polyline", "customers")
    assert not second.find("rect", "customers-mean"), "no customer answered at the booking stage"
    assert "No emotion score yet" in third.all_text()
    css = page.one("style").all_text()
    assert "stroke-dasharray" in css.split(".customers {", 1)[1].split("}", 1)[0], "dashed, not only another colour"
    legend = page.one("ul", "legend").all_text()
    assert "Surveyed customers" in legend


def test_lanes_not_asked_say_so_and_empty_lanes_are_left_out() -> None:
    journey = hand_built_map()
    table = screen_canvas(parse(render_html(journey)))
    rows = {row.attrs["data-lane"]: row for row in table.find("tr") if "lane" in row.classes}
    assert "motivation" not in rows, "nobody said anything about motivations: the lane is left out"
    thoughts = rows["thoughts"].find("td")[0]
    assert [li.all_text().strip() for li in thoughts.find("li", "not-asked")] == ["2not asked here"]
    assert "policies" not in rows and "people" in rows and "processes" in rows


def test_the_fields_the_analysis_is_growing_into_are_all_on_the_page() -> None:
    journey = hand_built_map()
    page = parse(render_html(journey))
    sections = {section.attrs["id"]: section for section in page.find("section")}
    start = sections["where-to-start"].find("li")
    assert [li.find("a")[0].attrs["href"] for li in start] == ["#finding-obstacle-information-1",
                                                               "#finding-obstacle-support-1"]  # fmt: skip
    assert "the first change you chose" in start[0].all_text()
    theme = next(a for a in sections["obstacles"].find("article") if a.attrs["id"] == "finding-obstacle-information-1")
    text = theme.all_text()
    assert len(theme.one("ul", "places").find("li")) == 4
    # The analysis words the owner's idea as theirs ("Your own idea at …: …"): the page marks it, adding nothing.
    assert theme.one("span", "owner-idea").all_text() == "Pin a price list", "the owner's idea first, marked"
    assert "Why “High” (7.5 points):" in text and "Article 001 §7" in text
    assert "The owner's view and 9 customers" in text
    assert "I gave up when nobody told me the price" in theme.one("blockquote").all_text()
    assert {a.attrs["href"] for a in theme.find("a")} >= {"#finding-resource-gap-content-1", "#q12", "#q30"}
    gap = next(
        a for a in sections["resource-gaps"].find("article") if a.attrs["id"] == "finding-resource-gap-content-1"
    )
    assert "#finding-obstacle-information-1" in {a.attrs["href"] for a in gap.find("a")}
    assert "obstacle-gone-9" in gap.all_text(), "an id with no finding stays text, not a broken link"
    assert "Nice to have" in sections["resource-gaps"].all_text()
    assert len(sections["moments"].find("li")) == 2
    assert "Lowest point" in screen_canvas(page).all_text()


def test_a_wide_canvas_prints_in_groups_of_stages_that_fit_a_page() -> None:
    page = parse(render_html(twelve_stage_map()))
    groups = page.one("div", "print-only").find("div", "canvas-group")
    assert [len(group.one("thead").find("th")) - 1 for group in groups] == [4, 4, 4]
    assert "has-groups" in page.one("section", "canvas-section").classes
    small = parse(render_html(golden_map("en")))
    assert not small.find("div", "print-only"), "a canvas that fits the page is printed as it is"
    css = small.one("style").all_text()
    assert "size: A4 landscape" in css and "prefers-color-scheme: dark" in css and "@media print" in css


HOSTILE = [
    "<script>alert(1)</script>",
    '"onmouseover="alert(1)" x="',
    "javascript:alert(1)",
    "{{ 7*7 }} {% if true %}x{% endif %}",
    "</td></tr></table><img src=x onerror=alert(1)>",
    "' onfocus='alert(1)",
]
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "article", "div", "h1", "h2", "h3",
    "h4", "p", "ul", "ol", "li", "dl", "dt", "dd", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "a",
    "span", "strong", "em", "br", "blockquote", "svg", "line", "polyline", "path", "rect", "circle", "text",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "lang", "charset", "name", "content", "class", "id", "href", "title", "style", "colspan", "span", "scope",
    "data-stage", "data-lane", "width", "height", "viewbox", "role", "aria-label", "aria-hidden", "x", "y", "x1",
    "y1", "x2", "y2", "cx", "cy", "r", "rx", "d", "points", "text-anchor",
}  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_answers_never_become_tags_attributes_or_links(text: str) -> None:
    page = render_html(hand_built_map(text))
    tree = parse(page)
    tags = {node.tag for node in tree.walk()} - {"#root"}
    assert tags <= ALLOWED_TAGS
    for node in tree.walk():
        assert set(node.attrs) <= ALLOWED_ATTRIBUTES, node.attrs
        if "href" in node.attrs:
            assert node.attrs["href"].startswith("#")
        if "style" in node.attrs:
            assert re.fullmatch(r"--stages: \d+; --col: \d+px", node.attrs["style"])
    assert "<script" not in page
    body = tree.one("body").all_text()
    assert text in body, "the answer reads exactly as typed"
    assert "49" not in body, "template syntax in an answer is never evaluated"
    titles = [node.attrs["title"] for node in tree.walk() if "title" in node.attrs]
    assert text in titles, "and lands whole in the attributes it belongs to"


def test_the_page_is_self_contained() -> None:
    page = render_html(homestay_map())
    for fetch in ("http://", "https://", "<link", "<script", "<img", "url(", "@import", "<iframe"):
        assert fetch not in page, fetch
