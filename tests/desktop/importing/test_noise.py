"""Generated noise on the seed texts: parse_text always returns, never raises."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.dispatch import Dispatch
from desktop.importing import parse_text
from tests.conftest import SHARED

SEED_NAMES = ["000_207db614149c4b8c.txt", "001_f7e0c988db89172b.txt", "002_0ca1d96cab679b31.txt"]


def _seed_lines(index: int) -> list[str]:
    path = SHARED / "seeds" / SEED_NAMES[index]
    if not path.exists():
        # without the shared texts, a small dispatch of our own words keeps the test meaningful
        return ["UBND TỈNH KIỂM THỬ", "", "Số: 12/UBND-VP", "V/v thử nghiệm", "", "Nơi, ngày 01 tháng 2 năm 2020",
                "", "Kính gửi:", "- Sở A;", "- Sở B.", "", "1. Sở A làm việc X trước ngày 05/3/2020.", "",
                "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", "CHỦ TỊCH", "", "Nguyễn Văn A"]
    return path.read_text(encoding="utf-8").split("\n")


JUNK = st.sampled_from(["", " ", "|", "ọ", "—", "3", "- 2 -", "./m", "***", "http://x.vn/a.pdf", "Số:", "Kính gửi",
                        "Nơi nhận:", "V/v", "TM.", "1.", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "\f", "\t\t", "(đã ký)"])


@st.composite
def noisy_text(draw):
    lines = list(_seed_lines(draw(st.integers(0, 2))))
    for _ in range(draw(st.integers(0, 12))):
        op = draw(st.sampled_from(["blank", "junk", "break", "drop", "swap", "spaces"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "blank":
            lines.insert(i, "")
        elif op == "junk":
            lines.insert(i, draw(JUNK) + draw(st.text(max_size=6)))
        elif op == "break" and len(lines[i]) > 2:
            cut = draw(st.integers(1, len(lines[i]) - 1))
            lines[i:i + 1] = [lines[i][:cut], draw(st.sampled_from(["", "\n", "  2"])), lines[i][cut:]]
        elif op == "drop":
            del lines[i]
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "spaces":
            lines[i] = " " * draw(st.integers(0, 60)) + lines[i]
    return "\n".join(lines)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(noisy_text())
def test_noise_never_raises(text):
    result = parse_text(text)
    assert isinstance(result.dispatch, Dispatch)
    assert not any(w.startswith("Không phân tích được") for w in result.warnings)  # no internal failure
    assert result.source_text  # the text is kept for the GUI
    result.dispatch.to_json_dict()
    for start, end in result.spans.values():
        assert 0 <= start <= end <= len(result.source_text)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text):
    result = parse_text(text)
    assert not any(w.startswith("Không phân tích được") for w in result.warnings)
    assert Dispatch.from_json_dict(result.dispatch.to_json_dict()) is not None
