"""The customer survey: the questionnaire's default words, the import's sentences, and the map's customer voice."""

from __future__ import annotations

from assistant.i18n.catalog import Messages, Plural

MESSAGES: Messages = {
    # The questionnaire, in journey's words, for a bank without survey texts of its own
    "survey.default.title": ("Khảo sát khách hàng của {business}", "{business} customer survey"),
    "survey.default.intro": (
        "Cảm ơn bạn đã dành vài phút cho khảo sát này. Câu trả lời của bạn giúp {business} hiểu bạn đã biết đến, "
        "tìm hiểu và mua hàng như thế nào, để mỗi bước dễ dàng hơn. Câu nào không chắc, bạn cứ bỏ qua.",
        "Thank you for taking a few minutes for this survey. Your answers help {business} understand how you found "
        "out about it, explored and bought, so that every step gets easier. Skip any question you are not sure of.",
    ),
    "survey.default.thanks": ("Cảm ơn bạn!", "Thank you!"),
    "survey.default.consent": (
        "Tôi đồng ý để {business} dùng câu trả lời của tôi để cải thiện sản phẩm và dịch vụ. Câu trả lời không gắn "
        "với tên hay thông tin liên lạc của tôi.",
        "I agree that {business} may use my answers to improve its products and services. My answers are not "
        "linked to my name or contact details.",
    ),
    "survey.default.agree": ("Tôi đồng ý", "I agree"),
    "survey.default.used": ("Bạn đã từng dùng «{touchpoint}» chưa?", "Did you use “{touchpoint}”?"),
    "survey.default.used_help": (
        "Chọn «Có» nếu bạn đã xem, ghé hoặc liên hệ với {business} qua đây.",
        "Yes if you saw, visited or contacted {business} there.",
    ),
    "survey.default.feeling": ("Bạn cảm thấy thế nào ở «{touchpoint}»?", "How did you feel at “{touchpoint}”?"),
    "survey.default.feeling_help": ("Từ 1 đến 5.", "From 1 to 5."),
    "survey.default.stopped": (
        "Điều gì suýt khiến bạn dừng lại ở «{touchpoint}»?",
        "What almost stopped you at “{touchpoint}”?",
    ),
    "survey.default.stopped_help": ("Để trống nếu không có gì.", "Leave it blank if nothing did."),
    "survey.default.heading.used": ("Đã dùng?", "Used it?"),
    "survey.default.heading.feeling": ("Cảm nhận (1–5)", "How it felt (1–5)"),
    "survey.default.heading.stopped": ("Điều gì suýt khiến bạn dừng lại?", "What almost stopped you?"),
    "survey.default.point.1": ("Rất bực bội", "Very frustrated"),
    "survey.default.point.2": ("Không hài lòng", "Unhappy"),
    "survey.default.point.3": ("Bình thường", "Neutral"),
    "survey.default.point.4": ("Hài lòng", "Pleased"),
    "survey.default.point.5": ("Rất thích thú", "Delighted"),
    # Checking a bank's survey texts
    "survey.check.not_a_question": (
        "chỉ câu hỏi mới có cách hỏi khách hàng («survey»); mục loại «{type}» không có câu trả lời.",
        "only a question can have a customer wording (“survey”); an item of type “{type}” takes no answer.",
    ),
    "survey.check.repeated": (
        "câu hỏi nằm trong nhóm lặp lại không thể đưa vào khảo sát: mỗi khách chỉ trả lời bảng hỏi một lần. Các "
        "câu hỏi theo từng điểm chạm nằm ở «survey.touchpoints» của ngân hàng câu hỏi.",
        "a question inside a repeated group cannot be in the survey: each customer answers it once. The questions "
        "per touchpoint are the bank's “survey.touchpoints”.",
    ),
    "survey.check.type": (
        "khảo sát không hỏi được câu loại «{type}»; hãy cho câu hỏi khách hàng một «type» khác (ví dụ long_text).",
        "the survey cannot ask a question of type “{type}”; give the customer's question another “type” (e.g. "
        "long_text).",
    ),
    "survey.check.options_from": (
        "các lựa chọn lấy từ câu trả lời «{id}» của chủ doanh nghiệp; hãy cho câu hỏi khách hàng «type» và "
        "«options» riêng.",
        "the options come from the owner's answer to “{id}”; give the customer's question its own “type” and "
        "“options”.",
    ),
    "survey.check.needs_type": (
        "«{field}» riêng chỉ dùng khi câu hỏi khách hàng có «type» riêng.",
        "its own “{field}” needs the customer's question to have its own “type”.",
    ),
    "survey.check.persona_code": (
        "mã lựa chọn «{code}» không có trong «{id}», nên không so được với chân dung khách hàng.",
        "the option code “{code}” is not an option of “{id}”, so it cannot be compared with the persona.",
    ),
    "survey.check.pipe": (
        "{pipe} không dùng được ở đây; khảo sát chỉ điền được {known}.",
        "{pipe} cannot be used here; the survey fills in only {known}.",
    ),
    # The printed questionnaire
    "survey.render.about": ("Về bạn và {business}", "You and {business}"),
    "survey.render.journey": ("Hành trình của bạn", "Your journey"),
    "survey.render.journey_intro": (
        "Với mỗi nơi dưới đây, hãy cho biết bạn đã dùng chưa, cảm thấy thế nào và điều gì suýt khiến bạn dừng lại. "
        "Nơi nào bạn chưa dùng, chỉ cần đánh dấu «Không».",
        "For each place below: did you use it, how did it feel, and what almost stopped you? Where you did not, "
        "just tick “No”.",
    ),
    "survey.render.touchpoint": ("Nơi bạn gặp {business}", "Where you met {business}"),
    "survey.render.scale": ("Thang điểm", "Scale"),
    "survey.render.several": ("Có thể chọn nhiều.", "Tick all that apply."),
    "survey.render.other": ("Khác:", "Other:"),
    "survey.render.profile": ("Thêm một chút về bạn (không bắt buộc)", "A little about you (optional)"),
    "survey.render.consent": ("Đồng ý", "Consent"),
    # Reading a spreadsheet of responses
    "survey.read.empty": (
        "Tệp «{path}» trống: không có dòng tiêu đề nào. Hãy tải lại các câu trả lời từ công cụ biểu mẫu dưới dạng "
        "CSV rồi nhập tệp đó.",
        "“{path}” is empty: it has no header row. Download the responses from the form tool again as CSV, and "
        "import that file.",
    ),
    "survey.read.too_big": (
        "Tệp «{path}» nặng {size} MB, quá lớn để là một bảng câu trả lời khảo sát. Hãy kiểm tra lại tệp.",
        "“{path}” is {size} MB, too large to be a spreadsheet of survey responses. Check the file.",
    ),
    "survey.read.workbook": (
        "«{path}» là một tệp Excel (.xlsx/.xls), không phải CSV. Trong Excel, chọn Lưu thành › «CSV UTF-8 (Comma "
        "delimited)» rồi nhập tệp CSV đó.",
        "“{path}” is an Excel workbook (.xlsx/.xls), not a CSV. In Excel, choose Save As › “CSV UTF-8 (Comma "
        "delimited)” and import that file.",
    ),
    "survey.read.binary": (
        "«{path}» không phải tệp văn bản CSV (tệp chứa dữ liệu nhị phân). Hãy xuất lại các câu trả lời từ công cụ "
        "biểu mẫu dưới dạng CSV (trong Excel: Lưu thành › «CSV UTF-8 (Comma delimited)») rồi nhập tệp đó. Chưa "
        "có gì được nhập.",
        "“{path}” is not a CSV text file (it holds binary data). Export the responses from the form tool as CSV "
        "again (in Excel: Save As › “CSV UTF-8 (Comma delimited)”) and import that file. Nothing was imported.",
    ),
    "survey.read.not_utf8": (
        "«{path}» không phải văn bản UTF-8 (dòng {line}). Trong Excel, hãy lưu lại bằng «CSV UTF-8 (Comma "
        "delimited)»; từ Google Forms, tải lại tệp .csv. Chưa có gì được nhập.",
        "“{path}” is not UTF-8 text (line {line}). In Excel, save it again as “CSV UTF-8 (Comma delimited)”; "
        "from Google Forms, download the .csv again. Nothing was imported.",
    ),
    "survey.read.not_utf16": (
        "«{path}» bắt đầu như một tệp UTF-16 («Unicode Text» của Excel) nhưng từ dòng {line} không còn là văn bản "
        "UTF-16: tệp có thể bị cắt cụt hoặc hỏng. Hãy lưu lại từ Excel bằng «CSV UTF-8 (Comma delimited)», hoặc "
        "tải lại tệp từ công cụ biểu mẫu. Chưa có gì được nhập.",
        "“{path}” starts as a UTF-16 file (Excel's “Unicode Text”) but is not UTF-16 text from line {line} on: it "
        "may be cut short or damaged. Save it again from Excel as “CSV UTF-8 (Comma delimited)”, or download it "
        "from the form tool again. Nothing was imported.",
    ),
    "survey.read.malformed": (
        "«{path}» không đọc được như CSV ở dòng {line}. Hãy kiểm tra dấu ngoặc kép và dấu phân cách ở dòng đó, "
        "hoặc xuất lại tệp từ công cụ biểu mẫu. Chưa có gì được nhập.",
        "“{path}” cannot be read as CSV at line {line}. Check the quotes and separators on that line, or export "
        "the file from the form tool again. Nothing was imported.",
    ),
    "survey.read.header_quote": (
        "Dấu ngoặc kép trong dòng tiêu đề của «{path}» không khớp (đọc đến dòng {line}), nên không tách được các "
        "cột. Hãy sửa dòng đầu tiên của tệp, hoặc xuất lại tệp từ công cụ biểu mẫu. Chưa có gì được "
        "nhập.",
        "The quotes in the header row of “{path}” do not match (read up to line {line}), so its columns cannot be "
        "told apart. Fix the first line of the file, or export it from the form tool again. Nothing was "
        "imported.",
    ),
    "survey.read.cell_too_long": (
        "«{path}» có một ô dài hơn {limit} ký tự (đến dòng {line}); không câu trả lời khảo sát nào dài đến vậy: "
        "thường là một dấu ngoặc kép mở mà không đóng đã nuốt phần còn lại của tệp. Hãy kiểm tra dấu ngoặc kép "
        "trước dòng đó. Chưa có gì được nhập.",
        "“{path}” has a cell longer than {limit} characters (up to line {line}); no survey answer is that long: "
        "usually a quote opened and never closed has swallowed the rest of the file. Check the quotes before "
        "that line. Nothing was imported.",
    ),
    # Importing responses
    "survey.import.cell": ("dòng {row}, cột «{column}»: {message}", "row {row}, column “{column}”: {message}"),
    "survey.import.row": ("dòng {row}: {message}", "row {row}: {message}"),
    "survey.row.quote": (
        "dấu ngoặc kép không khớp; một ô mở ngoặc mà không đóng ở cuối ô, nên các dòng sau bị dồn vào nó (đến dòng "
        "{line} của tệp). Hãy kiểm tra dấu ngoặc kép ở dòng này.",
        "the quotes do not match; a cell opens a quote that is not closed where the cell ends, so the lines after "
        "it ran into it (up to line {line} of the file). Check the quotes in this row.",
    ),
    "survey.row.unclosed": (
        "một dấu ngoặc kép mở ở dòng này không bao giờ được đóng, nên phần còn lại của tệp (đến dòng {line}) bị dồn "
        "vào một ô. Hãy đóng hoặc xóa dấu ngoặc kép đó.",
        "a quote opened in this row is never closed, so the rest of the file (to line {line}) ran into one cell. "
        "Close or remove that quote.",
    ),
    "survey.row.malformed": (
        "không đọc được như CSV (đến dòng {line} của tệp). Hãy kiểm tra dấu ngoặc kép và dấu phân cách ở dòng này.",
        "it cannot be read as CSV (up to line {line} of the file). Check the quotes and separators in this row.",
    ),
    "survey.row.too_many_cells": (
        "dòng có {cells} ô nhưng dòng tiêu đề chỉ có {columns} cột; có lẽ một ô chứa dấu phân cách mà không được "
        "đặt trong ngoặc kép, làm mọi câu trả lời sau nó lệch sang cột khác.",
        "the row has {cells} cells but the header has {columns} columns; a cell holding the separator was probably "
        "not put in quotes, which shifts every answer after it into the wrong column.",
    ),
    "survey.row.binary": (
        "dòng chứa dữ liệu nhị phân (ký tự NUL), không phải văn bản.",
        "the row holds binary data (a NUL character), not text.",
    ),
    "survey.cell.not_boolean": (
        "«{raw}» không phải «{yes}» hay «{no}».",
        "“{raw}” is neither “{yes}” nor “{no}”.",
    ),
    "survey.cell.not_on_scale": (
        "«{raw}» không phải một điểm từ {min} đến {max} (hoặc tên của điểm đó).",
        "“{raw}” is not a point from {min} to {max} (or its label).",
    ),
    "survey.cell.unknown_option": (
        "«{raw}» không phải một lựa chọn của câu này ({options}).",
        "“{raw}” is not one of this question's options ({options}).",
    ),
    "survey.import.more_problems": (
        "… và {count} lỗi khác.",
        Plural("… and 1 more problem.", "… and {count} more problems."),
    ),
    "survey.import.same_file": (
        "Tệp «{path}» đã được nhập (tệp số {batch}); không có ai được đếm hai lần. Chưa có gì được nhập.",
        "“{path}” was already imported (file {batch}); nobody is counted twice. Nothing was imported.",
    ),
    "survey.import.already": (
        "Mọi câu trả lời trong «{path}» đã được nhập trước đó (từ tệp số {batch}); không có ai được đếm hai lần. "
        "Chưa có gì được nhập.",
        "Every response in “{path}” was imported before (with file {batch}); nobody is counted twice. Nothing "
        "was imported.",
    ),
    "survey.import.imported_meanwhile": (
        "Một tiến trình khác vừa nhập chính những câu trả lời này; không có gì được nhập thêm.",
        "Another process has just imported these very responses; nothing more was imported.",
    ),
    "survey.import.no_columns": (
        "Không cột nào trong «{path}» khớp với câu hỏi khảo sát của buổi phỏng vấn {id}. Hãy dùng tệp CSV từ "
        "«journey survey {id} --format csv» làm mẫu biểu mẫu, hoặc ghép cột bằng --mapping. Chưa có gì được nhập.",
        "No column of “{path}” matches a question of interview {id}'s survey. Build the form from “journey survey "
        "{id} --format csv”, or match the columns with --mapping. Nothing was imported.",
    ),
    "survey.import.other_interview": (
        "«{path}» có vẻ là khảo sát của một buổi phỏng vấn khác: mã cột của nó không có trong bản đồ {id}. Hãy "
        "kiểm tra mã buổi phỏng vấn, hoặc ghép cột bằng --mapping. Chưa có gì được nhập.",
        "“{path}” looks like another interview's survey: its column ids are not on map {id}. Check the interview "
        "id, or match the columns with --mapping. Nothing was imported.",
    ),
    "survey.import.twice": (
        "Hai cột {first} («{other}») và {second} («{column}») của «{path}» cùng trả lời một câu hỏi; hãy bỏ một cột "
        "bằng --mapping (gán tiêu đề của nó với null). Chưa có gì được nhập.",
        "Columns {first} (“{other}”) and {second} (“{column}”) of “{path}” answer the same question; leave one out "
        "with --mapping (map its header to null). Nothing was imported.",
    ),
    "survey.import.same_header": (
        "Cột «{column}» xuất hiện hai lần trong «{path}» (cột {first} và {second}), nên không biết dùng cột nào. Hãy "
        "xóa hoặc đổi tên một cột trong bảng tính rồi nhập lại. Chưa có gì được nhập.",
        "The column “{column}” appears twice in “{path}” (columns {first} and {second}), so there is no telling "
        "which to use. Delete or rename one of them in the spreadsheet, then import again. Nothing was imported.",
    ),
    "survey.import.no_rows": (
        "«{path}» chỉ có dòng tiêu đề, chưa có câu trả lời nào. Khi đã có người trả lời, hãy tải lại các câu trả "
        "lời từ công cụ biểu mẫu rồi nhập tệp mới.",
        "“{path}” has a header row but no responses. Once people have answered, download the responses from the "
        "form tool again and import the new file.",
    ),
    "survey.import.all_broken": (
        "Không đọc được dòng nào trong «{path}» ({count} dòng hỏng); chưa có gì được nhập. Hãy sửa các dòng dưới "
        "đây, hoặc xuất lại tệp từ công cụ biểu mẫu:",
        Plural(
            "The only row of “{path}” cannot be read, so nothing was imported. Fix it, or export the file from the "
            "form tool again:",
            "None of the {count} rows of “{path}” can be read, so nothing was imported. Fix them, or export the "
            "file from the form tool again:",
        ),
    ),
    "survey.import.nobody": (
        "Không có người trả lời nào trong «{path}» đồng ý cho dùng câu trả lời ({no_consent} người chưa đánh dấu "
        "ô đồng ý). Chưa có gì được nhập.",
        "Nobody in “{path}” agreed to their answers being used ({no_consent} did not tick the consent box). "
        "Nothing was imported.",
    ),
    "survey.import.strict": (
        "Tệp «{path}» có {what}, và --strict từ chối cả tệp. Chưa có gì được nhập:",
        "“{path}” has {what}, and --strict refuses the whole file. Nothing was imported:",
    ),
    "survey.mapping.shape": (
        "Tệp ghép cột «{path}» cần có dạng «columns: {{tiêu đề cột: mã cột}}».",
        "The mapping file “{path}” should read “columns: {{column header: column id}}”.",
    ),
    "survey.mapping.unknown": (
        "Tệp ghép cột «{path}» gán «{header}» cho «{column}», nhưng khảo sát không có cột mã đó. Xem các mã cột "
        "trong «journey survey ID --format csv».",
        "The mapping file “{path}” maps “{header}” to “{column}”, which is no column of the survey. The column "
        "ids are in “journey survey ID --format csv”.",
    ),
    # What an import says
    "survey.progress": ("{bar} {percent}%  đã đọc {rows} dòng", "{bar} {percent}%  {rows} rows read"),
    "survey.quoted": ("«{text}»", "“{text}”"),
    "survey.and_more": (" và {count} cột khác", Plural(" and 1 more", " and {count} more")),
    "survey.summary.imported": (
        "Đã nhập {count} người trả lời (số {first}–{last}) từ «{file}», thành tệp số {batch}.",
        Plural(
            "Imported 1 respondent (number {first}) from “{file}” as file {batch}.",
            "Imported {count} respondents (numbers {first}–{last}) from “{file}” as file {batch}.",
        ),
    ),
    "survey.summary.matched": (
        "Đã khớp {count} cột: {how}.",
        Plural("Matched 1 column: {how}.", "Matched {count} columns: {how}."),
    ),
    "survey.summary.by.id": ("{count} theo mã cột", Plural("1 by its id", "{count} by their id")),
    "survey.summary.by.text": (
        "{count} theo nội dung câu hỏi",
        Plural("1 by its question", "{count} by their question"),
    ),
    "survey.summary.by.mapping": ("{count} theo tệp ghép cột", "{count} by the mapping file"),
    "survey.summary.skipped": ("Bỏ qua: {what}.", "Skipped: {what}."),
    "survey.summary.already": (
        "{count} dòng đã nhập từ trước",
        Plural("1 row imported before", "{count} rows imported before"),
    ),
    "survey.summary.no_consent": (
        "{count} người chưa đồng ý cho dùng câu trả lời",
        Plural("1 respondent who did not consent", "{count} respondents who did not consent"),
    ),
    "survey.summary.empty": ("{count} dòng trống", Plural("1 empty row", "{count} empty rows")),
    "survey.summary.bad_cells": ("{count} ô không hợp lệ", Plural("1 bad cell", "{count} bad cells")),
    "survey.summary.bad_rows": ("{count} dòng không đọc được", Plural("1 broken row", "{count} broken rows")),
    "survey.summary.contradicted": (
        "{count} câu trả lời về điểm chạm mà người đó nói chưa dùng",
        Plural(
            "1 answer about a touchpoint the respondent said they did not use",
            "{count} answers about touchpoints the respondents said they did not use",
        ),
    ),
    "survey.summary.ignored": (
        "Bỏ qua {count} cột không khớp câu hỏi nào: {headers}.",
        Plural(
            "Ignored 1 column that matches no question: {headers}.",
            "Ignored {count} columns that match no question: {headers}.",
        ),
    ),
    "survey.summary.personal_left": (
        "Không lưu {count} cột có vẻ là thông tin cá nhân: {headers}.",
        Plural(
            "Left out 1 column that looks personal: {headers}.",
            "Left out {count} columns that look personal: {headers}.",
        ),
    ),
    "survey.summary.keep_hint": (
        "Thêm --keep-personal nếu thật sự cần lưu chúng.",
        "Add --keep-personal if you really need them stored.",
    ),
    "survey.summary.keep_box": (
        "Đánh dấu «Lưu cả cột tên, email, điện thoại» rồi nhập lại nếu thật sự cần lưu chúng.",
        "Tick “Also store name, email and phone” and import again if you really need them stored.",
    ),
    "survey.summary.personal_kept": (
        "Đã lưu {count} cột thông tin cá nhân theo --keep-personal: {headers}. Chúng không bao giờ xuất hiện trong "
        "bản đồ hay tệp xuất.",
        Plural(
            "Stored 1 personal column as --keep-personal asks: {headers}. It never appears in a map or an export.",
            "Stored {count} personal columns as --keep-personal asks: {headers}. They never appear in a map or an "
            "export.",
        ),
    ),
    "survey.summary.form": ("Cột riêng của công cụ biểu mẫu: {headers}.", "The form tool's own columns: {headers}."),
    # Listing and removing imported files
    "survey.list.header": (
        "TỆP\tTÊN TỆP\tNHẬP LÚC\tNGƯỜI TRẢ LỜI\tSỐ\tÔ BỎ QUA\tTT CÁ NHÂN",
        "FILE\tNAME\tIMPORTED\tRESPONDENTS\tNUMBERS\tSKIPPED CELLS\tPERSONAL",
    ),
    "survey.list.total": (
        "Tổng cộng {count} người trả lời từ {files} tệp.",
        Plural("1 respondent in all, from {files} files.", "{count} respondents in all, from {files} files."),
    ),
    "survey.list.total_one": (
        "Tổng cộng {count} người trả lời từ 1 tệp.",
        Plural("1 respondent in all, from 1 file.", "{count} respondents in all, from 1 file."),
    ),
    "survey.list.none": (
        "Buổi phỏng vấn {id} chưa có người trả lời khảo sát nào. Nhập câu trả lời bằng «journey respondents import "
        "{id} FILE.csv».",
        "Interview {id} has no survey respondents yet. Import responses with “journey respondents import {id} "
        "FILE.csv”.",
    ),
    "survey.no_batch": (
        "Buổi phỏng vấn {id} không có tệp số {batch}; «journey respondents list {id}» liệt kê các tệp đã nhập.",
        "Interview {id} has no file {batch}; “journey respondents list {id}” lists the files imported.",
    ),
    "survey.confirm_remove": (
        "Xóa tệp số {batch} («{file}») cùng {count} người trả lời của nó?",
        Plural(
            "Remove file {batch} (“{file}”) and its only respondent?",
            "Remove file {batch} (“{file}”) and its {count} respondents?",
        ),
    ),
    "survey.remove_needs_yes": (
        "Xóa tệp số {batch} của buổi phỏng vấn {id} cần xác nhận; khi không chạy trong terminal, hãy thêm --yes.",
        "Removing file {batch} of interview {id} needs confirmation; add --yes when not in a terminal.",
    ),
    "survey.removed": (
        "Đã xóa tệp số {batch} («{file}») và {count} người trả lời của nó.",
        Plural(
            "Removed file {batch} (“{file}”) and its only respondent.",
            "Removed file {batch} (“{file}”) and its {count} respondents.",
        ),
    ),
    "survey.export.respondent": ("Người trả lời", "Respondent"),
    "survey.export.submitted": ("Thời gian gửi", "Submitted"),
    # The command line
    "survey.cli.help.survey": (
        "Tạo bảng hỏi khảo sát khách hàng cho bản đồ của một buổi phỏng vấn: bảy câu hỏi khảo sát của bài viết, ba "
        "câu cho mỗi điểm chạm, thông tin thêm về người trả lời và dòng đồng ý. Markdown và HTML để in; CSV là "
        "dòng tiêu đề để dựng Google Forms, Microsoft Forms hoặc bảng Excel.",
        "Write the customer survey of an interview's map: the article's seven survey questions, three questions "
        "per touchpoint, optional profile questions and a consent line. Markdown and HTML print; CSV is a header "
        "row to build a Google Forms, Microsoft Forms or Excel sheet from.",
    ),
    "survey.cli.help.locale": ("Ngôn ngữ của bảng hỏi: vi hoặc en.", "The survey's language: vi or en."),
    "survey.cli.help.format": (
        "md, html hoặc csv (mặc định theo đuôi tệp -o: .md, .html, .csv; khi in ra màn hình thì md).",
        "md, html or csv (by default the suffix of -o: .md, .html, .csv; on the screen, md).",
    ),
    "survey.cli.help.respondents": (
        "Những người đã trả lời khảo sát của một buổi phỏng vấn: nhập, liệt kê, xóa, xuất.",
        "The people who answered an interview's survey: import, list, remove, export.",
    ),
    "survey.cli.help.import": (
        "Nhập tệp CSV câu trả lời (Google Forms, Microsoft Forms, Typeform, Excel); mỗi dòng là một người trả lời.",
        "Import a CSV of responses (Google Forms, Microsoft Forms, Typeform, Excel); each row is one respondent.",
    ),
    "survey.cli.help.mapping": (
        "Tệp YAML/JSON có mục «columns» gán tiêu đề cột cho mã cột, dành cho những cột không tự khớp.",
        "A YAML/JSON file whose “columns” map headers to column ids, for columns that do not match by themselves.",
    ),
    "survey.cli.help.strict": (
        "Từ chối cả tệp nếu có bất kỳ ô nào không hợp lệ.",
        "Refuse the whole file if any cell is bad.",
    ),
    "survey.cli.help.keep_personal": (
        "Lưu cả các cột có vẻ là thông tin cá nhân (tên, email, điện thoại); chúng không bao giờ được xuất ra.",
        "Also store the columns that look personal (name, email, phone); they are never exported.",
    ),
    "survey.cli.help.list": ("Liệt kê các tệp câu trả lời đã nhập.", "List the files of responses imported."),
    "survey.cli.help.remove": (
        "Xóa một tệp đã nhập cùng những người trả lời của nó (hỏi trước; --yes khi không chạy trong terminal).",
        "Remove an imported file and its respondents (asks first; --yes when not in a terminal).",
    ),
    "survey.cli.help.export": (
        "Xuất người trả lời ra CSV để xem trong bảng tính: đánh số, không bao giờ kèm tên.",
        "Export the respondents as a CSV for a spreadsheet: numbered, never named.",
    ),
    # The map with the customers in it
    "survey.map.gap": (
        "Bạn chấm {owner}; {count} khách hàng chấm trung bình {mean}.",
        Plural("You said {owner}; 1 customer says {mean}.", "You said {owner}; {count} customers say {mean}."),
    ),
    "survey.map.place": ("{count} khách hàng", Plural("1 customer", "{count} customers")),
    "survey.map.theme": (
        "{count} khách hàng nêu «{kind}» là điều cản trở họ trên hành trình.",
        Plural(
            "1 customer names “{kind}” as what held them back on the journey.",
            "{count} customers name “{kind}” as what held them back on the journey.",
        ),
    ),
    "survey.map.theme_at": (
        "{count} khách hàng suýt dừng lại vì «{kind}», nhiều nhất ở «{touchpoint}».",
        Plural(
            "1 customer was almost stopped by “{kind}” at “{touchpoint}”.",
            "{count} customers were almost stopped by “{kind}”, most often at “{touchpoint}”.",
        ),
    ),
    "survey.map.theme_unnamed": (
        "{count} khách hàng suýt dừng lại ở «{touchpoint}» vì một điều bản đồ chưa gọi tên: hãy đọc lời họ kể.",
        Plural(
            "1 customer was almost stopped at “{touchpoint}” by something the map does not name yet: read their words.",
            "{count} customers were almost stopped at “{touchpoint}” by something the map does not name yet: read "
            "their words.",
        ),
    ),
    "survey.map.reach.fewer": (
        "Khách hàng thực sự dùng trung bình {mean} điểm chạm (trung vị {median}, theo {count} người trả lời) trong "
        "{listed} điểm bạn liệt kê, ít hơn {expected} điểm bạn dự kiến: nội dung trên các kênh chưa đủ sức giữ chân "
        "khách.",
        Plural(
            "Customers actually use {mean} touchpoints on average (median {median}, from 1 respondent) of the "
            "{listed} you listed, fewer than the {expected} you expected: the channels' content does not hold them.",
            "Customers actually use {mean} touchpoints on average (median {median}, from {count} respondents) of "
            "the {listed} you listed, fewer than the {expected} you expected: the channels' content does not hold "
            "them.",
        ),
    ),
    "survey.map.reach.more": (
        "Khách hàng thực sự dùng trung bình {mean} điểm chạm (trung vị {median}, theo {count} người trả lời), "
        "nhiều hơn {expected} điểm bạn dự kiến: các kênh điều hướng phức tạp, khách phải bỏ nhiều công sức hơn.",
        Plural(
            "Customers actually use {mean} touchpoints on average (median {median}, from 1 respondent), more than "
            "the {expected} you expected: the channels are complex to navigate and cost customers effort.",
            "Customers actually use {mean} touchpoints on average (median {median}, from {count} respondents), more "
            "than the {expected} you expected: the channels are complex to navigate and cost customers effort.",
        ),
    ),
    "survey.map.reach.as_expected": (
        "Khách hàng thực sự dùng trung bình {mean} điểm chạm (trung vị {median}, theo {count} người trả lời), gần "
        "với {expected} điểm bạn dự kiến.",
        Plural(
            "Customers actually use {mean} touchpoints on average (median {median}, from 1 respondent), close to "
            "the {expected} you expected.",
            "Customers actually use {mean} touchpoints on average (median {median}, from {count} respondents), "
            "close to the {expected} you expected.",
        ),
    ),
    "survey.map.reach.unexpected": (
        "Khách hàng thực sự dùng trung bình {mean} điểm chạm (trung vị {median}, theo {count} người trả lời) trong "
        "{listed} điểm bạn liệt kê.",
        Plural(
            "Customers actually use {mean} touchpoints on average (median {median}, from 1 respondent) of the "
            "{listed} you listed.",
            "Customers actually use {mean} touchpoints on average (median {median}, from {count} respondents) of "
            "the {listed} you listed.",
        ),
    ),
    "survey.map.reach_next.fewer": (
        "Xem lại nội dung ở những điểm chạm ít khách dùng ({rare}): bổ sung điều khách cần, hoặc dồn công sức vào "
        "những kênh khách thật sự dùng.",
        "Review the content of the touchpoints few customers use ({rare}): give them what customers need there, "
        "or put the effort into the channels customers do use.",
    ),
    "survey.map.reach_next.fewer_everywhere": (
        "Hỏi khách họ đã tìm gì mà không thấy trên các kênh của bạn, rồi bổ sung ngay ở nơi họ tìm đến đầu tiên.",
        "Ask customers what they looked for and did not find on your channels, and add it where they look first.",
    ),
    "survey.map.reach_next.more": (
        "Rút ngắn hành trình: gộp hoặc bỏ những điểm chạm trùng vai trò để khách đi ít bước hơn.",
        "Shorten the path: merge or drop touchpoints that play the same role so customers take fewer steps.",
    ),
    # The map's Markdown
    "survey.md.col.customers": ("Khách hàng", "Customers"),
    "survey.md.col.you": ("Bạn đã trả lời", "You said"),
    "survey.md.owner_only": (
        "Mọi trở ngại ở đây chỉ dựa trên câu trả lời của bạn: chưa trở ngại nào được kiểm chứng với khách hàng.",
        "Every obstacle here rests on your answers alone: none has been checked with customers yet.",
    ),
    "survey.md.quote": ("«{text}»", "“{text}”"),
    "survey.md.used": ("{used}/{asked} người đã dùng ({share}%)", "used by {used} of {asked} ({share}%)"),
    "survey.md.felt": (
        "cảm xúc {mean} ({low}–{high}, {count} người chấm)",
        Plural("rated {mean} ({low}–{high}, 1 rating)", "rated {mean} ({low}–{high}, {count} ratings)"),
    ),
    "survey.md.profile.age": (
        "Độ tuổi của người trả lời ({count} người)",
        Plural("Respondents' age (1 answer)", "Respondents' age ({count} answers)"),
    ),
    "survey.md.profile.gender": (
        "Giới tính của người trả lời ({count} người)",
        Plural("Respondents' gender (1 answer)", "Respondents' gender ({count} answers)"),
    ),
    "survey.md.profile.income": (
        "Thu nhập của người trả lời ({count} người)",
        Plural("Respondents' income (1 answer)", "Respondents' income ({count} answers)"),
    ),
    "survey.md.profile.location": (
        "Nơi sống của người trả lời ({count} người)",
        Plural("Where respondents live (1 answer)", "Where respondents live ({count} answers)"),
    ),
    "survey.md.profile.occupation": (
        "Nghề nghiệp của người trả lời ({count} người)",
        Plural("Respondents' occupation (1 answer)", "Respondents' occupations ({count} answers)"),
    ),
    "survey.md.profile.question": (
        "{question} ({count} người trả lời)",
        Plural("{question} (1 answer)", "{question} ({count} answers)"),
    ),
    "survey.md.count": ("{label}: {count} ({share}%)", "{label}: {count} ({share}%)"),
    "survey.md.said": ("Khách hàng nói gì", "What customers said"),
    "survey.md.respondents": (
        "{count} người trả lời khảo sát",
        Plural("1 survey respondent", "{count} survey respondents"),
    ),
    "survey.md.files": (", từ {files} tệp", Plural(", from 1 file", ", from {files} files", by="files")),
    "survey.md.period": ("; trả lời từ {first} đến {last}.", "; responses from {first} to {last}."),
    "survey.md.reach": (
        "Điểm chạm khách thực sự dùng (bài «Hành trình khách hàng là gì?», bước 4):",
        "The touchpoints customers actually use (article “Hành trình khách hàng là gì?”, step 4):",
    ),
    "survey.md.rarely": ("Ít khách dùng: {touchpoints}.", "Few customers use: {touchpoints}."),
    "survey.md.gaps": ("Nơi bạn và khách hàng cảm nhận khác nhau:", "Where you and your customers disagree:"),
    "survey.md.not_on_map": (
        "Câu trả lời cho {count} câu hỏi mà bản đồ không còn hỏi (một điểm chạm đã đổi tên hoặc bị bỏ) vẫn được "
        "giữ nhưng không hiển thị.",
        Plural(
            "Answers to 1 question the map no longer asks (a touchpoint renamed or removed) are kept, not shown.",
            "Answers to {count} questions the map no longer asks (touchpoints renamed or removed) are kept, not shown.",
        ),
    ),
    "survey.md.number": ("trung bình {mean} ({low}–{high})", "mean {mean} ({low}–{high})"),
    "survey.md.answered": ("{count} người trả lời", Plural("1 answer", "{count} answers")),
    # The app
    "survey.tui.key": ("Khách hàng", "Customers"),
    "survey.tui.title": (
        "Câu trả lời khảo sát của khách hàng cho «{title}»",
        "The customers' survey answers for “{title}”",
    ),
    "survey.tui.none": (
        "Chưa có người trả lời nào. Chọn tệp CSV xuất từ Google Forms, Microsoft Forms, Typeform hoặc Excel.",
        "No respondents yet. Pick a CSV exported from Google Forms, Microsoft Forms, Typeform or Excel.",
    ),
    "survey.tui.file": ("Tệp câu trả lời (.csv)", "File of responses (.csv)"),
    "survey.tui.no_file": ("Hãy chọn hoặc gõ đường dẫn tới một tệp CSV.", "Pick or type the path of a CSV file."),
    "survey.tui.keep_personal": ("Lưu cả cột tên, email, điện thoại", "Also store name, email and phone"),
    "survey.tui.import": ("Nhập", "Import"),
    "survey.tui.close": ("Đóng", "Close"),
    "survey.tui.reading": ("Đã đọc {rows} dòng…", "{rows} rows read…"),
    "survey.tui.imported": (
        "Đã nhập {count} người trả lời; bản đồ đã có tiếng nói của khách hàng.",
        Plural(
            "Imported 1 respondent; the map now has the customers in it.",
            "Imported {count} respondents; the map now has the customers in it.",
        ),
    ),
    "survey.tui.imported_title": ("Đã nhập câu trả lời", "Responses imported"),
    "survey.tui.sidebar": (
        "{count} khách hàng đã trả lời khảo sát (F8)",
        Plural("1 customer surveyed (F8)", "{count} customers surveyed (F8)"),
    ),
}
