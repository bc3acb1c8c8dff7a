"""Saved interviews and survey files for the survey tests: the golden interviews on a real SQLite file, and the
spreadsheets in tests/data/survey written the way Google Forms, Microsoft Forms, Typeform and Excel write them."""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.bank.loader import find_bank
from assistant.interview.answers_file import fill_interview
from assistant.session import Session
from assistant.store import InterviewRow, Store
from assistant.survey.design import Survey
from assistant.survey.importer import ImportOptions, ImportReport, import_responses
from assistant.survey.service import interview_survey

ROOT = Path(__file__).resolve().parent
SURVEY_DATA = ROOT / "data" / "survey"
GOLDEN = ROOT / "golden"
IMPORTED_AT = "2026-11-20T17:45:00.000000Z"


def fixed_clock() -> str:
    return IMPORTED_AT


def golden_interview(store: Store, locale: str) -> InterviewRow:
    """The golden interview (Lotus Coffee in English, Cà phê Sen in Vietnamese) saved in `store`."""
    document = yaml.safe_load((GOLDEN / f"answers-{locale}.yaml").read_text(encoding="utf-8"))
    bank = find_bank(document["bank"]).bank
    interview = fill_interview(bank, document["answers"], document["locale"], document["preset"])
    return Session.adopt(store, interview, document["answers"]["business_name"]).row


def survey_of(store: Store, interview_id: str, locale: str | None = None) -> Survey:
    return interview_survey(store, interview_id, locale)


def imported(store: Store, interview_id: str, name: str | Path, **options: object) -> ImportReport:
    path = name if isinstance(name, Path) else SURVEY_DATA / name
    return import_responses(
        store,
        interview_id,
        path,
        survey_of(store, interview_id),
        ImportOptions(**options),  # type: ignore[arg-type]
    )


# ----- large files: ten thousand respondents, fifty megabytes ------------------------------------------------------

STOPPED = [
    "Delivery fee is too expensive",
    "Long queue at 8 am",
    "Wrong opening hours on Google Maps",
    "No prices on the page",
    "Messages get no reply",
    "Too many steps to order",
    "The app crashed at checkout",
    "Could not find the menu",
    "Parking was full",
    "Staff did not know the product",
    "Phí ship cao quá",
    "Xếp hàng lâu lúc 8 giờ",
    "Nhắn tin fanpage không ai trả lời",
    "Không thấy bảng giá",
    "Ứng dụng bị lỗi khi thanh toán",
]
PLACES = ["District 1", "District 3", "Binh Thanh", "Thu Duc", "Go Vap", "Phu Nhuan", "District 7", "Tan Binh"]


def synthetic_rows(survey: Survey, rows: int, *, seed: int = 13, unique_share: float = 0.4) -> list[list[str]]:
    """A header (a timestamp, then the survey's CSV header) and `rows` plausible responses: most use a touchpoint,
    rate it 1–5, and one in five of those says what almost stopped them; `unique_share` of those answers carry a
    detail of their own, so they are distinct texts, the rest repeat a common complaint word for word."""
    import random

    from assistant.bank.model import ItemType

    chance = random.Random(seed)
    header = ["Timestamp", *(f"{column.text} [{column.id}]" for column in survey.columns)]
    yes, no = ("Có", "Không") if survey.locale == "vi" else ("Yes", "No")
    table = [header]
    for number in range(rows):
        used: dict[str, bool] = {}
        row = [f"2026/11/{1 + number % 28:02d} {8 + number % 12}:{number % 60:02d}:00 AM GMT+7"]
        for column in survey.columns:
            key = column.touchpoint_key
            if column.kind == "used" and key is not None:
                used[key] = chance.random() < 0.7
                row.append(yes if used[key] else no)
            elif column.kind == "feeling" and key is not None:
                row.append(str(chance.randint(1, 5)) if used[key] else "")
            elif column.kind == "stopped" and key is not None:
                if used[key] and chance.random() < 0.2:
                    text = chance.choice(STOPPED)
                    row.append(f"{text}, respondent {number}" if chance.random() < unique_share else text)
                else:
                    row.append("")
            elif column.kind == "consent":
                row.append(column.options[0].label)
            elif column.type is ItemType.BOOLEAN:
                row.append(chance.choice((yes, no)))
            elif column.type is ItemType.MULTI_CHOICE:
                picked = chance.sample(column.options, chance.randint(1, 2))
                row.append(", ".join(option.label for option in picked))
            elif column.options:
                row.append(chance.choice(column.options).label)
            elif column.kind == "profile":
                row.append(chance.choice(PLACES))
            else:
                row.append(chance.choice(STOPPED) if chance.random() < 0.3 else "")
        table.append(row)
    return table


def write_csv(path: Path, table: list[list[str]]) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(table)
    return path
