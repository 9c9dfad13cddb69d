"""Split one line of text into sentences, for Japanese and for space-separated languages.

Kakehashi splits sentences itself: argostranslate's default splitter downloads a model at the
first translation, which fails offline. The rules are deliberately simple and predictable:

* after 。！？｡ (and ASCII ! ? directly followed by non-ASCII text), together with any closing
  brackets or quotes that follow (``…です。」`` stays one sentence), unless a bracket opened
  before the terminator is still open (``（注意。詳しくは…）`` is not split);
* after ``. ! ?`` followed by whitespace, except after common abbreviations (``e.g.``, ``No.``,
  ``p.m.``, single initials).

Protected spans have already been replaced by single private-use characters, so the dots of
URLs and e-mail addresses are never seen here.
"""

from __future__ import annotations

_CJK_TERMINATORS = frozenset("。！？｡")
_ASCII_TERMINATORS = frozenset(".!?")
_OPENERS = "「『（(【〔［[｛{〈《“‘"
_CLOSERS = "」』）)】〕］]｝}〉》”’\"'"
_ABBREVIATIONS = frozenset(
    {"e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "no", "vs", "approx", "tel", "fax"}
)


def _depth_change(char: str) -> int:
    if char in _OPENERS:
        return 1
    if char in _CLOSERS and char not in "\"'":
        return -1
    return 0


def _is_abbreviation(text: str, dot: int) -> bool:
    word = text[:dot].rsplit(maxsplit=1)[-1] if text[:dot].strip() else ""
    word = word.lstrip(_OPENERS).lower()
    return word in _ABBREVIATIONS or "." in word or (len(word) == 1 and word.isalpha())


def _boundary(text: str, index: int, depth: int) -> int | None:
    """If a sentence ends at the terminator ``text[index]``, where the next one starts."""
    char = text[index]
    end = index + 1
    while end < len(text) and (text[end] in _CJK_TERMINATORS or text[end] in _ASCII_TERMINATORS):
        end += 1
    closed = False
    while end < len(text) and text[end] in _CLOSERS:
        depth = max(0, depth + _depth_change(text[end]))
        closed = True
        end += 1
    if depth > 0:
        return None
    following = text[end : end + 1]
    if char in _CJK_TERMINATORS or (char in "!?" and following and not following.isascii()):
        if closed and following in ("と", "っ"):
            return None  # 「はい。」と言った: a quotation inside a sentence
        return end
    if following and not following.isspace():
        return None
    if char == "." and _is_abbreviation(text, index):
        return None
    return end


def _split(line: str, *, brackets: bool) -> tuple[list[str], int]:
    sentences: list[str] = []
    start = 0
    depth = 0
    index = 0
    while index < len(line):
        char = line[index]
        if char in _CJK_TERMINATORS or char in _ASCII_TERMINATORS:
            end = _boundary(line, index, depth)
            if end is not None:
                sentences.append(line[start:end])
                start = index = end
                depth = 0
                continue
        if brackets:
            depth = max(0, depth + _depth_change(char))
        index += 1
    sentences.append(line[start:])
    return sentences, depth


def split_sentences(line: str) -> list[str]:
    """The sentences of one line, stripped, without empty ones."""
    sentences, open_brackets = _split(line, brackets=True)
    if open_brackets:  # an unclosed bracket must not glue the rest of the line together
        sentences, _ = _split(line, brackets=False)
    stripped = [sentence.strip() for sentence in sentences]
    return [sentence for sentence in stripped if sentence]
