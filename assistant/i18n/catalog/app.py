"""The full-screen app."""

from __future__ import annotations

from assistant.i18n.catalog import Messages, Plural

MESSAGES: Messages = {
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
    "tui.key.quit": ("Thoát", "Quit"),
    "tui.key.new": ("Tạo mới", "New"),
    "tui.key.resume": ("Tiếp tục", "Resume"),
    "tui.key.export": ("Xuất", "Export"),
    "tui.key.rename": ("Đổi tên", "Rename"),
    "tui.key.delete": ("Xóa", "Delete"),
    "tui.key.duplicate": ("Nhân bản", "Duplicate"),
    "tui.key.filter": ("Lọc", "Filter"),
    "tui.key.cancel": ("Hủy", "Cancel"),
    "tui.key.start": ("Bắt đầu", "Start"),
    "tui.key.yes": ("Có", "Yes"),
    "tui.key.no": ("Không", "No"),
    "tui.key.close": ("Đóng", "Close"),
    "tui.key.help": ("Vì sao", "Why"),
    "tui.key.back": ("Câu trước", "Back"),
    "tui.key.short.back": ("Trước", "Back"),
    "tui.key.skip": ("Bỏ qua", "Skip"),
    "tui.key.edit": ("Sửa", "Edit"),
    "tui.key.map": ("Bản đồ", "Map"),
    "tui.key.language": ("Ngôn ngữ", "Language"),
    # In a word: the language F7 switches to.
    "tui.key.short.language": ("EN", "VI"),
    "tui.key.home": ("Danh sách", "Home"),
    "tui.key.short.home": ("Đóng", "Home"),
    "tui.key.back_to_interview": ("Về cuộc phỏng vấn", "Back to the interview"),
    "tui.key.contents": ("Mục lục", "Contents"),
    "tui.key.document": ("Chi tiết", "Document"),
    "tui.key.canvas": ("Toàn cảnh", "Canvas"),
    "tui.key.new_line": ("Xuống dòng", "New line"),
    "tui.key.move_up": ("Chuyển lên", "Move up"),
    "tui.key.move_down": ("Chuyển xuống", "Move down"),
    "tui.key.remove": ("Xóa mục", "Remove"),
    "tui.key.send": ("Gửi", "Send"),
    "tui.key.tick": ("Đánh dấu", "Tick"),
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
    "tui.cancel": ("Hủy", "Cancel"),
    "tui.close": ("Đóng", "Close"),
    "tui.language.vi": ("Tiếng Việt", "Vietnamese"),
    "tui.language.en": ("Tiếng Anh", "English"),
    "tui.home.subtitle": ("Các cuộc phỏng vấn đã lưu", "Saved interviews"),
    "tui.home.filter": ("Gõ để lọc theo tên hoặc mã…", "Type to filter by title or id…"),
    "tui.status.in_progress": ("Đang làm", "In progress"),
    "tui.status.completed": ("Hoàn tất", "Completed"),
    "tui.status.completed_skipped": (
        "Hoàn tất · trả lời {answered}, bỏ qua {skipped}",
        "Completed · {answered} answered, {skipped} skipped",
    ),
    "tui.status.completed_skipped.narrow": ("Hoàn tất, bỏ qua {skipped}", "Completed, {skipped} skipped"),
    "tui.home.col.title": ("Tên", "Title"),
    "tui.home.col.preset": ("Mẫu", "Preset"),
    "tui.home.col.language": ("Ngôn ngữ", "Language"),
    "tui.home.col.progress": ("Tiến độ", "Progress"),
    "tui.home.col.status": ("Trạng thái", "Status"),
    "tui.home.col.updated": ("Cập nhật", "Updated"),
    "tui.home.no_match": (
        "Không có cuộc phỏng vấn nào khớp với «{search}». Xóa bộ lọc để xem tất cả.",
        "No interview matches “{search}”. Clear the filter to see them all.",
    ),
    "tui.home.welcome": (
        "Chào mừng bạn đến với journey!\n\n"
        "Mình sẽ cùng bạn xây dựng bản đồ hành trình khách hàng qua sáu bước, hỏi từng câu một:\n\n"
        "  1. Đặt mục tiêu rõ ràng cho bản đồ: bản đồ phục vụ mục tiêu kinh doanh nào.\n"
        "  2. Hiểu khách hàng: chân dung và phân khúc khách hàng trọng tâm.\n"
        "  3. Liệt kê các điểm chạm: mọi nơi khách gặp doanh nghiệp, theo từng giai đoạn.\n"
        "  4. Chọn loại bản đồ: hiện tại, tương lai, một ngày trong đời hay bản thiết kế dịch vụ (Blueprint).\n"
        "  5. Phân tích dữ liệu: khách rời đi ở đâu, vì sao, cảm xúc ra sao ở từng điểm chạm.\n"
        "  6. Thay đổi khi cần thiết: ai phụ trách, bao lâu xem lại một lần.\n\n"
        "Mỗi câu trả lời được lưu ngay, bạn có thể dừng và quay lại bất cứ lúc nào. Cuối cùng, journey lập "
        "bản đồ nêu rõ trở ngại của khách hàng và nguồn lực doanh nghiệp còn thiếu.\n\n"
        "Nhấn n hoặc nút bên dưới để bắt đầu.",
        "Welcome to journey!\n\n"
        "Together we will build a customer journey map in six steps, one question at a time:\n\n"
        "  1. Set clear goals: which business goals the map serves.\n"
        "  2. Understand the customer: the persona and the segments in focus.\n"
        "  3. List the touchpoints: everywhere customers meet the business, stage by stage.\n"
        "  4. Choose the map type: current state, future state, day in the life, or Service Blueprint.\n"
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
        "Xóa «{title}» cùng {done} câu trả lời của nó? Không thể hoàn tác.",
        Plural(
            "Delete “{title}” and its only answer? This cannot be undone.",
            "Delete “{title}” and its {done} answers? This cannot be undone.",
            by="done",
        ),
    ),
    "tui.home.deleted": ("Đã xóa «{title}».", "Deleted “{title}”."),
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
        "— Tiếp tục: {progress}. —",
        "— Resuming: {progress}. —",
    ),
    "tui.draft_back": (
        "Câu bạn đang gõ dở lần trước đã được đặt lại vào ô trả lời.",
        "The answer you were typing last time is back in the answer box.",
    ),
    "tui.earlier": ("Xem các tin nhắn trước", "Show earlier messages"),
    "tui.step_of": ("Bước {number}/{count}", "Step {number} of {count}"),
    "tui.complete": ("Đã xong", "Complete"),
    "tui.progress": ("Đã trả lời {answered}/{total} câu", "{answered} of {total} answered"),
    "tui.progress.skipped": (
        "Đã trả lời {answered} câu, bỏ qua {skipped} câu, trong tổng số {total}",
        "{answered} answered and {skipped} skipped of {total}",
    ),
    "tui.progress.estimate": (
        "Đã trả lời {answered} trên khoảng {total} câu",
        "{answered} of about {total} answered",
    ),
    "tui.progress.estimate.skipped": (
        "Đã trả lời {answered} câu, bỏ qua {skipped} câu, trên khoảng {total}",
        "{answered} answered and {skipped} skipped of about {total}",
    ),
    "tui.empty_answer": ("(để trống)", "(left empty)"),
    "tui.finished_keys": (
        "F5 xem bản đồ · F6 xuất bản đồ · F4 sửa một câu trả lời · Esc về danh sách",
        "F5 view the map · F6 export it · F4 change an answer · Esc back to the list",
    ),
    "tui.said.back": ("(quay lại câu trước)", "(back to the previous question)"),
    "tui.said.kind": ("(«{text}» → {kind})", "(“{text}” → {kind})"),
    "tui.said.kinds_done": ("(các loại trở ngại đã đúng)", "(the obstacles' kinds are right)"),
    "tui.review.hint": (
        "↑↓ chọn một trở ngại, Enter để đổi loại · dòng đầu tiên (hoặc Ctrl+S) khi mọi loại đã đúng",
        "↑↓ pick an obstacle, Enter to change its kind · the first line (or Ctrl+S) when every kind is right",
    ),
    "tui.review.done_option": ("Mọi loại đều đúng, tiếp tục", "Every kind is right: carry on"),
    "tui.key.review_done": ("Xong", "Done"),
    "tui.key.back_to_list": ("Quay lại", "Back"),
    "tui.complete_note": (
        "Cuộc phỏng vấn này đã xong. Bạn vẫn có thể sửa câu trả lời (F4), xem (F5) hoặc xuất bản đồ (F6).",
        "This interview is complete. You can still change an answer (F4), view the map (F5) or export it (F6).",
    ),
    "tui.said.skip": ("(bỏ qua)", "(skipped)"),
    "tui.said.edit": ("(sửa câu «{question}»)", "(change “{question}”)"),
    "tui.said.language": ("(đổi sang {language})", "(switch to {language})"),
    "tui.hint.text": (
        "Enter để gửi · Ctrl+J để xuống dòng · F1 vì sao hỏi",
        "Enter sends · Ctrl+J adds a line · F1 why this is asked",
    ),
    "tui.hint.number": ("Enter để gửi", "Enter sends"),
    "tui.hint.choice": ("↑↓ hoặc gõ số thứ tự, rồi Enter", "↑↓ or type the number, then Enter"),
    "tui.hint.scale": ("↑↓ hoặc gõ điểm số, rồi Enter", "↑↓ or type the score, then Enter"),
    "tui.hint.multi": (
        "Space để đánh dấu, hoặc gõ các số (1,3 hoặc 2-4) · Enter để gửi",
        "Space ticks, or type the numbers (1,3 or 2-4) · Enter sends",
    ),
    "tui.hint.open": (
        "Chọn một mục, hoặc gõ câu trả lời khác vào ô bên dưới rồi Enter",
        "Pick one, or type your own in the field below and press Enter",
    ),
    "tui.hint.list": (
        "Enter để thêm một mục (dấu phẩy vẫn nằm trong mục) · dán nhiều dòng: mỗi dòng một mục · Enter ở ô trống "
        "để gửi · ↑ để chọn các mục",
        "Enter adds an entry, commas and all · pasting lines adds one entry per line · Enter on the empty field "
        "sends · ↑ to the entries",
    ),
    "tui.hint.list_entries": (
        "Enter sửa mục · Del xóa mục · Alt+↑↓ đổi chỗ · Tab quay lại ô nhập · Ctrl+S gửi danh sách",
        "Enter edits the entry · Del removes it · Alt+↑↓ moves it · Tab back to the field · Ctrl+S sends the list",
    ),
    "tui.answer.text": ("Gõ câu trả lời của bạn…", "Type your answer…"),
    "tui.answer.number": ("Gõ một số…", "Type a number…"),
    "tui.answer.other": ("Khác: gõ câu trả lời của bạn…", "Other: type your own…"),
    "tui.answer.entry": ("Thêm một mục…", "Add an entry…"),
    "tui.answer.typed": ("Đang gõ: {typed}", "Typed: {typed}"),
    "tui.answer.numbers_only": (
        "Câu này chỉ chọn trong danh sách: gõ số thứ tự hoặc dùng ↑↓",
        "This one is picked from the list: type a number or use ↑↓",
    ),
    "tui.help.why": ("Vì sao mình hỏi", "Why this is asked"),
    "tui.help.examples": ("Ví dụ", "Examples"),
    "tui.help.format": ("Cách trả lời", "How to answer"),
    "tui.help.keys": (
        "F2 quay lại · F3 bỏ qua · F4 sửa câu trước · F5 xem bản đồ · F6 xuất · F7 đổi ngôn ngữ · "
        "F8 khảo sát khách hàng · Esc về danh sách · Ctrl+P mọi lệnh · Ctrl+Q thoát (câu đang gõ được giữ lại)",
        "F2 back · F3 skip · F4 change an earlier answer · F5 map · F6 export · F7 language · F8 customer survey · "
        "Esc home · Ctrl+P every command · Ctrl+Q quit (what you are typing is kept)",
    ),
    "tui.help.commands": (
        "Gõ vào ô trả lời: /review xem mọi câu trả lời · /edit SỐ sửa câu số đó · /back · /skip · /kinds xem loại "
        "trở ngại · /help",
        "Type in the answer box: /review every answer · /edit NUMBER change that one · /back · /skip · /kinds the "
        "obstacles' kinds · /help",
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
