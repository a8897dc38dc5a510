"""Texts filled into the words the chair reads (rules/script.py): whether the congress may proceed, results read out."""

TEXT: dict[str, tuple[str, str]] = {
    # whether the congress may proceed
    # (no quorum for a congress is set by the Charter: this says whether anything could be adopted, more than half of D
    # being present, and the scenario's own quorum if it sets one)
    "may_proceed.yes": ("số đảng viên chính thức có mặt quá một nửa số đảng viên chính thức được triệu tập, đủ để Đại hội "
                        "biểu quyết, bầu cử", "has more than half of those entitled to vote present, enough to vote"),
    "may_proceed.no": ("số đảng viên chính thức có mặt chưa quá một nửa số đảng viên chính thức được triệu tập (hoặc chưa đủ "
                       "số có mặt tối thiểu do kịch bản đặt ra): chưa nội dung nào có thể được thông qua",
                       "has too few members present for anything to be adopted"),
    "not_yet": ("(chưa có kết quả)", "(no result yet)"),
    # results read out
    "script.motion": ("tán thành {for}, không tán thành {against}, không biểu quyết {abstain}; {for}/{d} = {pct}% "
                      "— {verdict}",
                      "{for} for, {against} against, {abstain} abstaining; {for} of {d} = {pct}% — {verdict}"),
    "script.ballots": ("Số phiếu phát ra {issued}, thu vào {collected}; hợp lệ {valid}, không hợp lệ {invalid} "
                       "(tỉ lệ tính trên {d} người)",
                       "Ballots issued {issued}, collected {collected}; valid {valid}, invalid {invalid} "
                       "(percentages of {d})"),
    "script.candidate": ("– Đồng chí {name}: {votes} phiếu, đạt {pct}%", "– {name}: {votes} votes, {pct}%"),
    "script.elected": ("Trúng cử: {names}", "Elected: {names}"),
    "script.tied": ("Ngang phiếu ở vị trí cuối, chưa trúng cử: {names}",
                    "Tied for the last seat, not elected: {names}"),
    "script.unfilled": ("Còn thiếu {n} người so với số lượng cần bầu", "{n} seat(s) unfilled"),
    "script.nobody": ("không có ai", "nobody"),
}
