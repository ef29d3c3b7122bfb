"""Benchmark: reading deadline phrases and working-day sums across Tết."""
from __future__ import annotations

import time
from datetime import date
from pathlib import Path


def bench_deadlines(workdir: Path) -> list[tuple[str, float]]:
    """find_deadline over 1,000 item paragraphs; 200 working-day sums across Tết."""
    from desktop.followup.calendar import WorkingCalendar
    from desktop.followup.deadlines import find_deadline

    items = [
        "Sở Nội vụ chủ trì, tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/10/2021.",
        "Chủ trì, tham mưu sơ kết phong trào thi đua trong Quý III/2018 theo kế hoạch.",
        "Tiếp tục quán triệt, triển khai các văn bản số 536/KH-UBND ngày 09/10/2017 của tỉnh.",
        "Định kỳ từ ngày 1 đến ngày 5 hằng tháng, các đơn vị gửi số liệu về Văn phòng.",
    ] * 250
    start = time.perf_counter()
    for text in items:
        find_deadline(text, doc_date=date(2021, 1, 4))
    found = time.perf_counter() - start
    calendar = WorkingCalendar()
    start = time.perf_counter()
    for i in range(200):
        calendar.add_working_days(date(2025, 1, 1 + i % 28), 15)
    summed = time.perf_counter() - start
    return [("find_deadline: 1.000 đoạn văn", found), ("add_working_days: 200 lần qua Tết", summed)]
