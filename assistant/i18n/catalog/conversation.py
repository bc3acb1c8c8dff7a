"""What the assistant says in every front end: the session's own sentences around the bank's questions."""

from __future__ import annotations

from assistant.i18n.catalog import Messages, Plural

MESSAGES: Messages = {
    "conversation.step": ("Bước {number}/{count}: {title}", "Step {number} of {count}: {title}"),
    "conversation.finished": (
        "Xong rồi! Bạn đã đi hết các bước. Bản đồ hành trình đã sẵn sàng.",
        "Done! You have been through every step. Your journey map is ready.",
    ),
    "conversation.changed": ("Đã sửa «{question}»: {before} → {after}", "Changed “{question}”: {before} → {after}"),
    "conversation.unchanged": ("«{question}» giữ nguyên.", "“{question}” is unchanged."),
    "conversation.finding": ("Phân tích: {message}", "Analysis: {message}"),
    "conversation.findings_more": (
        "… và {count} phát hiện khác, xem trong bản đồ.",
        Plural("… and one more finding: see the map.", "… and {count} more findings: see the map."),
    ),
    "conversation.language_set": (
        "Từ giờ mình sẽ nói tiếng Việt. Các tin nhắn trước giữ nguyên.",
        "From now on I will speak English. Earlier messages stay as they were.",
    ),
    "conversation.review": (
        "Trước khi liệt kê các trở ngại còn lại, bạn xem giúp {count} trở ngại đã nêu và loại mà mình đã xếp cho "
        "từng trở ngại. Phân tích sẽ dựa vào đây, nên loại nào chưa đúng thì bạn sửa lại nhé:",
        Plural(
            "Before you list the remaining obstacles, check the one you named so far and the kind I read in it. "
            "The analysis relies on it, so correct the kind if it is wrong:",
            "Before you list the remaining obstacles, check the {count} you named so far and the kind I read in "
            "each. The analysis relies on them, so correct any kind that is wrong:",
        ),
    ),
    "conversation.kind_set": ("Đã xếp «{text}» vào loại «{kind}».", "“{text}” is now filed as “{kind}”."),
    "conversation.no_such_obstacle": (
        "Không có trở ngại số {number}: danh sách có {count} trở ngại.",
        Plural(
            "There is no obstacle {number}: the list has one obstacle.",
            "There is no obstacle {number}: the list has {count} obstacles.",
        ),
    ),
}
