"""The `journey` command line: help texts, confirmations, the store's and files' error sentences."""

from __future__ import annotations

from assistant.i18n.catalog import Messages, Plural

MESSAGES: Messages = {
    # Command line
    "cli.banks.header": ("MÃ\tPHIÊN BẢN\tNGÔN NGỮ\tTÊN", "ID\tVERSION\tLANGUAGES\tTITLE"),
    "cli.error": ("Lỗi: {message}", "Error: {message}"),
    "cli.internal_error": (
        "journey gặp lỗi nội bộ ({kind}: {detail}). Các câu trả lời đã lưu vẫn an toàn. "
        "Chi tiết đã được ghi vào {log}; hãy gửi tệp này khi báo lỗi.",
        "journey hit an internal error ({kind}: {detail}). Your saved answers are safe. "
        "The details are in {log}; please attach that file when you report it.",
    ),
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
        "«{path}» là tệp SQLite nhưng không phải cơ sở dữ liệu của journey (có thể của một ứng dụng khác); journey "
        "không ghi vào đó. Hãy chọn tệp khác với --db.",
        "“{path}” is a SQLite file but not a journey database (another application's, perhaps); journey will not "
        "write to it. Pick another file with --db.",
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
    "store.missing": (
        "Không có cơ sở dữ liệu journey nào ở «{path}» (đường dẫn từ {given_by}). Hãy kiểm tra lại đường dẫn; "
        "journey chỉ tạo cơ sở dữ liệu mới khi bạn bắt đầu một cuộc phỏng vấn (journey, journey new, journey chat "
        "hoặc journey import).",
        "There is no journey database at “{path}” (the path given by {given_by}). Check the path; journey makes a "
        "new database only when you start an interview (journey, journey new, journey chat or journey import).",
    ),
    "store.missing_folder": (
        "Thư mục «{folder}» không tồn tại, nên journey không tạo cơ sở dữ liệu «{path}» (đường dẫn từ {given_by}): "
        "thư mục không có thường là do gõ nhầm. Hãy kiểm tra lại đường dẫn, hoặc tạo thư mục đó trước.",
        "The folder “{folder}” does not exist, so journey did not make the database “{path}” (the path given by "
        "{given_by}): a missing folder is usually a typo. Check the path, or create the folder first.",
    ),
    "store.created": (
        "Đã tạo cơ sở dữ liệu mới «{path}»; các cuộc phỏng vấn được lưu ở đó.",
        "Made a new database, “{path}”; the interviews are saved there.",
    ),
    "store.no_interview": (
        "Không có cuộc phỏng vấn nào mã «{id}». Gõ «journey list» để xem các mã.",
        "There is no interview with the id “{id}”. Run “journey list” to see the ids.",
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
    # Reading files (banks, rules, answers files, exports): the sentence, then where
    "document.in_file": ("«{path}»: {message}", "“{path}”: {message}"),
    "document.at_line": ("«{path}», dòng {line}: {message}", "“{path}”, line {line}: {message}"),
    "document.not_found": ("Không tìm thấy tệp này.", "The file does not exist."),
    "document.is_directory": ("Đây là một thư mục, không phải tệp.", "This is a folder, not a file."),
    "document.unreadable": ("Không đọc được tệp: {reason}.", "The file cannot be read: {reason}."),
    "document.too_large": (
        "Tệp quá lớn (tối đa {limit}); một ngân hàng câu hỏi hay bản xuất bình thường nhỏ hơn nhiều.",
        "The file is too large (at most {limit}); a bank or an export is far smaller.",
    ),
    "document.not_utf8": (
        "Tệp không phải văn bản UTF-8. Hãy lưu lại tệp với mã hóa UTF-8.",
        "The file is not UTF-8 text. Save it again as UTF-8.",
    ),
    "document.syntax": ("Lỗi cú pháp: {reason}.", "Syntax error: {reason}."),
    "document.duplicate_key": (
        "Khóa «{name}» xuất hiện hai lần trong cùng một bảng; hãy giữ một và xóa cái còn lại.",
        "The key “{name}” appears twice in one mapping; keep one and remove the other.",
    ),
    "document.alias": (
        "journey không nhận neo và bí danh YAML (&tên, *tên); hãy viết thẳng giá trị ra.",
        "journey does not accept YAML anchors and aliases (&name, *name); write the value out instead.",
    ),
    "document.too_deep": (
        "Tệp lồng nhau quá {depth} cấp; không tệp nào của journey sâu đến vậy.",
        "The file nests more than {depth} levels deep; no journey file goes that deep.",
    ),
    "document.bad_character": (
        "Một chuỗi chứa ký tự không hợp lệ (nửa cặp surrogate): «{text}».",
        "A string holds an invalid character (half a surrogate pair): “{text}”.",
    ),
    "document.not_a_number": (
        "{value} không phải là một số; hãy ghi một số cụ thể.",
        "{value} is not a number; write an actual number.",
    ),
    # Files
    "file.unknown_kind": (
        "«{path}» không phải bản xuất của journey (format: journey-interview) cũng không phải tệp câu trả lời "
        "(cần có «bank» và «answers»).",
        "“{path}” is neither a journey export (format: journey-interview) nor an answers file (it needs "
        "“bank” and “answers”).",
    ),
    "file.invalid": ("«{path}» không hợp lệ: {detail}.", "“{path}” is not valid: {detail}."),
    "file.unknown_ref": (
        "«{path}» không hợp lệ: {where} nhắc tới «{ref}», nhưng ngân hàng câu hỏi trong tệp không có câu hỏi đó. "
        "Không nhập gì cả.",
        "“{path}” is not valid: {where} names “{ref}”, which the file's question bank does not have. "
        "Nothing was imported.",
    ),
    "file.answer_mismatch": (
        "«{path}» không hợp lệ: câu trả lời {where} ({ref}) không đúng kiểu mà câu hỏi nhận. Không nhập gì cả.",
        "“{path}” is not valid: the answer {where} ({ref}) is not of the kind its question takes. "
        "Nothing was imported.",
    ),
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
    "answers_file.kinds_shape": (
        "{path}: một câu trả lời kèm loại trở ngại có dạng {{text: …, kinds: {{phần: loại}}}} "
        "(hoặc entries: […] cho một danh sách).",
        "{path}: an answer with obstacle kinds looks like {{text: …, kinds: {{part: kind}}}} "
        "(or entries: […] for a list).",
    ),
    "answers_file.unknown_kind": (
        "{path}: không có loại trở ngại «{kind}». Các loại: {known}.",
        "{path}: there is no obstacle kind “{kind}”. The kinds: {known}.",
    ),
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
        "Định dạng xuất: md (Markdown), html hoặc json (cuộc phỏng vấn kèm bản đồ). Mặc định theo đuôi tệp -o "
        "(.md, .html, .json), khi in ra màn hình thì md.",
        "The export format: md (Markdown), html, or json (the interview with its map). By default the -o file's "
        "suffix decides (.md, .html, .json); on the screen, md.",
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
    "cli.format_unknown_suffix": (
        "Tên «{path}» không cho biết cần ghi định dạng nào. Các định dạng: {formats}. Hãy đặt cho tệp một trong các "
        "đuôi đó, hoặc chọn định dạng bằng --format.",
        "The name “{path}” does not say which format to write. The formats are {formats}. Give the file one of "
        "those suffixes, or choose the format with --format.",
    ),
    "cli.respondents_csv_only": (
        "Danh sách người trả lời chỉ xuất ra dạng CSV, nên tên «{path}» sẽ gây nhầm: hãy đặt tên tệp kết thúc bằng "
        ".csv (ví dụ nguoi-tra-loi.csv).",
        "The respondents are written as CSV only, so the name “{path}” would mislead: give the file a name ending "
        "in .csv (for example respondents.csv).",
    ),
    "cli.format_contradicts_suffix": (
        "«{path}» có đuôi {suffix}, tức định dạng {named}, nhưng --format lại chọn {requested}. Hãy bỏ --format, "
        "hoặc đặt tên tệp kết thúc bằng {expected}.",
        "“{path}” ends in {suffix}, the {named} format, but --format asks for {requested}. Leave out --format, or "
        "give the file a name ending in {expected}.",
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
    "cli.list.skipped": (" · bỏ qua {count}", " · {count} skipped"),
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
    "cli.renamed": ("Đã đổi tên {id} thành «{title}».", "Renamed {id} to “{title}”."),
    "cli.confirm_delete": (
        "Xóa «{title}» ({id}) cùng {done} câu trả lời?",
        Plural(
            "Delete “{title}” ({id}) and its only answer?", "Delete “{title}” ({id}) and its {done} answers?", by="done"
        ),
    ),
    "cli.delete_needs_yes": (
        "Xóa {id} cần xác nhận; khi không chạy trong terminal, hãy thêm --yes.",
        "Deleting {id} needs confirmation; when not in a terminal, add --yes.",
    ),
    "cli.delete_cancelled": ("Đã hủy, không xóa gì.", "Cancelled; nothing was deleted."),
    "cli.deleted": ("Đã xóa «{title}» ({id}).", "Deleted “{title}” ({id})."),
    "interviews.empty_title": ("Tên không được để trống.", "The title cannot be empty."),
    "interviews.title_too_long": (
        "Tên dài {length} ký tự, quá giới hạn {max} ký tự. Hãy đặt tên ngắn hơn.",
        "The title is {length} characters long; the most is {max}. Choose a shorter one.",
    ),
    "interviews.copy_title": ("{title} (bản sao)", "{title} (copy)"),
    "interviews.nothing_to_resume": (
        "Không có cuộc phỏng vấn nào đang dở. Gõ «journey new» để bắt đầu.",
        "There is no unfinished interview to resume. Run “journey new” to start one.",
    ),
    "cli.duplicated": ("Đã tạo bản sao {id}: «{title}».", "Created the copy {id}: “{title}”."),
    "cli.exported": ("Đã ghi {path}.", "Wrote {path}."),
    "cli.imported": (
        "Đã nhập thành cuộc phỏng vấn {id} «{title}» ({done}/{total} câu).",
        "Imported as interview {id} “{title}” ({done}/{total} questions).",
    ),
}
