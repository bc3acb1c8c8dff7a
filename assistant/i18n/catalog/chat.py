"""The plain line-mode chat."""

from __future__ import annotations

from assistant.i18n.catalog import Messages, Plural

MESSAGES: Messages = {
    # The plain chat
    "chat.banner": ("journey · «{title}» (mã {id})", "journey · “{title}” (id {id})"),
    "chat.commands_hint": (
        "Gõ câu trả lời rồi Enter. Lệnh: /help /back /skip /review /edit /kinds /lang /quit. "
        'Trả lời nhiều dòng: gõ """ trên một dòng, các dòng, rồi """ lần nữa.',
        "Type your answer and press Enter. Commands: /help /back /skip /review /edit /kinds /lang /quit. "
        'For several lines: type """ on a line, the lines, then """ again.',
    ),
    "chat.question": ("[{number}/{total}] {text}", "[{number}/{total}] {text}"),
    "chat.prompt": ("> ", "> "),
    "chat.invalid": ("! {message}", "! {message}"),
    "chat.probe": ("? {message}", "? {message}"),
    "chat.saved_bye": (
        "Đã lưu mọi câu trả lời. Tiếp tục bất cứ lúc nào: journey chat {id}",
        "Every answer is saved. Continue any time: journey chat {id}",
    ),
    "chat.kept_draft": (
        'Câu trả lời nhiều dòng chưa được khép lại bằng """ nên chưa gửi đi; mình giữ nó làm bản nháp và sẽ '
        "hiện lại khi bạn quay lại.",
        'The block of lines was not closed with """, so it was not sent: it is kept as a draft and shown '
        "when you come back.",
    ),
    "chat.unknown_command": (
        "Không có lệnh {command}. Gõ /help để xem các lệnh.",
        "There is no command {command}. Type /help to see the commands.",
    ),
    "chat.finished": (
        "Xuất bản đồ hành trình: journey export {id} -o ban-do.md (hoặc -o ban-do.html để in, -o ban-do.json cho "
        "công cụ khác). Sửa câu trả lời bất cứ lúc nào: journey chat {id}",
        "Export the journey map: journey export {id} -o map.md (or -o map.html to print, -o map.json for other "
        "tools). Change an answer any time: journey chat {id}",
    ),
    "chat.completed": (
        "Cuộc phỏng vấn này đã xong ({tally}). Bạn vẫn có thể xem lại (/review), sửa một câu (/edit SỐ), "
        "kiểm tra loại trở ngại (/kinds), đổi ngôn ngữ (/lang) hoặc thoát (/quit). Xuất bản đồ: journey export {id}",
        "This interview is complete ({tally}). You can still review it (/review), change an "
        "answer (/edit NUMBER), check the obstacles' kinds (/kinds), switch language (/lang) or leave (/quit). "
        "Export the map: journey export {id}",
    ),
    "chat.completed_hint": (
        "Cuộc phỏng vấn đã xong: dùng /edit SỐ để sửa một câu, /review để xem lại, /quit để thoát.",
        "The interview is complete: use /edit NUMBER to change an answer, /review to see them all, /quit to leave.",
    ),
    "chat.kinds": ("Các loại: {kinds}", "Kinds: {kinds}"),
    "chat.kinds_hint": (
        "Gõ số thứ tự của trở ngại và loại đúng (ví dụ: 2 niềm tin, hoặc 2 2), rồi Enter. Enter ở dòng trống khi "
        "mọi loại đã đúng.",
        "Type the obstacle's number and the right kind (e.g. 2 trust, or 2 2), then Enter. Press Enter on an empty "
        "line when every kind is right.",
    ),
    "chat.kinds_done": ("(các loại đã đúng)", "(the kinds are right)"),
    "chat.kinds_usage": (
        "Hãy gõ số thứ tự của trở ngại rồi loại đúng, ví dụ: 2 niềm tin.",
        "Type the obstacle's number, then the right kind, e.g. 2 trust.",
    ),
    "chat.kinds_none": ("Bạn chưa nêu trở ngại nào.", "No obstacle has been named yet."),
    "chat.finding_withdrawn": (
        "(Một ghi chú phân tích trước đó không còn đúng sau câu trả lời mới nhất của bạn nên đã được rút lại.)",
        "(An earlier analysis note no longer holds after your latest answer, and is withdrawn.)",
    ),
    "chat.resume": ("Tiếp tục cuộc phỏng vấn: {tally}.", "Resuming the interview: {tally}."),
    "chat.tally": ("đã trả lời {answered}/{total} câu", "{answered} of {total} questions answered"),
    "chat.tally_skipped": (
        "đã trả lời {answered} câu, bỏ qua {skipped} câu trên tổng {total} câu",
        "{answered} answered and {skipped} skipped of {total} questions",
    ),
    "chat.resume_last": ("Câu trả lời gần nhất: {question} → {answer}", "Last answer: {question} → {answer}"),
    "chat.resume_draft": ("Bản nháp chưa gửi: {draft}", "Unsent draft: {draft}"),
    "chat.resume_step": ("Bạn đang ở bước {number}: {title}.", "You are at step {number}: {title}."),
    "chat.step_summary": (
        "Tóm tắt bước «{title}»: {answered} câu trả lời, {skipped} câu bỏ qua.",
        Plural(
            "Summary of “{title}”: 1 answer, {skipped} skipped.",
            "Summary of “{title}”: {answered} answers, {skipped} skipped.",
            by="answered",
        ),
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
    "chat.help_why": ("Vì sao mình hỏi câu này: {help}", "Why this is asked: {help}"),
    "chat.help_none": ("(không có ghi chú)", "(no note)"),
    "chat.help_examples": ("Ví dụ:", "Examples:"),
    "chat.help_commands": (
        "Lệnh: /back quay lại câu trước · /skip bỏ qua (nếu không bắt buộc) · /review xem mọi câu trả lời · "
        "/edit SỐ sửa một câu · /kinds xem và sửa loại trở ngại · /lang vi|en đổi ngôn ngữ · /quit lưu và thoát.",
        "Commands: /back previous question · /skip skip it (when optional) · /review every answer · "
        "/edit NUMBER change one · /kinds check the obstacles' kinds · /lang vi|en switch language · "
        "/quit save and leave.",
    ),
    "chat.lang_usage": ("Dùng /lang vi hoặc /lang en.", "Use /lang vi or /lang en."),
    "chat.unanswered": ("(chưa trả lời)", "(not answered)"),
}
