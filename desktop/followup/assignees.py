"""Who an item of a dispatch addresses, and which directory unit a written name is.

`leading_assignees` reads the unit(s) named at the start of an item ("Sở Kế hoạch và Đầu
tư chủ động ...", "Giao trường THCS Thị trấn Thắng chuẩn bị ..."): the name runs from a
unit head word (Sở, Ban, Văn phòng, UBND, Các, ...) to the first verb written in lower case
(chủ động, chủ trì, phối hợp, ...). Names keep their capitalised words, so "Sở Xây dựng xây
dựng kế hoạch" ends at the second, lower-case "xây dựng". An item that starts with a verb
addresses every recipient: [].

`match_unit` maps a written name to a directory entry: an exact accent- and case-insensitive
match on the name or an alias first, then rapidfuzz; never a guess between two close names.
"""
from __future__ import annotations

import re
from typing import Any

from desktop.core.text import fold, nfc

__all__ = ["leading_assignees", "match_unit", "UNIT_HEADS", "VERBS"]

# Words that start a unit name; lower-case entries may also start one in lower case
# ("Giao trường THCS ...", "và các đơn vị ...").
UNIT_HEADS = (
    "Ủy ban nhân dân", "Uỷ ban nhân dân", "Ủy ban", "Uỷ ban", "UBND", "HĐND", "UBMTTQ", "Sở", "Ban", "Văn phòng",
    "Hội đồng", "Hội", "Đài", "Báo", "Công an", "Bộ Chỉ huy", "Ban Chỉ huy", "Bộ đội", "Liên đoàn",
    "Tỉnh đoàn", "Huyện đoàn", "Thành đoàn", "Đoàn", "Công đoàn", "Trường", "Phòng", "Trung tâm",
    "Cục", "Chi cục", "Tổng cục", "Kho bạc", "Ngân hàng", "Bảo hiểm", "Thanh tra", "Viện", "Bệnh viện",
    "Bộ", "Mặt trận", "Tỉnh ủy", "Tỉnh uỷ", "Huyện ủy", "Huyện uỷ", "Thành ủy", "Thành uỷ", "Đảng ủy",
    "Đảng uỷ", "Cảnh sát", "Quỹ", "Tổ công tác", "Tổ giúp việc", "Nhà trường", "Hiệu trưởng", "Thủ trưởng", "Giám đốc", "Chủ tịch",
    "Các", "các", "trường", "phòng", "nhà trường",
)
# Heads that are also ordinary words ("Hội nghị", "Báo cáo", "Ban hành", "Bộ phận"): they start
# a unit name only when a capitalised word or an abbreviation follows ("Hội Nông dân", "Sở GD&ĐT").
_STRICT_HEADS = frozenset({"Sở", "Ban", "Hội", "Đài", "Báo", "Bộ", "Cục", "Quỹ", "Viện", "Đoàn"})
# Verb phrases that end a unit name (matched in lower case only).
VERBS = (
    "chủ động", "chủ trì", "phối hợp", "tham mưu", "theo dõi", "có trách nhiệm", "thực hiện", "tổ chức",
    "chỉ đạo", "xây dựng", "hướng dẫn", "triển khai", "báo cáo", "rà soát", "căn cứ", "khẩn trương",
    "nghiên cứu", "chuẩn bị", "phân công", "gửi", "nộp", "đôn đốc", "kiểm tra", "tiếp tục", "tăng cường",
    "đẩy mạnh", "quan tâm", "lưu ý", "cử", "bố trí", "đảm bảo", "bảo đảm", "tuyên truyền", "thông báo",
    "tổng hợp", "đề xuất", "phổ biến", "hoàn thành", "hoàn thiện", "cung cấp", "lập", "trình", "tập trung",
    "giám sát", "thẩm định", "cập nhật", "sơ kết", "tổng kết", "phát động", "vận động", "đăng ký",
    "nghiêm túc", "kịp thời", "cần", "phải", "được", "là", "thống nhất", "có", "làm", "liên hệ", "tiếp nhận",
    "quản lý", "hỗ trợ", "bám sát", "chịu trách nhiệm", "đề nghị", "yêu cầu", "giao", "tích cực",
    "sớm", "ban hành", "tiến hành", "thường xuyên", "chấp hành", "chú trọng", "nâng cao",
    "đã", "đang", "sẽ", "cũng", "vẫn", "luôn", "hãy", "đi", "dự", "tham gia", "tham dự",
)
_LEADS = re.compile(
    r"^(?:(?:\d+(?:\.\d+)*\.?|[a-zđ]\)|[IVX]+\.(?:\d+\.)*|[-+•*])\s*)*"  # labels and bullets
    r"(?:(?:Giao\s+cho|Giao|Đề\s+nghị|Yêu\s+cầu|Đối\s+với)\s+)?",
    re.IGNORECASE,
)
_HEAD = re.compile(
    r"(?:" + "|".join(re.escape(h) for h in sorted(UNIT_HEADS, key=len, reverse=True)) + r")(?!\w)"
)
_VERB = re.compile(
    r"(?<![\w&/-])(?:" + "|".join(re.escape(v) for v in sorted(VERBS, key=len, reverse=True)) + r")(?!\w)"
)
_ENDS_WITH_HEAD = re.compile(r"(?<!\w)(?:các|Các|những|mọi)\s*$")
_SEPARATOR = re.compile(r"\s*(?:,|;|\bvà\b|\bcùng\b|\bvới\b)\s*")
_MAX_NAME_WORDS = 25
_COLLECTIVE = re.compile(r"^[Cc]ác\s+(?:cấp|ngành|địa\s+phương|đoàn\s+thể|cơ\s+quan|đơn\s+vị)$")


def _strip_parentheticals(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"\s*\([^()]*\)", "", text)
    return text


def leading_assignees(item_text: str) -> list[str]:
    """The unit(s) an item starts with, as written, without parenthetical remarks; [] when the
    item starts with a verb (it addresses all recipients)."""
    text = nfc(item_text or "").replace("*", "")
    text = " ".join(_strip_parentheticals(text).split())
    text = text[_LEADS.match(text).end():]
    head = _HEAD.match(text)
    if not head or not _starts_name(text, head):
        return []
    # The name ends at the first lower-case verb after the head word, or at a sentence break.
    end = len(text)
    for verb in _VERB.finditer(text, head.end()):
        # "Nhà trường và các tổ chức hoàn thiện ...": "tổ chức" right after "các" is a noun
        if not _ENDS_WITH_HEAD.search(text, 0, verb.start()):
            end = verb.start()
            break
    stop = re.search(r"[.:;!?](?:\s|$)", text[:end])
    if stop:
        end = stop.start()
    name = text[:end].strip(" ,;:-–")
    if not name or len(name.split()) > _MAX_NAME_WORDS:
        return []
    return _split_units(name)


def _starts_name(text: str, head: re.Match[str]) -> bool:
    """A head word followed by a word (not by punctuation); strict heads need a capital next."""
    rest = text[head.end():]
    if not rest.startswith(" ") or not rest[1:2].isalnum():
        return not rest.strip()  # the whole item is the head word: "Các nhà trường" style headings
    if head.group(0) in _STRICT_HEADS:
        return rest[1].isupper()
    return True


def _split_units(name: str) -> list[str]:
    """"Sở Nội vụ, Sở Tài chính" -> two units; "Sở Kế hoạch và Đầu tư" stays one: a part is
    split off only when it starts with a unit head word."""
    units: list[str] = []
    start = 0
    for sep in _SEPARATOR.finditer(name):
        if sep.start() <= start:
            continue
        head = _HEAD.match(name, sep.end())
        if head and _is_head_here(head.group(0)) and _starts_name(name[sep.end():], _HEAD.match(name[sep.end():])):
            units.append(name[start:sep.start()])
            start = sep.end()
    units.append(name[start:])
    parts = [u.strip(" ,;") for u in units if u.strip(" ,;")]
    if len(parts) > 1 and all(_COLLECTIVE.match(p) for p in parts):
        return [name.strip(" ,;")]  # "Các cấp, các ngành": everyone, one addressee, not two units
    return parts


def _is_head_here(head: str) -> bool:
    # Capitalised heads always count; lower-case ones only for the listed lower-case words.
    return head[0].isupper() or head in ("các", "trường", "phòng", "nhà trường")


# -- directory matching -------------------------------------------------------------------
# Abbreviations common in unit names, expanded before fuzzy comparison (folded forms).
_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "tdkt": "thi dua khen thuong",
    "td kt": "thi dua khen thuong", "gd dt": "giao duc va dao tao", "gddt": "giao duc va dao tao",
    "kh dt": "ke hoach va dau tu", "khdt": "ke hoach va dau tu", "tn mt": "tai nguyen va moi truong",
    "tnmt": "tai nguyen va moi truong", "ld tb xh": "lao dong thuong binh va xa hoi",
    "ldtbxh": "lao dong thuong binh va xa hoi", "tt tt": "thong tin va truyen thong",
    "tttt": "thong tin va truyen thong", "vh tt dl": "van hoa the thao va du lich",
    "vhttdl": "van hoa the thao va du lich", "nn ptnt": "nong nghiep va phat trien nong thon",
    "nnptnt": "nong nghiep va phat trien nong thon", "mttq": "mat tran to quoc",
}
_ABBREVIATION = re.compile(r"\b(" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")\b")
_LOCALITY = ("tỉnh", "huyện", "thành phố", "thị xã", "quận")


def _key(text: str) -> str:
    """Folded, punctuation-free: "Sở KH&ĐT" -> "so kh dt"."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


def _without_locality(text: str) -> str:
    """Drop a trailing "tỉnh" / "huyện Hiệp Hòa" (a lower-case locality word followed only by
    capitalised place-name words): "Sở Nội vụ tỉnh Đắk Nông" -> "Sở Nội vụ"."""
    words = text.split()
    for i in range(1, len(words)):
        pair = " ".join(words[i:i + 2])
        size = 2 if pair in _LOCALITY else 1 if words[i] in _LOCALITY else 0
        if size and all(w[:1].isupper() for w in words[i + size:]):
            return " ".join(words[:i])
    return text


def _expand(key: str) -> set[str]:
    return {key, _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(1)], key)}


def _variants(text: str) -> tuple[set[str], set[str]]:
    """(keys as written, keys without a trailing locality), abbreviations expanded in both."""
    return _expand(_key(text)), _expand(_key(_without_locality(nfc(text) or "")))


def _score(query: tuple[set[str], set[str]], candidate: tuple[set[str], set[str]]) -> float:
    """Best fuzz.ratio over pairs of variants whose first word (the unit head) agrees, never
    both without their locality (that would make "UBND huyện A" equal "UBND huyện B"); so
    "Sở Giáo dục và Đào tạo" never matches "Phòng Giáo dục và Đào tạo"."""
    from rapidfuzz import fuzz  # imported on first fuzzy match only

    pairs = [(query[0], candidate[0]), (query[1], candidate[0]), (query[0], candidate[1])]
    best = 0.0
    for left, right in pairs:
        for a in left:
            for b in right:
                if a and b and a.split()[0] == b.split()[0] and _same_words(a.split(), b.split(), fuzz):
                    best = max(best, fuzz.ratio(a, b))
    return best


def _same_words(left: list[str], right: list[str], fuzz: Any) -> bool:
    """Every word on each side has a near twin on the other (a typo, not another word):
    "chánh"/"chính" pass, "Ngoại"/"Nội" do not."""
    def covered(words: list[str], others: list[str]) -> bool:
        return all(any(w == o or fuzz.ratio(w, o) >= 80 for o in others) for w in words)

    return covered(left, right) and covered(right, left)


def match_unit(name: str, units: list[tuple[int, str, list[str]]], *, threshold: int = 90) -> int | None:
    """The id of the directory unit `name` designates, or None when unsure.

    `units` holds (id, name, aliases). An exact folded match on a name or alias wins (None if it
    designates two different units); otherwise the best fuzzy score over names and aliases
    (abbreviations expanded, a trailing locality dropped, same head word), if at least
    `threshold` and more than 3 points ahead of the best other unit.
    """
    key = _key(name or "")
    if not key:
        return None
    exact = {uid for uid, uname, aliases in units for text in (uname, *aliases) if _key(text) == key}
    if len(exact) == 1:
        return exact.pop()
    if len(exact) > 1:
        return None
    query = _variants(name)
    best: dict[int, float] = {}
    for uid, uname, aliases in units:
        score = max(_score(query, _variants(text)) for text in (uname, *aliases))
        best[uid] = max(best.get(uid, 0.0), score)
    ranked = sorted(best.values(), reverse=True)
    if not ranked or ranked[0] < threshold:
        return None
    if len(ranked) > 1 and ranked[0] - ranked[1] < 3:
        return None
    return next(uid for uid, score in best.items() if score == ranked[0])
