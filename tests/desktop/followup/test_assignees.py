"""Who an item addresses, and matching written unit names to the directory."""
from __future__ import annotations

import pytest

from desktop.followup.assignees import leading_assignees, match_unit


@pytest.mark.parametrize(
    "item, units",
    [
        ("Sở Kế hoạch và Đầu tư chủ động theo dõi việc sơ kết.", ["Sở Kế hoạch và Đầu tư"]),
        ("5.2. Sở Kế hoạch và Đầu tư chủ trì tổng hợp.", ["Sở Kế hoạch và Đầu tư"]),
        ("Văn phòng Điều phối nông thôn mới tỉnh chủ động kiểm tra.", ["Văn phòng Điều phối nông thôn mới tỉnh"]),
        ("Ban Thi đua - Khen thưởng tỉnh phối hợp với các sở.", ["Ban Thi đua - Khen thưởng tỉnh"]),
        ("Giao trường THCS Thị trấn Thắng chuẩn bị phòng họp.", ["trường THCS Thị trấn Thắng"]),
        ("- Giao trường THCS Thị trấn Thắng (điểm cầu của Phòng) chuẩn bị phòng họp.", ["trường THCS Thị trấn Thắng"]),
        ("Giao Ban Thi đua - Khen thưởng tỉnh (cơ quan thường trực của Hội đồng) tham mưu kế hoạch.",
         ["Ban Thi đua - Khen thưởng tỉnh"]),
        ("Giao Ban Thi đua - Khen thưởng tỉnh (*cơ quan thường trực*) tham mưu.", ["Ban Thi đua - Khen thưởng tỉnh"]),
        ("Sở Nội vụ, Sở Tài chính phối hợp hướng dẫn.", ["Sở Nội vụ", "Sở Tài chính"]),
        ("Sở Nội vụ và Sở Tài chính thực hiện.", ["Sở Nội vụ", "Sở Tài chính"]),
        ("Các đơn vị gửi ý kiến về Phòng.", ["Các đơn vị"]),
        ("Tiếp tục quán triệt các văn bản của tỉnh.", []),
        ("1. Tổ chức phát động phong trào thi đua.", []),
        ("Báo cáo kết quả về Ủy ban nhân dân tỉnh.", []),
        ("Hội nghị được tổ chức tại hội trường.", []),
        ("Phòng, chống tham nhũng là nhiệm vụ thường xuyên.", []),
        ("Công tác khen thưởng phải kịp thời.", []),
        ("Sở Thông tin và Truyền thông chỉ đạo các cơ quan báo chí.", ["Sở Thông tin và Truyền thông"]),
        ("Sở Lao động - Thương binh và Xã hội chủ động theo dõi.", ["Sở Lao động - Thương binh và Xã hội"]),
        ("Sở Xây dựng xây dựng kế hoạch.", ["Sở Xây dựng"]),
        ("Ủy ban nhân dân các huyện, thành phố chỉ đạo các xã.", ["Ủy ban nhân dân các huyện, thành phố"]),
        ("UBND các huyện, thị xã và các Sở, ngành liên quan triển khai.", ["UBND các huyện, thị xã", "các Sở, ngành liên quan"]),
        ("Đề nghị Sở Nội vụ chủ trì thẩm định.", ["Sở Nội vụ"]),
        ("5.1. Đối với Phòng Giáo dục và Đào tạo", ["Phòng Giáo dục và Đào tạo"]),
        ("Phòng GD&ĐT", ["Phòng GD&ĐT"]),
        ("Văn phòng HĐND & UBND huyện chuẩn bị xe.", ["Văn phòng HĐND & UBND huyện"]),
        ("Công an huyện bảo đảm an ninh.", ["Công an huyện"]),
        ("Trung tâm Văn hóa - Thông tin và Thể thao huyện phân công phóng viên.",
         ["Trung tâm Văn hóa - Thông tin và Thể thao huyện"]),
        ("Bộ Chỉ huy Quân sự tỉnh có trách nhiệm bố trí lực lượng.", ["Bộ Chỉ huy Quân sự tỉnh"]),
        ("Kho bạc Nhà nước tỉnh hướng dẫn thủ tục.", ["Kho bạc Nhà nước tỉnh"]),
        ("Đài Phát thanh và Truyền hình tỉnh tăng cường đưa tin.", ["Đài Phát thanh và Truyền hình tỉnh"]),
        ("Các trường mầm non, tiểu học, trung học cơ sở", ["Các trường mầm non, tiểu học, trung học cơ sở"]),
        ("", []),
    ],
)
def test_leading_assignees(item, units):
    assert leading_assignees(item) == units


UNITS = [
    (1, "Sở Kế hoạch và Đầu tư", ["Sở KH&ĐT"]),
    (2, "Sở Nội vụ", ["SNV"]),
    (3, "Sở Ngoại vụ", []),
    (4, "Ban Thi đua - Khen thưởng", ["Ban TĐKT"]),
    (5, "Sở Tài chính", []),
    (6, "Phòng Nội vụ", []),
    (7, "Sở Lao động - Thương binh và Xã hội", []),
    (8, "Phòng Giáo dục và Đào tạo", []),
    (9, "Ủy ban nhân dân huyện Hiệp Hòa", []),
    (10, "Ủy ban nhân dân huyện Việt Yên", []),
]


@pytest.mark.parametrize(
    "name, unit_id",
    [
        ("Sở KH&ĐT", 1),  # alias
        ("sở kh&đt", 1),
        ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", 1),
        ("So Ke hoach va Dau tu", 1),  # no accents
        ("Sở KHĐT", 1),  # abbreviation expanded
        ("Sở Kế hoạch và Đầu tư tỉnh", 1),  # trailing locality
        ("Sở Nội vụ tỉnh Đắk Nông", 2),
        ("Ban Thi đua - Khen thưởng tỉnh", 4),
        ("Ban TĐKT tỉnh", 4),
        ("Sở Tài chánh", 5),  # a typo
        ("Phòng GD&ĐT", 8),
        ("UBND huyện Hiệp Hòa", 9),
        ("Sở Y tế", None),  # not in the directory
        ("Sở Giáo dục và Đào tạo", None),  # never the Phòng of the same name
        ("Ủy ban nhân dân huyện", None),  # two close candidates: no guess
        ("", None),
    ],
)
def test_match_unit(name, unit_id):
    assert match_unit(name, UNITS) == unit_id


def test_match_unit_exact_name_shared_by_two_units_is_ambiguous():
    units = [(1, "Phòng Nội vụ", []), (2, "Phòng Nội vụ", [])]
    assert match_unit("Phòng Nội vụ", units) is None


def test_match_unit_threshold():
    assert match_unit("Sở Tài chánh", UNITS, threshold=99) is None


def test_match_unit_never_takes_a_different_word_for_a_typo():
    units = [(1, "Sở Nội vụ", []), (2, "Sở Tài chính", [])]
    assert match_unit("Sở Ngoại vụ", units) is None
    assert match_unit("Sở Tài chínhh", units) == 2  # a typo still matches


@pytest.mark.parametrize(
    "item, units",
    [
        ("Nhà trường và các tổ chức đoàn thể hoàn thiện biên bản.", ["Nhà trường", "các tổ chức đoàn thể"]),
        ("Ủy ban nhân dân tỉnh đã phát động bốn phong trào.", ["Ủy ban nhân dân tỉnh"]),
        ("Văn phòng Huyện ủy chuẩn bị xe.", ["Văn phòng Huyện ủy"]),
        ("Ban chỉ đạo tỉnh triển khai.", []),  # a lower-case word after "Ban": not read as a unit
    ],
)
def test_leading_assignees_edge_cases(item, units):
    assert leading_assignees(item) == units
