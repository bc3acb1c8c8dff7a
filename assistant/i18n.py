"""Every user-facing string that is not bank content, in Vietnamese and English, and locale detection."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Literal

# Defined here, not in the bank model, so the command line can speak without importing pydantic.
Locale = Literal["vi", "en"]
SUPPORTED_LOCALES: tuple[Locale, ...] = ("vi", "en")

# key -> (Vietnamese, English). Placeholders use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    # Answer parsing
    "answer.not_a_list": (
        "Câu này cần một giá trị đơn, không phải một danh sách.",
        "This question takes a single value, not a list.",
    ),
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
    "bank.title_item_type": (
        "title_item «{id}» phải là một câu hỏi dạng text, không nằm trong nhóm lặp.",
        "title_item “{id}” must be a text question outside any repeating group.",
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
        "rồi lập bản đồ nêu rõ trở ngại của khách hàng và nguồn lực doanh nghiệp còn thiếu. "
        "Gõ «journey» không kèm lệnh để mở ứng dụng.",
        "journey interviews you through the six steps of building a customer journey map, saves every "
        "answer, and turns the interview into a map that names the customer's obstacles and the business's "
        "resource gaps. Run journey with no command to open the app.",
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
    # The store
    "store.readonly": (
        "Không ghi được vào «{path}»: tệp hoặc thư mục chỉ cho phép đọc. Hãy kiểm tra quyền, hoặc chọn tệp khác "
        "bằng --db.",
        "Cannot write to “{path}”: the file or its folder is read-only. Check the permissions, or pick another "
        "file with --db.",
    ),
    "store.disk_full": (
        "Ổ đĩa chứa «{path}» đã đầy; chưa có gì bị mất. Hãy giải phóng dung lượng rồi thử lại.",
        "The disk holding “{path}” is full; nothing was lost. Free some space and try again.",
    ),
    "store.busy": (
        "Một tiến trình journey khác đang ghi vào «{path}» quá lâu. Hãy thử lại sau giây lát.",
        "Another journey process has been writing to “{path}” for too long. Try again in a moment.",
    ),
    "store.cannot_open": ("Không mở được «{path}»: {reason}.", "Cannot open “{path}”: {reason}."),
    "store.failed": ("Thao tác với «{path}» thất bại: {reason}.", "The operation on “{path}” failed: {reason}."),
    "store.corrupt": (
        "«{path}» bị hỏng hoặc không đọc được ({reason}). Tệp được giữ nguyên; hãy khôi phục từ bản sao lưu "
        "hoặc dùng tệp khác với --db.",
        "“{path}” is damaged or unreadable ({reason}). It was left untouched; restore it from a backup or use "
        "another file with --db.",
    ),
    "store.foreign": (
        "«{path}» là cơ sở dữ liệu SQLite của một ứng dụng khác; journey không ghi vào đó. Hãy chọn tệp khác với --db.",
        "“{path}” is another application's SQLite database; journey will not write to it. Pick another file with --db.",
    ),
    "store.newer": (
        "«{path}» được tạo bởi một phiên bản journey mới hơn (lược đồ {version}, bản này hiểu đến {supported}). "
        "Hãy cập nhật journey; tệp được giữ nguyên.",
        "“{path}” was written by a newer journey (schema {version}; this one understands up to {supported}). "
        "Update journey; the file was left untouched.",
    ),
    "store.is_directory": (
        "«{path}» là một thư mục; --db cần đường dẫn tới một tệp.",
        "“{path}” is a folder; --db needs the path of a file.",
    ),
    "store.not_sqlite": (
        "«{path}» không phải cơ sở dữ liệu của journey (cũng không phải SQLite). Tệp được giữ nguyên; hãy chọn "
        "tệp khác với --db.",
        "“{path}” is not a journey database (not even SQLite). It was left untouched; pick another file with --db.",
    ),
    "store.no_interview": (
        "Không có cuộc phỏng vấn nào mã «{id}». Gõ «journey list» để xem các mã.",
        "There is no interview with the id “{id}”. Run “journey list” to see the ids.",
    ),
    "store.no_interviews": (
        "Chưa có cuộc phỏng vấn nào. Gõ «journey chat» để bắt đầu.",
        "There are no interviews yet. Run “journey chat” to start one.",
    ),
    "store.unknown_status": (
        "Không có trạng thái «{status}»; hãy dùng một trong: {known}.",
        "There is no status “{status}”; use one of: {known}.",
    ),
    "store.bank_missing": (
        "Thiếu bản lưu của ngân hàng câu hỏi {hash}… trong cơ sở dữ liệu.",
        "The database lacks the saved copy of question bank {hash}….",
    ),
    "interview.default_title": ("Phỏng vấn {date}", "Interview {date}"),
    # Files
    "file.not_found": ("Không tìm thấy tệp «{path}».", "The file “{path}” does not exist."),
    "file.not_utf8": ("«{path}» không phải văn bản UTF-8.", "“{path}” is not UTF-8 text."),
    "file.unreadable": ("Không đọc được «{path}»: {reason}.", "Cannot read “{path}”: {reason}."),
    "file.syntax": (
        "«{path}», dòng {line}: lỗi cú pháp: {reason}.",
        "“{path}”, line {line}: syntax error: {reason}.",
    ),
    "file.unknown_kind": (
        "«{path}» không phải bản xuất của journey (format: journey-interview) cũng không phải tệp câu trả lời "
        "(cần có «bank» và «answers»).",
        "“{path}” is neither a journey export (format: journey-interview) nor an answers file (it needs "
        "“bank” and “answers”).",
    ),
    "file.invalid": ("«{path}» không hợp lệ: {detail}.", "“{path}” is not valid: {detail}."),
    "file.bank_hash": (
        "Ngân hàng câu hỏi trong «{path}» không khớp với mã băm của nó: tệp đã bị sửa. Không nhập gì cả.",
        "The question bank inside “{path}” does not match its hash: the file was edited. Nothing was imported.",
    ),
    "file.exists": (
        "«{path}» đã tồn tại. Thêm --force để ghi đè, hoặc chọn tên khác với -o.",
        "“{path}” already exists. Add --force to overwrite it, or choose another name with -o.",
    ),
    "file.is_directory": ("«{path}» là một thư mục.", "“{path}” is a folder."),
    "file.unwritable": (
        "Không ghi được «{path}»: {reason}. Không có tệp nào bị ghi dở.",
        "Cannot write “{path}”: {reason}. No partial file was left behind.",
    ),
    # Answers files
    "answers_file.invalid": ("{path}: {message}", "{path}: {message}"),
    "answers_file.not_asked": (
        "{path}: câu hỏi này không được hỏi với các câu trả lời còn lại (điều kiện của nó không thỏa, hoặc nhóm "
        "lặp không có mục tương ứng). Không nhập gì cả.",
        "{path}: this question is not asked given the other answers (its condition does not hold, or the "
        "repeating group has no such instance). Nothing was imported.",
    ),
    "answers_file.not_mapping": (
        "{path}: cần một bảng «mã câu hỏi: câu trả lời».",
        "{path}: expected a mapping of question ids to answers.",
    ),
    "answers_file.unknown_item": (
        "{path}: ngân hàng câu hỏi không có mục «{id}».",
        "{path}: the question bank has no item “{id}”.",
    ),
    "answers_file.not_list": (
        "{path}: nhóm lặp cần một danh sách, mỗi phần tử là một lần lặp.",
        "{path}: a repeating group takes a list, one object per instance.",
    ),
    # The plain chat
    "chat.banner": ("journey · «{title}» (mã {id})", "journey · “{title}” (id {id})"),
    "chat.commands_hint": (
        "Gõ câu trả lời rồi Enter. Lệnh: /help /back /skip /review /edit /lang /quit. "
        'Trả lời nhiều dòng: gõ """ trên một dòng, các dòng, rồi """ lần nữa.',
        "Type your answer and press Enter. Commands: /help /back /skip /review /edit /lang /quit. "
        'For several lines: type """ on a line, the lines, then """ again.',
    ),
    "chat.step_header": ("== Bước {number}/{count}: {title} ==", "== Step {number} of {count}: {title} =="),
    "chat.question": ("[{number}/{total}] {text}", "[{number}/{total}] {text}"),
    "chat.prompt": ("> ", "> "),
    "chat.invalid": ("! {message}", "! {message}"),
    "chat.probe": ("? {message}", "? {message}"),
    "chat.saved_bye": (
        "Đã lưu mọi câu trả lời. Tiếp tục bất cứ lúc nào: journey chat {id}",
        "Every answer is saved. Continue any time: journey chat {id}",
    ),
    "chat.unknown_command": (
        "Không có lệnh {command}. Gõ /help để xem các lệnh.",
        "There is no command {command}. Type /help to see the commands.",
    ),
    "chat.finished": (
        "Xong! Bạn đã đi hết sáu bước. Xuất bản đồ: journey export {id} --format json -o bando.json",
        "Done! You have been through all six steps. Export it: journey export {id} --format json -o map.json",
    ),
    "chat.resume": (
        "Tiếp tục cuộc phỏng vấn: đã trả lời {done}/{total} câu.",
        "Resuming the interview: {done} of {total} questions answered.",
    ),
    "chat.resume_last": ("Câu trả lời gần nhất: {question} → {answer}", "Last answer: {question} → {answer}"),
    "chat.resume_draft": ("Bản nháp chưa gửi: {draft}", "Unsent draft: {draft}"),
    "chat.resume_step": ("Bạn đang ở bước {number}: {title}.", "You are at step {number}: {title}."),
    "chat.step_summary": (
        "Tóm tắt bước «{title}»: {answered} câu trả lời, {skipped} câu bỏ qua.",
        "Summary of “{title}”: {answered} answers, {skipped} skipped.",
    ),
    "chat.summary_more": ("  … và {count} câu trả lời khác (/review để xem hết).", "  … and {count} more (/review)."),
    "chat.edit_usage": (
        "Dùng /edit SỐ (số thứ tự trong /review) hoặc /edit MÃ_CÂU_HỎI.",
        "Use /edit NUMBER (its number in /review) or /edit QUESTION_ID.",
    ),
    "chat.review_hint": (
        "Sửa một câu: /edit SỐ. Tiếp tục: trả lời câu hỏi hiện tại.",
        "To change one: /edit NUMBER. To go on: answer the current question.",
    ),
    "chat.help_why": ("Vì sao hỏi câu này: {help}", "Why this is asked: {help}"),
    "chat.help_none": ("(không có ghi chú)", "(no note)"),
    "chat.help_examples": ("Ví dụ:", "Examples:"),
    "chat.help_commands": (
        "Lệnh: /back quay lại câu trước · /skip bỏ qua (nếu không bắt buộc) · /review xem mọi câu trả lời · "
        "/edit SỐ sửa một câu · /lang vi|en đổi ngôn ngữ · /quit lưu và thoát.",
        "Commands: /back previous question · /skip skip it (when optional) · /review every answer · "
        "/edit NUMBER change one · /lang vi|en switch language · /quit save and leave.",
    ),
    "chat.lang_usage": ("Dùng /lang vi hoặc /lang en.", "Use /lang vi or /lang en."),
    "chat.lang_set": ("Đã chuyển sang tiếng Việt.", "Switched to English."),
    "chat.unanswered": ("(chưa trả lời)", "(not answered)"),
    # Interview commands
    "cli.help.db": (
        "Tệp cơ sở dữ liệu (mặc định: journey.db trong thư mục dữ liệu người dùng; hoặc biến JOURNEY_DB).",
        "The database file (default: journey.db in the user data folder; or the JOURNEY_DB variable).",
    ),
    "cli.help.list": (
        "Liệt kê các cuộc phỏng vấn đã lưu, mới nhất trước.",
        "List the saved interviews, newest first.",
    ),
    "cli.help.status": ("Chỉ những cuộc có trạng thái này.", "Only interviews with this status."),
    "cli.help.search": (
        "Chỉ những cuộc có tên hoặc mã chứa TEXT (không phân biệt hoa thường, dấu).",
        "Only interviews whose title or id contains TEXT (case and accents ignored).",
    ),
    "cli.help.chat": (
        "Phỏng vấn dạng dòng lệnh đơn giản (cho trình đọc màn hình và script). Không có ID: bắt đầu cuộc mới; "
        "có ID: tiếp tục.",
        "The interview as plain lines (for screen readers and scripts). Without an ID it starts a new one; "
        "with one it resumes.",
    ),
    "cli.help.plain": ("Dùng chế độ dòng đơn giản.", "Use the plain line mode."),
    "cli.help.locale": ("Ngôn ngữ của cuộc phỏng vấn: vi hoặc en.", "The interview's language: vi or en."),
    "cli.help.preset": (
        "Mẫu hành trình: b2b, ecommerce, b2c, retail hoặc general.",
        "The journey preset: b2b, ecommerce, b2c, retail or general.",
    ),
    "cli.help.title": ("Tên của cuộc phỏng vấn.", "The interview's title."),
    "cli.help.bank": ("Ngân hàng câu hỏi dùng cho cuộc mới.", "The question bank for a new interview."),
    "cli.help.rename": ("Đổi tên một cuộc phỏng vấn.", "Rename an interview."),
    "cli.help.delete": (
        "Xóa một cuộc phỏng vấn cùng mọi câu trả lời (hỏi xác nhận trừ khi có --yes).",
        "Delete an interview with all its answers (asks first unless --yes).",
    ),
    "cli.help.yes": ("Không hỏi xác nhận.", "Do not ask for confirmation."),
    "cli.help.duplicate": (
        "Tạo bản sao một cuộc phỏng vấn, ví dụ để thử một bản đồ tương lai.",
        "Copy an interview, for example to explore a future-state variant.",
    ),
    "cli.help.export": (
        "Xuất bản đồ hành trình của một cuộc phỏng vấn (ra màn hình, hoặc vào tệp với -o).",
        "Export an interview's journey map (to the screen, or to a file with -o).",
    ),
    "cli.help.format": (
        "Định dạng xuất: md (Markdown), html hoặc json (cuộc phỏng vấn kèm bản đồ). Mặc định theo đuôi tệp -o, "
        "không có thì md.",
        "The export format: md (Markdown), html, or json (the interview with its map). By default the -o file's "
        "suffix decides, else md.",
    ),
    "cli.help.map_locale": (
        "Ngôn ngữ của bản đồ (mặc định: ngôn ngữ của cuộc phỏng vấn).",
        "The map's language (by default the interview's).",
    ),
    "cli.help.export_schema": (
        "In JSON Schema của định dạng json rồi thoát.",
        "Print the JSON Schema of the json format and exit.",
    ),
    "cli.export_needs_id": (
        "Hãy cho biết mã cuộc phỏng vấn cần xuất (xem «journey list»).",
        "Say which interview to export (see “journey list”).",
    ),
    "cli.unknown_format": (
        "Không có định dạng «{format}». Các định dạng: {known}.",
        "There is no format “{format}”. The formats are: {known}.",
    ),
    "cli.help.output": ("Tệp cần ghi.", "The file to write."),
    "cli.help.force": ("Ghi đè tệp đã có.", "Overwrite an existing file."),
    "cli.help.import": (
        "Nhập một bản xuất JSON của journey hoặc một tệp câu trả lời (YAML/JSON) thành cuộc phỏng vấn mới.",
        "Import a journey JSON export or an answers file (YAML/JSON) as a new interview.",
    ),
    "cli.list.header": (
        "MÃ\tTÊN\tMẪU\tNGÔN NGỮ\tTIẾN ĐỘ\tTRẠNG THÁI\tCẬP NHẬT",
        "ID\tTITLE\tPRESET\tLANGUAGE\tPROGRESS\tSTATUS\tUPDATED",
    ),
    "cli.list.more": (
        "Đang hiện {shown} cuộc mới nhất trong tổng số {total}. Dùng --all để xem hết, --search hoặc --status để lọc.",
        "Showing the {shown} most recent of {total}. Use --all for every one, or --search / --status to narrow.",
    ),
    "cli.help.limit": (
        "Hiện tối đa N cuộc (mặc định 100 khi in bảng).",
        "Show at most N (100 by default for the table).",
    ),
    "cli.help.all": ("Hiện mọi cuộc phỏng vấn.", "Show every interview."),
    "cli.list.empty": (
        "Chưa có cuộc phỏng vấn nào. Gõ «journey chat» để bắt đầu.",
        "No interviews yet. Run “journey chat” to start one.",
    ),
    "cli.status.in_progress": ("đang làm", "in progress"),
    "cli.status.completed": ("hoàn tất", "completed"),
    "cli.empty_title": ("Tên không được để trống.", "The title cannot be empty."),
    "cli.renamed": ("Đã đổi tên {id} thành «{title}».", "Renamed {id} to “{title}”."),
    "cli.confirm_delete": (
        "Xóa «{title}» ({id}) cùng {done} câu trả lời?",
        "Delete “{title}” ({id}) and its {done} answers?",
    ),
    "cli.delete_needs_yes": (
        "Xóa {id} cần xác nhận; khi không chạy trong terminal, hãy thêm --yes.",
        "Deleting {id} needs confirmation; when not in a terminal, add --yes.",
    ),
    "cli.delete_cancelled": ("Đã hủy, không xóa gì.", "Cancelled; nothing was deleted."),
    "cli.deleted": ("Đã xóa «{title}» ({id}).", "Deleted “{title}” ({id})."),
    "cli.copy_title": ("{title} (bản sao)", "{title} (copy)"),
    "cli.duplicated": ("Đã tạo bản sao {id}: «{title}».", "Created the copy {id}: “{title}”."),
    "cli.exported": ("Đã ghi {path}.", "Wrote {path}."),
    "cli.imported": (
        "Đã nhập thành cuộc phỏng vấn {id} «{title}» ({done}/{total} câu).",
        "Imported as interview {id} “{title}” ({done}/{total} questions).",
    ),
    # The journey map
    "map.rules_invalid": (
        "Tệp quy tắc phân tích {path} không hợp lệ: {reason}",
        "The analysis rules file {path} is not valid: {reason}",
    ),
    "map.lexicon_invalid": (
        "Tệp từ vựng trở ngại {path} không hợp lệ: {reason}",
        "The obstacle lexicon {path} is not valid: {reason}",
    ),
    "map.not_answered": ("Chưa trả lời.", "Not answered yet."),
    "map.status.in_progress": ("Đang thực hiện", "In progress"),
    "map.status.completed": ("Hoàn tất", "Completed"),
    "map.progress": ("{done}/{total} câu", "{done}/{total} questions"),
    "map.language.vi": ("Tiếng Việt", "Vietnamese"),
    "map.language.en": ("Tiếng Anh", "English"),
    "map.field.business": ("Doanh nghiệp", "Business"),
    "map.field.map_type": ("Loại bản đồ", "Map type"),
    "map.field.preset": ("Mẫu", "Preset"),
    "map.field.language": ("Ngôn ngữ", "Language"),
    "map.field.status": ("Trạng thái", "Status"),
    "map.field.created": ("Bắt đầu", "Started"),
    "map.field.updated": ("Cập nhật", "Updated"),
    "map.field.completed": ("Hoàn tất", "Completed"),
    "map.field.bank": ("Bộ câu hỏi", "Question bank"),
    "map.goals": ("Mục tiêu và phạm vi", "Goals and scope"),
    "map.field.offer": ("Sản phẩm, dịch vụ", "What the business offers"),
    "map.field.objective": ("Mục tiêu của bản đồ", "Objective of the map"),
    "map.field.why": ("Vì sao doanh nghiệp cần bản đồ", "Why the business needs it"),
    "map.field.business_goals": ("Mục tiêu kinh doanh", "Business goals"),
    "map.field.audience": ("Đối tượng", "Audience"),
    "map.field.desired_experience": ("Trải nghiệm mong muốn", "Experience wanted"),
    "map.field.expected_touchpoints": ("Số điểm chạm dự kiến", "Expected touchpoints"),
    "map.field.data_basis": ("Dữ liệu làm căn cứ", "Data it rests on"),
    "map.field.data_basis_notes": ("Ghi chú về dữ liệu", "Notes on the data"),
    "map.persona": ("Chân dung khách hàng", "Persona"),
    "map.field.persona_name": ("Tên", "Name"),
    "map.field.segment": ("Phân khúc", "Segment"),
    "map.field.age": ("Độ tuổi", "Age"),
    "map.field.gender": ("Giới tính", "Gender"),
    "map.field.income": ("Thu nhập", "Income"),
    "map.field.location": ("Nơi sống", "Location"),
    "map.field.occupation": ("Nghề nghiệp", "Occupation"),
    "map.field.persona_goals": ("Mục tiêu", "Goals"),
    "map.field.pains": ("Nỗi đau", "Pains"),
    "map.field.motivations": ("Động lực", "Motivations"),
    "map.field.behaviour": ("Hành vi", "Behaviour"),
    "map.segments": ("Phân khúc trọng tâm", "Segments in focus"),
    "map.research": ("Nghiên cứu khách hàng", "Customer research"),
    "map.at_a_glance": ("Toàn cảnh hành trình", "The journey at a glance"),
    "map.customer": ("Khách hàng", "Customer"),
    "map.unscored": (
        "{count} điểm chạm chưa có điểm cảm xúc được vẽ ở mức 3 (bình thường).",
        "{count} touchpoints without an emotion score are drawn at 3 (neutral).",
    ),
    "map.stages": ("Các giai đoạn", "Stages"),
    "map.field.stage_goal": ("Mục tiêu của khách", "Customer's goal"),
    "map.no_touchpoints": ("Chưa có điểm chạm nào ở giai đoạn này.", "No touchpoint in this stage yet."),
    "map.blueprint": ("Bản thiết kế dịch vụ (Blueprint)", "Service blueprint"),
    "map.layer.people": ("Con người", "People"),
    "map.layer.technology": ("Công nghệ", "Technology"),
    "map.layer.policies": ("Chính sách", "Policies"),
    "map.layer.processes": ("Quy trình", "Processes"),
    "map.obstacles": ("Trở ngại của khách hàng", "Customer obstacles"),
    "map.obstacles_intro": (
        "Những điều có thể khiến khách dừng lại, xếp theo mức độ; cột «Căn cứ» chỉ đến câu hỏi trong phụ lục.",
        "What may stop customers, by severity; the Evidence column points to the questions in the appendix.",
    ),
    "map.no_obstacles": ("Chưa phát hiện trở ngại nào từ các câu trả lời.", "No obstacle found in the answers so far."),
    "map.resource_gaps": ("Thiếu hụt nguồn lực", "Resource gaps"),
    "map.resource_gaps_intro": (
        "Những nguồn lực doanh nghiệp còn thiếu để gỡ các trở ngại, xếp theo mức độ.",
        "The resources the business lacks to remove the obstacles, by severity.",
    ),
    "map.no_gaps": ("Chưa phát hiện thiếu hụt nguồn lực nào.", "No resource gap found so far."),
    "map.severity.high": ("Cao", "High"),
    "map.severity.medium": ("Trung bình", "Medium"),
    "map.severity.low": ("Thấp", "Low"),
    "map.col.segment": ("Phân khúc", "Segment"),
    "map.col.description": ("Mô tả", "Description"),
    "map.col.share": ("Tỷ trọng", "Share"),
    "map.col.question": ("Câu hỏi", "Question"),
    "map.col.answer": ("Trả lời", "Answer"),
    "map.col.touchpoint": ("Điểm chạm", "Touchpoint"),
    "map.col.channel": ("Kênh", "Channel"),
    "map.col.actions": ("Hành động", "Actions"),
    "map.col.thoughts": ("Suy nghĩ, câu hỏi", "Thoughts and questions"),
    "map.col.emotion": ("Cảm xúc", "Emotion"),
    "map.col.motivation": ("Động lực", "Motivation"),
    "map.col.obstacles": ("Trở ngại", "Obstacles"),
    "map.col.opportunities": ("Cơ hội", "Opportunities"),
    "map.col.stage": ("Giai đoạn", "Stage"),
    "map.col.severity": ("Mức độ", "Severity"),
    "map.col.kind": ("Loại", "Kind"),
    "map.col.where": ("Ở đâu", "Where"),
    "map.col.finding": ("Phát hiện", "Finding"),
    "map.col.next_step": ("Bước tiếp theo", "Next step"),
    "map.col.evidence": ("Căn cứ", "Evidence"),
    "map.col.figure": ("Chỉ số", "Figure"),
    "map.col.value": ("Giá trị", "Value"),
    "map.col.resource": ("Nguồn lực", "Resource"),
    "map.col.have": ("Đang có", "What the business has"),
    "map.col.need": ("Còn cần", "What it needs"),
    "map.figures": ("Số liệu phân tích", "Analysis figures"),
    "map.figure.stages": ("Số giai đoạn", "Stages"),
    "map.figure.touchpoints": ("Số điểm chạm đã liệt kê", "Touchpoints listed"),
    "map.figure.expected": ("Số điểm chạm dự kiến", "Touchpoints expected"),
    "map.figure.average_emotion": ("Cảm xúc trung bình (1–5)", "Average emotion (1–5)"),
    "map.figure.daily_visitors": ("Khách xem mỗi ngày", "Visitors a day"),
    "map.figure.no_purchase": ("Khách xem mà không mua mỗi ngày", "Visitors a day who do not buy"),
    "map.figure.no_purchase_share": ("Tỷ lệ xem mà không mua", "Share who look without buying"),
    "map.figure.bounce_rate": ("Tỷ lệ thoát", "Bounce rate"),
    "map.figure.drop_off": ("Nơi khách rời đi", "Where customers leave"),
    "map.figure.drop_off_reason": ("Lý do rời đi", "Why they leave"),
    "map.figure.care_quality": ("Chất lượng chăm sóc khách hàng", "Customer care quality"),
    "map.figure.channels_tracked": ("Kênh được theo dõi", "Channels tracked"),
    "map.figure.journey_obstacles": ("Trở ngại trên đường mua", "Obstacles on the way to purchase"),
    "map.resources": ("Nguồn lực", "Resources"),
    "map.review": ("Kế hoạch xem lại", "Review plan"),
    "map.field.cadence": ("Xem lại", "Review cadence"),
    "map.field.change_drivers": ("Thay đổi cần theo dõi", "Changes to watch"),
    "map.field.owner": ("Người phụ trách", "Owner"),
    "map.field.first_change": ("Thay đổi đầu tiên", "First change"),
    "map.missing": ("Còn thiếu", "Still missing"),
    "map.missing_intro": (
        "Bản đồ này chưa đầy đủ: còn {count} câu hỏi chưa trả lời. Tiếp tục bằng «journey chat ID».",
        "This map is partial: {count} questions are still open. Continue with “journey chat ID”.",
    ),
    "map.and_more": ("và {count} câu khác (xem phụ lục)", "and {count} more (see the appendix)"),
    "map.appendix": ("Phụ lục: mọi câu hỏi và câu trả lời", "Appendix: every question and answer"),
    "map.step": ("Bước {number}: {title}", "Step {number}: {title}"),
    "map.answer.skipped": ("bỏ qua", "skipped"),
    "map.answer.unanswered": ("chưa trả lời", "not answered yet"),
    # The full-screen app
    "cli.help.new": (
        "Mở ứng dụng và bắt đầu ngay một cuộc phỏng vấn mới.",
        "Open the app straight on a new interview.",
    ),
    "cli.help.resume": (
        "Mở ứng dụng và tiếp tục một cuộc phỏng vấn (không có ID: cuộc chưa xong gần nhất).",
        "Open the app on an interview to continue it (without an ID: the most recent unfinished one).",
    ),
    "cli.needs_terminal": (
        "Ứng dụng toàn màn hình cần một cửa sổ dòng lệnh. Khi dùng script hoặc trình đọc màn hình, "
        "hãy gõ «journey chat».",
        "The full-screen app needs a terminal. For scripts and screen readers, use “journey chat”.",
    ),
    "cli.nothing_to_resume": (
        "Không có cuộc phỏng vấn nào đang dở. Gõ «journey new» để bắt đầu.",
        "There is no unfinished interview to resume. Run “journey new” to start one.",
    ),
    "tui.key.quit": ("Thoát", "Quit"),
    "tui.key.new": ("Cuộc mới", "New"),
    "tui.key.resume": ("Tiếp tục", "Resume"),
    "tui.key.export": ("Xuất", "Export"),
    "tui.key.rename": ("Đổi tên", "Rename"),
    "tui.key.delete": ("Xoá", "Delete"),
    "tui.key.duplicate": ("Nhân bản", "Duplicate"),
    "tui.key.filter": ("Lọc", "Filter"),
    "tui.key.cancel": ("Huỷ", "Cancel"),
    "tui.key.start": ("Bắt đầu", "Start"),
    "tui.key.yes": ("Có", "Yes"),
    "tui.key.no": ("Không", "No"),
    "tui.key.close": ("Đóng", "Close"),
    "tui.key.help": ("Vì sao", "Why"),
    "tui.key.back": ("Lùi", "Back"),
    "tui.key.skip": ("Bỏ qua", "Skip"),
    "tui.key.edit": ("Sửa", "Edit"),
    "tui.key.map": ("Bản đồ", "Map"),
    "tui.key.language": ("Ngôn ngữ", "Language"),
    "tui.key.home": ("Về", "Home"),
    "tui.key.back_to_interview": ("Về cuộc phỏng vấn", "Back to the interview"),
    "tui.key.contents": ("Mục lục", "Contents"),
    "tui.key.new_line": ("Xuống dòng", "New line"),
    "tui.key.move_up": ("Chuyển lên", "Move up"),
    "tui.key.move_down": ("Chuyển xuống", "Move down"),
    "tui.key.remove": ("Xoá mục", "Remove"),
    "tui.key.send": ("Gửi", "Send"),
    "tui.key.send_list": ("Gửi danh sách", "Send the list"),
    "tui.key.palette": ("lệnh", "palette"),
    "tui.palette.theme": ("Đổi giao diện", "Change theme"),
    "tui.palette.theme_help": (
        "Chọn bảng màu sáng hoặc tối; journey nhớ lựa chọn này.",
        "Pick a light or dark palette; journey remembers it.",
    ),
    "tui.palette.keys": ("Các phím", "Keys"),
    "tui.palette.keys_help": ("Hiện các phím dùng được ở đây.", "Show the keys that work here."),
    "tui.palette.key": ("Phím: {key}", "Key: {key}"),
    "tui.yes": ("Có", "Yes"),
    "tui.no": ("Không", "No"),
    "tui.cancel": ("Huỷ", "Cancel"),
    "tui.close": ("Đóng", "Close"),
    "tui.language.vi": ("Tiếng Việt", "Vietnamese"),
    "tui.language.en": ("Tiếng Anh", "English"),
    "tui.home.subtitle": ("Các cuộc phỏng vấn đã lưu", "Saved interviews"),
    "tui.home.filter": ("Gõ để lọc theo tên hoặc mã…", "Type to filter by title or id…"),
    "tui.status.in_progress": ("Đang làm", "In progress"),
    "tui.status.completed": ("Hoàn tất", "Completed"),
    "tui.home.col.title": ("Tên", "Title"),
    "tui.home.col.preset": ("Mẫu", "Preset"),
    "tui.home.col.language": ("Ngôn ngữ", "Language"),
    "tui.home.col.progress": ("Tiến độ", "Progress"),
    "tui.home.col.status": ("Trạng thái", "Status"),
    "tui.home.col.updated": ("Cập nhật", "Updated"),
    "tui.home.no_match": (
        "Không có cuộc phỏng vấn nào khớp với «{search}». Xoá bộ lọc để xem tất cả.",
        "No interview matches “{search}”. Clear the filter to see them all.",
    ),
    "tui.home.welcome": (
        "Chào mừng bạn đến với journey!\n\n"
        "Mình sẽ cùng bạn xây dựng bản đồ hành trình khách hàng qua sáu bước, hỏi từng câu một:\n\n"
        "  1. Đặt mục tiêu cho bản đồ: bản đồ phục vụ mục tiêu kinh doanh nào.\n"
        "  2. Hiểu khách hàng: chân dung và phân khúc khách hàng trọng tâm.\n"
        "  3. Liệt kê các điểm chạm: mọi nơi khách gặp doanh nghiệp, theo từng giai đoạn.\n"
        "  4. Chọn loại bản đồ: hiện tại, tương lai, một ngày trong đời hay blueprint.\n"
        "  5. Phân tích dữ liệu: khách rời đi ở đâu, vì sao, và cảm xúc ở từng điểm chạm.\n"
        "  6. Thay đổi khi cần thiết: ai phụ trách, bao lâu xem lại một lần.\n\n"
        "Mỗi câu trả lời được lưu ngay, bạn có thể dừng và quay lại bất cứ lúc nào. Cuối cùng, journey lập "
        "bản đồ nêu rõ trở ngại của khách hàng và nguồn lực doanh nghiệp còn thiếu.\n\n"
        "Nhấn n hoặc nút bên dưới để bắt đầu.",
        "Welcome to journey!\n\n"
        "Together we will build a customer journey map in six steps, one question at a time:\n\n"
        "  1. Set clear goals: which business goals the map serves.\n"
        "  2. Understand the customer: the persona and the segments in focus.\n"
        "  3. List the touchpoints: everywhere customers meet the business, stage by stage.\n"
        "  4. Choose the map type: current state, future state, day in the life, or service blueprint.\n"
        "  5. Analyse the map's data: where customers leave, why, and how they feel at each touchpoint.\n"
        "  6. Change when needed: who owns the map and how often it is reviewed.\n\n"
        "Every answer is saved as you give it, so you can stop and come back any time. At the end, journey "
        "turns the interview into a map that names the customer's obstacles and the business's resource gaps.\n\n"
        "Press n or the button below to start.",
    ),
    "tui.home.start": ("Bắt đầu cuộc phỏng vấn đầu tiên", "Start your first interview"),
    "tui.home.rename_prompt": ("Tên mới cho cuộc phỏng vấn:", "A new title for the interview:"),
    "tui.home.renamed": ("Đã đổi tên thành «{title}».", "Renamed to “{title}”."),
    "tui.home.delete_confirm": (
        "Xoá «{title}» cùng {done} câu trả lời của nó? Không thể hoàn tác.",
        "Delete “{title}” and its {done} answers? This cannot be undone.",
    ),
    "tui.home.deleted": ("Đã xoá «{title}».", "Deleted “{title}”."),
    "tui.home.duplicated": ("Đã tạo bản sao «{title}».", "Created the copy “{title}”."),
    "tui.new.subtitle": ("Cuộc phỏng vấn mới", "New interview"),
    "tui.new.title_label": ("Tên (không bắt buộc)", "Title (optional)"),
    "tui.new.title_placeholder": (
        "Bỏ trống để lấy tên doanh nghiệp bạn nhập ở câu đầu tiên",
        "Leave empty to use the business name you give first",
    ),
    "tui.new.language_label": ("Ngôn ngữ của cuộc phỏng vấn", "The interview's language"),
    "tui.new.preset_label": ("Mẫu bắt đầu", "Starting preset"),
    "tui.new.stages": ("Các giai đoạn gợi ý:", "Suggested stages:"),
    "tui.new.start": ("Bắt đầu (Ctrl+S)", "Start (Ctrl+S)"),
    "tui.greeting": (
        "Xin chào! Mình sẽ hỏi bạn từng câu một qua sáu bước để lập bản đồ hành trình «{title}». "
        "Mọi câu trả lời được lưu ngay. Nhấn F1 để biết vì sao mình hỏi, F4 để sửa một câu trước đó.",
        "Hello! I will ask you one question at a time through six steps to build the journey map “{title}”. "
        "Every answer is saved as you go. Press F1 to see why I ask, F4 to change an earlier answer.",
    ),
    "tui.resumed": (
        "— Tiếp tục: đã trả lời {done}/{total} câu. —",
        "— Resuming: {done} of {total} questions answered. —",
    ),
    "tui.draft_back": (
        "Câu bạn đang gõ dở lần trước đã được đặt lại vào ô trả lời.",
        "The answer you were typing last time is back in the answer box.",
    ),
    "tui.earlier": ("Xem các tin nhắn trước", "Show earlier messages"),
    "tui.step_of": ("Bước {number}/{count}", "Step {number} of {count}"),
    "tui.complete": ("Đã xong", "Complete"),
    "tui.progress": ("Đã trả lời {done}/{total}", "{done} of {total} answered"),
    "tui.empty_answer": ("(để trống)", "(left empty)"),
    "tui.finished": (
        "Xong rồi! Bạn đã đi hết sáu bước. Bản đồ đã sẵn sàng.",
        "Done! You have been through all six steps. Your map is ready.",
    ),
    "tui.finished_keys": (
        "F5 xem bản đồ · F6 xuất bản đồ · F4 sửa một câu trả lời · Esc về danh sách",
        "F5 view the map · F6 export it · F4 change an answer · Esc back to the list",
    ),
    "tui.changed": ("Đã sửa «{question}»: {before} → {after}", "Changed “{question}”: {before} → {after}"),
    "tui.unchanged": ("«{question}» giữ nguyên.", "“{question}” is unchanged."),
    "tui.finding": ("Phân tích: {message}", "Analysis: {message}"),
    "tui.findings_more": (
        "… và {count} phát hiện khác, xem trong bản đồ (F5).",
        "… and {count} more findings: see the map (F5).",
    ),
    "tui.said.back": ("(quay lại câu trước)", "(back to the previous question)"),
    "tui.said.skip": ("(bỏ qua)", "(skipped)"),
    "tui.said.edit": ("(sửa câu «{question}»)", "(change “{question}”)"),
    "tui.said.language": ("(đổi sang {language})", "(switch to {language})"),
    "tui.language_set": (
        "Từ giờ mình sẽ nói tiếng Việt. Các tin nhắn trước giữ nguyên.",
        "From now on I will speak English. Earlier messages stay as they were.",
    ),
    "tui.hint.text": (
        "Enter để gửi · Ctrl+J để xuống dòng · F1 vì sao hỏi",
        "Enter sends · Ctrl+J adds a line · F1 why this is asked",
    ),
    "tui.hint.number": ("Enter để gửi", "Enter sends"),
    "tui.hint.choice": ("↑↓ rồi Enter, hoặc gõ số thứ tự", "↑↓ then Enter, or type the number"),
    "tui.hint.scale": ("↑↓ rồi Enter, hoặc gõ điểm số", "↑↓ then Enter, or type the score"),
    "tui.hint.multi": ("Space để chọn · Enter để gửi", "Space ticks · Enter sends"),
    "tui.hint.open": (
        "Chọn một mục, hoặc gõ câu trả lời khác vào ô bên dưới rồi Enter",
        "Pick one, or type your own in the field below and press Enter",
    ),
    "tui.hint.list": (
        "Enter thêm một mục · Enter ở ô trống để gửi · Del xoá · Alt+↑↓ đổi thứ tự",
        "Enter adds an entry · Enter on an empty field sends · Del removes · Alt+↑↓ reorders",
    ),
    "tui.answer.text": ("Gõ câu trả lời của bạn…", "Type your answer…"),
    "tui.answer.number": ("Gõ một số…", "Type a number…"),
    "tui.answer.other": ("Khác: gõ câu trả lời của bạn…", "Other: type your own…"),
    "tui.answer.entry": ("Thêm một mục…", "Add an entry…"),
    "tui.help.why": ("Vì sao mình hỏi", "Why this is asked"),
    "tui.help.examples": ("Ví dụ", "Examples"),
    "tui.help.format": ("Cách trả lời", "How to answer"),
    "tui.help.keys": (
        "F2 quay lại · F3 bỏ qua · F4 sửa câu trước · F5 xem bản đồ · F6 xuất · F7 đổi ngôn ngữ · "
        "Esc về danh sách · Ctrl+P mọi lệnh · Ctrl+Q thoát (câu đang gõ được giữ lại)",
        "F2 back · F3 skip · F4 change an earlier answer · F5 map · F6 export · F7 language · "
        "Esc home · Ctrl+P every command · Ctrl+Q quit (what you are typing is kept)",
    ),
    "tui.edit.title": ("Chọn câu trả lời cần sửa", "Pick the answer to change"),
    "tui.edit.filter": ("Gõ để lọc…", "Type to filter…"),
    "tui.edit.nothing": ("Chưa có câu trả lời nào để sửa.", "There is no answer to change yet."),
    "tui.edit.gone": (
        "Câu hỏi này không còn áp dụng với các câu trả lời hiện tại.",
        "That question no longer applies under the current answers.",
    ),
    "tui.map.building": ("Đang lập bản đồ…", "Building the map…"),
    "tui.map.subtitle": ("Bản đồ: {title}", "Map: {title}"),
    "tui.export.title": ("Xuất bản đồ «{title}»", "Export the map “{title}”"),
    "tui.export.format": ("Định dạng", "Format"),
    "tui.export.md": ("Markdown (.md)", "Markdown (.md)"),
    "tui.export.html": ("Trang HTML để in (.html)", "Printable HTML page (.html)"),
    "tui.export.json": ("Dữ liệu JSON (.json)", "JSON data (.json)"),
    "tui.export.path": ("Lưu vào tệp", "Save to file"),
    "tui.export.save": ("Xuất", "Export"),
    "tui.export.no_path": ("Hãy nhập đường dẫn tệp cần lưu.", "Type the path of the file to write."),
    "tui.export.overwrite": ("Tệp {path} đã có. Ghi đè?", "{path} already exists. Overwrite it?"),
    "tui.export.saved": ("Đã lưu vào {path}", "Saved to {path}"),
    "tui.export.saved_title": ("Đã xuất bản đồ", "Map exported"),
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
