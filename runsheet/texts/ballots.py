"""Texts of the printed ballots (reports/ballot.py, run.py ballots print) and of their QR code (rules/ballot_code.py)."""

TEXT: dict[str, tuple[str, str]] = {
    # the ballot paper
    "ballot.title": ("PHIẾU BẦU {what}", "BALLOT: {what}"),
    "ballot.term": ("NHIỆM KỲ {term}", "TERM {term}"),
    "ballot.round": ("(Bầu lần thứ {round})", "(Round {round})"),
    "ballot.col.number": ("STT", "No."),
    "ballot.col.name": ("Họ và tên", "Name"),
    "ballot.col.agree": ("Đồng ý", "Agree"),
    "ballot.col.disagree": ("Không đồng ý", "Disagree"),
    "ballot.note.strike": ("Giữ nguyên họ tên người được bầu; không bầu đồng chí nào thì gạch ngang cả họ và tên đồng chí đó.",
                           "Leave the names you vote for; strike through the whole name of anyone you do not vote for."),
    "ballot.note.approve": ("Đánh dấu (X) vào một ô «Đồng ý» hoặc «Không đồng ý» ở mỗi dòng.",
                            "Mark (X) one box, Agree or Disagree, on each line."),
    "ballot.seal": ("Nơi đóng dấu", "Seal"),
    "ballot.file": ("{election}-vong-{round}-phieu-bau", "{election}-round-{round}-ballot"),
    "ballot.printed": ("Đã ghi phiếu bầu của cuộc bầu «{title}», lần bầu thứ {round} ({n} tờ {size}, {names} tên): {path}",
                       "Ballots written for “{title}”, round {round} ({n} {size} sheets, {names} names): {path}"),
    "ballot.docx_note": ("Tệp .docx để văn phòng chỉnh sửa không có dấu định vị và mã QR: phiếu in từ tệp này chỉ kiểm bằng tay.",
                         "The .docx (for the office to adjust) has no corner marks and no QR code: ballots printed from it are "
                         "counted by hand only."),
    # refusals
    "ballot.err.no_list": ("cuộc bầu {id!r} chưa có danh sách bầu cử: chưa in được phiếu bầu",
                           "election {id!r} has no list of candidates: there is no ballot to print"),
    "ballot.err.too_long": ("danh sách {n} tên không vừa khổ giấy {size}: hãy in khổ A4 (--size A4)",
                            "a list of {n} names does not fit on {size} paper: print on A4 (--size A4)"),
    "ballot.err.copies": ("số tờ phải từ 1 đến 5000, có {n}", "copies must be 1 to 5000, found {n}"),
    "ballot.err.write": ("không ghi được phiếu bầu vào {path}: {problem}", "cannot write the ballots into {path}: {problem}"),
    "ballot.err.code": ("mã QR trên phiếu không đúng định dạng ({problem}): {text}",
                        "the ballot's QR code is malformed ({problem}): {text}"),
    "ballot.bad.prefix": ("phải bắt đầu bằng RSB1|", "it must start with RSB1|"),
    "ballot.bad.fields": ("cần 5 trường ngăn bởi |", "5 fields separated by | are needed"),
    "ballot.bad.congress": ("mã đại hội phải là 8 chữ số hệ 16", "the congress must be 8 hex digits"),
    "ballot.bad.election": ("mã cuộc bầu không hợp lệ", "the election id is not valid"),
    "ballot.bad.round": ("lần bầu phải là số nguyên dương", "the round must be a positive whole number"),
    "ballot.bad.list": ("mã danh sách phải là 8 chữ số hệ 16", "the list's hash must be 8 hex digits"),
}
