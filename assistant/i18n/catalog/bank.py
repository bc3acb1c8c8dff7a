"""Problems in a question bank, as `journey banks check` reports them, and the bank outline."""

from __future__ import annotations

from assistant.i18n.catalog import Messages, Plural

MESSAGES: Messages = {
    # Bank problems
    "bank.location": ("{file}:{line}: {path}: {message}", "{file}:{line}: {path}: {message}"),
    "bank.location_noline": ("{file}: {path}: {message}", "{file}: {path}: {message}"),
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
    "bank.bound_not_number": (
        "at_most_answer chỉ so được với một câu hỏi dạng số; «{id}» không phải.",
        "at_most_answer can only compare with a numeric question; “{id}” is not one.",
    ),
    "bank.total_not_repeated": (
        "total_at_most chỉ dùng cho câu hỏi nằm trong nhóm lặp: tổng được cộng qua các lần lặp.",
        "total_at_most is only for a question inside a repeating group: the total adds up its instances.",
    ),
    "bank.role_twice": (
        "Vai trò «{role}» đã được gán cho mục ở {other}; mỗi bản đồ chỉ đọc một câu hỏi cho vai trò này.",
        "The role “{role}” is already played by the item at {other}; a map reads one question for it.",
    ),
    "bank.role_type": (
        "Vai trò «{role}» cần một câu hỏi loại {types}, nhưng mục này là loại {type}.",
        "The role “{role}” needs a question of type {types}, but this item is a {type}.",
    ),
    "bank.role_scope.top": (
        "Vai trò «{role}» đọc một câu trả lời duy nhất: mục này không được nằm trong nhóm lặp.",
        "The role “{role}” reads a single answer: this item must not sit inside a repeating group.",
    ),
    "bank.role_scope.segment": (
        "Vai trò «{role}» cần nằm trong một nhóm lặp theo ý người dùng (repeat: true), mỗi lần là một nhóm khách.",
        "The role “{role}” must sit inside a group the user repeats (repeat: true), one instance per segment.",
    ),
    "bank.role_scope.stage": (
        "Vai trò «{role}» cần nằm trong nhóm lặp cho từng giai đoạn (repeat_for mục có vai trò journey.stages).",
        "The role “{role}” must sit inside a group repeated for each stage "
        "(repeat_for the item with role journey.stages).",
    ),
    "bank.role_scope.touchpoint": (
        "Vai trò «{role}» cần nằm trong nhóm lặp cho từng điểm chạm (repeat_for mục có vai trò stage.touchpoints, "
        "hoặc một nhóm repeat: true có câu hỏi vai trò touchpoint.name).",
        "The role “{role}” must sit inside a group repeated for each touchpoint (repeat_for the item with role "
        "stage.touchpoints, or a repeat: true group holding the touchpoint.name question).",
    ),
    "bank.role_scope.resource": (
        "Vai trò «{role}» cần nằm trong nhóm lặp cho từng loại nguồn lực (repeat_for mục có vai trò resource.kinds).",
        "The role “{role}” must sit inside a group repeated for each resource kind (repeat_for the item with role "
        "resource.kinds).",
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
    "bank.contains_this_scope": (
        "contains_this cần một câu hỏi lấy lựa chọn từ một danh sách (options_from), và câu hỏi mang điều kiện phải "
        "nằm trong nhóm lặp theo chính danh sách đó; «{id}» không thỏa.",
        "contains_this needs a question whose options are drawn from a list (options_from), tested from inside a "
        "group repeated for that same list; “{id}” is not such a question here.",
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
    "bank.suggest_and_default": (
        "Một câu hỏi chỉ có một nguồn gợi ý: suggest hoặc default_from, không dùng cả hai.",
        "A question takes its suggestion from one source: suggest or default_from, not both.",
    ),
    "bank.short_title_long": (
        "Tên ngắn dài {length} ký tự; tối đa là {max} để vừa màn hình hẹp.",
        "The short title is {length} characters long; the most is {max}, to fit a narrow screen.",
    ),
    "bank.preset_map_type": (
        "Loại bản đồ «{value}» không phải một lựa chọn của câu hỏi loại bản đồ.",
        "The map type “{value}” is not an option of the map-type question.",
    ),
    "bank.problem_count": (
        "Tìm thấy {count} vấn đề trong ngân hàng câu hỏi.",
        Plural("Found 1 problem in the question bank.", "Found {count} problems in the question bank."),
    ),
    "bank.ok": (
        "{file}: hợp lệ — «{title}», phiên bản {version}, {steps} bước, {items} câu hỏi.",
        Plural(
            "{file}: valid — “{title}”, version {version}, {steps} steps, 1 question.",
            "{file}: valid — “{title}”, version {version}, {steps} steps, {items} questions.",
            by="items",
        ),
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
}
