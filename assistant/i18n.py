"""Every user-facing string that is not bank content, in Vietnamese and English, and locale detection."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from assistant.bank.model import SUPPORTED_LOCALES, Locale

# key -> (Vietnamese, English). Placeholders use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    # Answer parsing
    "answer.required": (
        "Câu này cần có câu trả lời.",
        "This question needs an answer.",
    ),
    "answer.too_long": (
        "Câu trả lời dài {length} ký tự; tối đa là {limit}. Hãy rút gọn lại.",
        "The answer is {length} characters long; the limit is {limit}. Please shorten it.",
    ),
    "answer.not_integer": (
        "«{raw}» không phải số nguyên. Hãy nhập một số như 12 hoặc 1.500.",
        "“{raw}” is not a whole number. Type a number such as 12 or 1,500.",
    ),
    "answer.not_number": (
        "«{raw}» không phải là số. Hãy nhập một số như 3,5 hoặc 3.5.",
        "“{raw}” is not a number. Type a number such as 3.5 or 3,5.",
    ),
    "answer.not_percent": (
        "«{raw}» không phải tỷ lệ phần trăm. Hãy nhập một số từ 0 đến 100, có hoặc không có dấu %.",
        "“{raw}” is not a percentage. Type a number from 0 to 100, with or without %.",
    ),
    "answer.below_min": (
        "Giá trị nhỏ nhất là {min}.",
        "The smallest allowed value is {min}.",
    ),
    "answer.above_max": (
        "Giá trị lớn nhất là {max}.",
        "The largest allowed value is {max}.",
    ),
    "answer.not_boolean": (
        "Hãy trả lời «có» hoặc «không».",
        "Please answer “yes” or “no”.",
    ),
    "answer.unknown_option": (
        "Không có lựa chọn «{raw}». Hãy nhập số thứ tự hoặc tên của một lựa chọn trong danh sách.",
        "There is no option “{raw}”. Type the number or the name of an option in the list.",
    ),
    "answer.ambiguous_option": (
        "«{raw}» khớp với nhiều lựa chọn ({matches}). Hãy nhập số thứ tự.",
        "“{raw}” matches several options ({matches}). Type its number instead.",
    ),
    "answer.too_few_choices": (
        "Hãy chọn ít nhất {min} mục.",
        "Please choose at least {min}.",
    ),
    "answer.too_many_choices": (
        "Chỉ chọn tối đa {max} mục.",
        "Choose at most {max}.",
    ),
    "answer.no_options": (
        "Chưa có lựa chọn nào cho câu này vì câu trả lời mà nó dựa vào còn trống. Bạn có thể bỏ qua.",
        "This question has no options yet because the answer it draws them from is empty. You can skip it.",
    ),
    "answer.too_few_entries": (
        "Hãy liệt kê ít nhất {min} mục, mỗi mục một dòng hoặc cách nhau bằng dấu phẩy.",
        "Please list at least {min} entries, one per line or separated by commas.",
    ),
    "answer.too_many_entries": (
        "Danh sách có {count} mục; tối đa là {max}.",
        "The list has {count} entries; the most allowed is {max}.",
    ),
    "answer.duplicate_entry": (
        "«{first}» và «{second}» là cùng một mục. Hãy gộp hoặc đặt tên khác nhau.",
        "“{first}” and “{second}” are the same entry. Merge them or name them differently.",
    ),
    "answer.entry_too_long": (
        "Mục «{entry}…» dài {length} ký tự; tối đa là {limit}.",
        "The entry “{entry}…” is {length} characters long; the limit is {limit}.",
    ),
    "answer.not_on_scale": (
        "Hãy chọn một điểm từ {min} đến {max}, hoặc gõ tên của điểm đó.",
        "Choose a point from {min} to {max}, or type its label.",
    ),
    "answer.cannot_skip": (
        "Câu này là bắt buộc nên không thể bỏ qua.",
        "This question is required, so it cannot be skipped.",
    ),
    "answer.first_question": (
        "Đây đã là câu hỏi đầu tiên.",
        "This is already the first question.",
    ),
    "answer.not_in_interview": (
        "Không có câu hỏi «{ref}» trong buổi phỏng vấn này, hoặc nó không áp dụng với các câu trả lời hiện tại.",
        "There is no question “{ref}” in this interview, or it does not apply given the current answers.",
    ),
    "answer.finished": (
        "Buổi phỏng vấn đã hoàn tất; không còn câu hỏi nào.",
        "The interview is complete; there are no questions left.",
    ),
    "answer.cannot_remove_instance": (
        "Không thể bỏ mục này: cần giữ ít nhất {min}.",
        "This entry cannot be removed: at least {min} must remain.",
    ),
    # Question hints
    "hint.text": ("Trả lời ngắn gọn.", "A short answer."),
    "hint.long_text": (
        "Trả lời tự do; càng cụ thể càng tốt.",
        "Answer freely; the more concrete the better.",
    ),
    "hint.integer": ("Một số nguyên.", "A whole number."),
    "hint.integer_range": ("Một số nguyên từ {min} đến {max}.", "A whole number from {min} to {max}."),
    "hint.decimal": ("Một số (dùng dấu phẩy hoặc dấu chấm).", "A number (a decimal comma or point)."),
    "hint.decimal_range": ("Một số từ {min} đến {max}.", "A number from {min} to {max}."),
    "hint.percent": ("Một tỷ lệ từ 0 đến 100, ví dụ 35%.", "A percentage from 0 to 100, e.g. 35%."),
    "hint.boolean": ("Có hoặc không.", "Yes or no."),
    "hint.single_choice": ("Nhập số thứ tự hoặc tên lựa chọn.", "Type the option's number or name."),
    "hint.multi_choice": (
        "Chọn một hoặc nhiều: nhập các số cách nhau bằng dấu phẩy, ví dụ 1,3.",
        "Choose one or more: type their numbers separated by commas, e.g. 1,3.",
    ),
    "hint.open_choice": (
        "Nhập số thứ tự của một lựa chọn, hoặc tự viết câu trả lời của bạn.",
        "Type an option's number, or write your own answer.",
    ),
    "hint.list": (
        "Liệt kê các mục, mỗi mục một dòng hoặc cách nhau bằng dấu phẩy.",
        "List the entries, one per line or separated by commas.",
    ),
    "hint.scale": ("Chọn một điểm từ {min} đến {max}.", "Choose a point from {min} to {max}."),
    "hint.default": (
        "Để trống để dùng gợi ý: {default}",
        "Leave it empty to use the suggestion: {default}",
    ),
    "hint.optional": ("Có thể bỏ qua.", "You may skip this."),
    "hint.keep_current": (
        "Câu trả lời hiện tại: {current}. Để trống để giữ nguyên.",
        "Current answer: {current}. Leave it empty to keep it.",
    ),
    "question.add_another": (
        "Bạn có muốn thêm một mục «{heading}» nữa không?",
        "Would you like to add another “{heading}”?",
    ),
    "value.yes": ("Có", "Yes"),
    "value.no": ("Không", "No"),
    "value.skipped": ("(đã bỏ qua)", "(skipped)"),
    "value.other": ("{text}", "{text}"),
    "instance.numbered": ("{heading} {number}", "{heading} {number}"),
    # Bank problems
    "bank.location": ("{file}:{line}: {path}: {message}", "{file}:{line}: {path}: {message}"),
    "bank.location_noline": ("{file}: {path}: {message}", "{file}: {path}: {message}"),
    "bank.not_found": ("Không tìm thấy tệp «{path}».", "The file “{path}” does not exist."),
    "bank.unreadable": ("Không đọc được tệp: {reason}.", "The file cannot be read: {reason}."),
    "bank.not_utf8": ("Tệp không phải văn bản UTF-8.", "The file is not UTF-8 text."),
    "bank.syntax": ("Lỗi cú pháp YAML: {reason}.", "YAML syntax error: {reason}."),
    "bank.not_mapping": (
        "Ngân hàng câu hỏi phải là một bảng khóa–giá trị (mapping) ở cấp cao nhất.",
        "A question bank must be a mapping at its top level.",
    ),
    "bank.missing_field": ("Thiếu trường bắt buộc.", "A required field is missing."),
    "bank.unknown_field": (
        "Trường không được hỗ trợ; hãy kiểm tra chính tả.",
        "This field is not part of the format; check its spelling.",
    ),
    "bank.bad_value": ("Giá trị không hợp lệ: {detail}.", "Invalid value: {detail}."),
    "bank.bad_identifier": (
        "Mã «{value}» không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ.",
        "The id “{value}” is not valid: use lowercase ASCII letters, digits and underscores, starting with a letter.",
    ),
    "bank.bad_locale": (
        "Ngôn ngữ «{value}» không được hỗ trợ; hãy dùng vi hoặc en.",
        "The language “{value}” is not supported; use vi or en.",
    ),
    "bank.duplicate_id": (
        "Mã «{id}» bị trùng; nó đã được dùng tại {other}.",
        "The id “{id}” is used twice; it is already used at {other}.",
    ),
    "bank.missing_translation": (
        "Thiếu bản dịch «{locale}».",
        "The “{locale}” translation is missing.",
    ),
    "bank.default_locale_unlisted": (
        "Ngôn ngữ mặc định «{locale}» không có trong danh sách locales.",
        "The default locale “{locale}” is not listed in locales.",
    ),
    "bank.unknown_item": (
        "Tham chiếu tới mục «{id}» không tồn tại.",
        "Refers to the item “{id}”, which does not exist.",
    ),
    "bank.reference_not_earlier": (
        "Mục «{id}» phải đứng trước mục tham chiếu tới nó.",
        "The item “{id}” must come before the item that refers to it.",
    ),
    "bank.pipe_label_scope": (
        "«{pipe}» chỉ dùng được bên trong nhóm lặp theo «{id}».",
        "“{pipe}” can only be used inside a group that repeats for “{id}”.",
    ),
    "bank.pipe_unknown": (
        "Không hiểu «{pipe}»: hãy dùng {{MỤC.label}} hoặc {{answer:MỤC}}.",
        "“{pipe}” is not understood: use {{ITEM.label}} or {{answer:ITEM}}.",
    ),
    "bank.reference_out_of_scope": (
        "Mục «{id}» nằm trong một nhóm lặp khác nên không thể tham chiếu từ đây.",
        "The item “{id}” sits inside another repeating group, so it cannot be referred to from here.",
    ),
    "bank.condition_cycle": (
        "Các điều kiện tạo thành vòng lặp: {cycle}.",
        "The conditions form a cycle: {cycle}.",
    ),
    "bank.condition_on_unanswerable": (
        "Điều kiện phải dựa trên một câu hỏi có câu trả lời, không phải «{id}» ({type}).",
        "A condition must test a question that takes an answer, not “{id}” ({type}).",
    ),
    "bank.condition_inside_group": (
        "Điều kiện của một nhóm không thể dựa vào câu hỏi «{id}» nằm bên trong chính nhóm đó.",
        "A group's condition cannot depend on “{id}”, a question inside that same group.",
    ),
    "bank.condition_value_type": (
        "Giá trị của điều kiện phải là true/false, một số hoặc một chuỗi.",
        "A condition's value must be true/false, a number or a string.",
    ),
    "bank.condition_value": (
        "Điều kiện «{op}» trên mục «{id}» ({type}) cần giá trị {expected}.",
        "The condition “{op}” on “{id}” ({type}) needs {expected} as its value.",
    ),
    "bank.condition_unknown_option": (
        "Mục «{id}» không có lựa chọn mã «{value}».",
        "The item “{id}” has no option with the code “{value}”.",
    ),
    "bank.options_missing": (
        "Câu hỏi loại {type} cần danh sách options hoặc options_from.",
        "A {type} question needs options or options_from.",
    ),
    "bank.options_unexpected": (
        "Chỉ câu hỏi lựa chọn mới có options hoặc options_from.",
        "Only choice questions may have options or options_from.",
    ),
    "bank.options_from_type": (
        "options_from phải trỏ tới một mục loại list, không phải «{id}» ({type}).",
        "options_from must name a list item, not “{id}” ({type}).",
    ),
    "bank.repeat_for_type": (
        "repeat_for phải trỏ tới một mục loại list hoặc multi_choice, không phải «{id}» ({type}).",
        "repeat_for must name a list or multi_choice item, not “{id}” ({type}).",
    ),
    "bank.group_only": ("Chỉ nhóm (group) mới có trường «{field}».", "Only a group may have “{field}”."),
    "bank.group_empty": ("Nhóm cần ít nhất một mục.", "A group needs at least one item."),
    "bank.repeat_both": (
        "Một nhóm không thể vừa có repeat vừa có repeat_for.",
        "A group cannot have both repeat and repeat_for.",
    ),
    "bank.scale_points": (
        "Thang đo cần ít nhất hai điểm, giá trị tăng dần và không trùng.",
        "A scale needs at least two points, in ascending order with distinct values.",
    ),
    "bank.field_not_for_type": (
        "Trường «{field}» không dùng được cho câu hỏi loại {type}.",
        "The field “{field}” does not apply to a {type} question.",
    ),
    "bank.min_above_max": ("min ({min}) lớn hơn max ({max}).", "min ({min}) is greater than max ({max})."),
    "bank.default_source.list": (
        "default_from «{source}» chỉ dùng được cho câu hỏi loại list.",
        "default_from “{source}” only applies to a list question.",
    ),
    "bank.default_source.stage_scope": (
        "default_from «{source}» cần nằm trong một nhóm lặp theo danh sách giai đoạn.",
        "default_from “{source}” must sit inside a group repeated for the stages list.",
    ),
    "bank.default_source.choice": (
        "default_from «{source}» chỉ dùng được cho câu hỏi loại single_choice.",
        "default_from “{source}” only applies to a single_choice question.",
    ),
    "bank.preset_map_type": (
        "Loại bản đồ «{value}» không phải một lựa chọn của câu hỏi loại bản đồ.",
        "The map type “{value}” is not an option of the map-type question.",
    ),
    "bank.problem_count": (
        "Tìm thấy {count} vấn đề trong ngân hàng câu hỏi.",
        "Found {count} problem(s) in the question bank.",
    ),
    "bank.ok": (
        "{file}: hợp lệ — «{title}», phiên bản {version}, {steps} bước, {items} câu hỏi.",
        "{file}: valid — “{title}”, version {version}, {steps} steps, {items} questions.",
    ),
    "bank.unknown_bank": (
        "Không có ngân hàng câu hỏi «{id}». Các ngân hàng đã cài: {known}.",
        "There is no question bank “{id}”. Installed banks: {known}.",
    ),
    "bank.unknown_locale": (
        "Ngôn ngữ «{locale}» không được hỗ trợ; hãy chọn một trong: {known}.",
        "The language “{locale}” is not supported; choose one of: {known}.",
    ),
    "bank.unknown_preset": (
        "Không có mẫu «{preset}». Các mẫu có sẵn: {known}.",
        "There is no preset “{preset}”. Available presets: {known}.",
    ),
    # Command line
    "cli.banks.header": ("MÃ\tPHIÊN BẢN\tNGÔN NGỮ\tTÊN", "ID\tVERSION\tLANGUAGES\tTITLE"),
    "cli.error": ("Lỗi: {message}", "Error: {message}"),
    "cli.usage_hint": ("Gõ «journey --help» để xem cách dùng.", "Run “journey --help” for usage."),
    "cli.interrupted": ("Đã dừng.", "Stopped."),
    "cli.help.root": (
        "journey phỏng vấn bạn qua sáu bước xây dựng bản đồ hành trình khách hàng, lưu từng câu trả lời, "
        "rồi lập bản đồ nêu rõ trở ngại của khách hàng và nguồn lực doanh nghiệp còn thiếu.",
        "journey interviews you through the six steps of building a customer journey map, saves every "
        "answer, and turns the interview into a map that names the customer's obstacles and the business's "
        "resource gaps.",
    ),
    "cli.help.lang": ("Ngôn ngữ hiển thị: vi hoặc en.", "The language to use: vi or en."),
    "cli.help.banks": (
        "Liệt kê các ngân hàng câu hỏi đã cài; các lệnh con kiểm tra, xem và mô tả định dạng.",
        "List the installed question banks; subcommands check, show and describe the format.",
    ),
    "cli.help.banks_check": (
        "Kiểm tra một tệp ngân hàng câu hỏi; báo từng lỗi kèm vị trí và thoát với mã khác 0 nếu có lỗi.",
        "Validate a question-bank file; report each problem with its location and exit non-zero if any.",
    ),
    "cli.help.banks_show": (
        "Hiển thị một ngân hàng câu hỏi theo mã: dàn ý dễ đọc, hoặc mô hình đầy đủ với --json.",
        "Show an installed bank by id: a readable outline, or the full model with --json.",
    ),
    "cli.help.json": ("In ra dạng JSON.", "Print JSON."),
    "cli.help.banks_schema": (
        "In JSON Schema của định dạng ngân hàng câu hỏi, để trình soạn thảo gợi ý và kiểm tra.",
        "Print the JSON Schema of the bank format, for completion and checking in your editor.",
    ),
    "outline.step": ("Bước {number}: {title}", "Step {number}: {title}"),
    "outline.required": ("bắt buộc", "required"),
    "outline.repeat_for": ("lặp lại cho mỗi mục của {source}", "repeated for each entry of {source}"),
    "outline.repeat": ("lặp lại theo ý người dùng", "repeated as the user adds"),
    "outline.when": ("khi {conditions}", "when {conditions}"),
    "outline.presets": ("Mẫu có sẵn", "Presets"),
}


def t(key: str, locale: str, /, **params: Any) -> str:
    """The message `key` in `locale` (English when the locale is not Vietnamese), with params filled in."""
    vietnamese, english = MESSAGES[key]
    template = vietnamese if locale == "vi" else english
    return template.format(**params) if params else template


def detect_locale(environ: Mapping[str, str] | None = None) -> Locale:
    """The system's language as journey knows it: Vietnamese for a vi_* locale, English otherwise."""
    env = os.environ if environ is None else environ
    for variable in ("JOURNEY_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def parse_locale(value: str) -> Locale | None:
    lowered = value.strip().lower().replace("-", "_")
    return next((loc for loc in SUPPORTED_LOCALES if lowered == loc or lowered.startswith(loc + "_")), None)
