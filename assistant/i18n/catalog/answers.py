"""Answer parsing, question hints and how values read."""

from __future__ import annotations

from assistant.i18n.catalog import Messages, Plural

MESSAGES: Messages = {
    # Answer parsing
    "answer.not_a_list": (
        "Câu này chỉ nhận một giá trị, không nhận một danh sách.",
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
    "answer.number_too_large": (
        "Số này quá lớn: hãy nhập một số có tối đa {digits} chữ số.",
        "That number is too large: type one of at most {digits} digits.",
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
    "answer.percent_range": (
        "«{raw}» nằm ngoài khoảng cho phép: hãy nhập một tỷ lệ từ {min}% đến {max}%.",
        "“{raw}” is out of range: type a percentage from {min}% to {max}%.",
    ),
    "answer.out_of_range": (
        "{value} nằm ngoài khoảng cho phép: hãy nhập một số từ {min} đến {max}.",
        "{value} is out of range: type a number from {min} to {max}.",
    ),
    "answer.vague_choice": (
        "«{raw}» chưa phải là câu trả lời: hãy chọn một mục trong danh sách hoặc ghi rõ câu trả lời của bạn.",
        "“{raw}” is not an answer yet: pick one of the options, or say in a few words what yours is.",
    ),
    "answer.above_answer": (
        "{value} lớn hơn câu trả lời của bạn cho «{question}» ({other}) nên hai con số mâu thuẫn nhau. Hãy nhập "
        "một số không quá {other}, hoặc sửa câu trả lời kia trước (F4 hoặc /edit).",
        "{value} is more than your answer to “{question}” ({other}): the two contradict each other. Type a number "
        "no higher than {other}, or change that answer first (F4 or /edit).",
    ),
    "answer.total_above": (
        "Cộng với các câu trả lời trước, tổng thành {total}, vượt quá {most}. Hãy nhập một số nhỏ hơn.",
        "With the earlier answers this makes {total} in all, more than {most}. Type a smaller number.",
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
        Plural("Please choose at least one.", "Please choose at least {min}.", by="min"),
    ),
    "answer.too_many_choices": (
        "Chỉ được chọn tối đa {max} mục.",
        "Choose at most {max}.",
    ),
    "answer.no_options": (
        "Chưa có lựa chọn nào cho câu này vì câu trả lời mà nó dựa vào còn trống. Bạn có thể bỏ qua.",
        "This question has no options yet because the answer it draws them from is empty. You can skip it.",
    ),
    "answer.too_few_entries": (
        "Hãy liệt kê ít nhất {min} mục.",
        Plural("Please list at least one entry.", "Please list at least {min} entries.", by="min"),
    ),
    "answer.too_many_entries": (
        "Danh sách có {count} mục; tối đa là {max}.",
        Plural(
            "The list has {count} entry; the most allowed is {max}.",
            "The list has {count} entries; the most allowed is {max}.",
            by="count",
        ),
    ),
    "answer.duplicate_entry": (
        "«{first}» và «{second}» là cùng một mục. Hãy gộp lại hoặc đặt hai tên khác nhau.",
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
        "Không có câu hỏi «{ref}» trong cuộc phỏng vấn này, hoặc câu đó không áp dụng với các câu trả lời hiện tại.",
        "There is no question “{ref}” in this interview, or it does not apply given the current answers.",
    ),
    "answer.finished": (
        "Cuộc phỏng vấn đã hoàn tất, không còn câu hỏi nào.",
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
    "hint.decimal": ("Một số; phần thập phân dùng dấu phẩy hoặc dấu chấm.", "A number, with a decimal comma or point."),
    "hint.decimal_range": ("Một số từ {min} đến {max}.", "A number from {min} to {max}."),
    "hint.percent": ("Một tỷ lệ từ 0 đến 100, ví dụ 35%.", "A percentage from 0 to 100, e.g. 35%."),
    "hint.boolean": ("Có hoặc không.", "Yes or no."),
    "hint.single_choice": ("Nhập số thứ tự hoặc tên lựa chọn.", "Type the option's number or name."),
    "hint.multi_choice": (
        "Chọn một hoặc nhiều: nhập các số cách nhau bằng dấu phẩy, ví dụ 1,3, hoặc một khoảng như 2-4.",
        "Choose one or more: type their numbers separated by commas, e.g. 1,3, or a range such as 2-4.",
    ),
    "hint.open_choice": (
        "Nhập số thứ tự của một lựa chọn, hoặc tự viết câu trả lời của bạn.",
        "Type an option's number, or write your own answer.",
    ),
    "hint.list": (
        'Liệt kê các mục, cách nhau bằng dấu phẩy; tên nào có dấu phẩy thì gõ mỗi mục một dòng, giữa hai dòng """.',
        'List the entries separated by commas; when a name has a comma in it, put one entry per line between two """ '
        "lines.",
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
    "instance.numbered": ("{heading} {number}", "{heading} {number}"),
}
