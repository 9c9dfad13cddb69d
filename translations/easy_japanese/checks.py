"""The checks: each rule of :mod:`translations.easy_japanese.rules` over one sentence.

A rule reports what in the sentence breaks it (``match``: the words, as written), so that staff
see where to change it. The checks read Sudachi's parts of speech; they find what the guideline
names and leave judgement (is this loanword well known? is this passive avoidable?) to staff.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from translations.easy_japanese.morphology import Morpheme, morphemes
from translations.easy_japanese.rules import MAX_KANJI_PER_SENTENCE, MAX_SENTENCE_CHARS, Rule
from translations.furigana import is_kanji


@dataclass(frozen=True)
class Finding:
    """One rule broken by one sentence (``sentence``: its index in reading order)."""

    sentence: int
    text: str
    rule: Rule
    match: str
    """The words that break the rule, as written in the sentence."""


_WIDE_DIGITS = str.maketrans("０１２３４５６７８９：", "0123456789:")


def _content(words: Sequence[Morpheme]) -> list[tuple[int, Morpheme]]:
    """The words with their positions, spaces left out."""
    return [(index, word) for index, word in enumerate(words) if not word.is_space]


def _names(word: Morpheme) -> set[str]:
    return {word.lemma, word.normalized}


# --- sentence length and kanji ---------------------------------------------------------------


_ADDRESS = re.compile(r"(?:https?://|mailto:|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def visible_length(text: str) -> int:
    """Characters without spaces; a web or e-mail address counts as one (it is copied, not
    read)."""
    return len("".join(_ADDRESS.sub("#", text).split()))


def _length(text: str, _words: Sequence[Morpheme]) -> Iterator[str]:
    length = visible_length(text)
    if length > MAX_SENTENCE_CHARS:
        yield f"{length}"


def _kanji(text: str, _words: Sequence[Morpheme]) -> Iterator[str]:
    kanji = [char for char in text if is_kanji(char)]
    if len(kanji) > MAX_KANJI_PER_SENTENCE:
        yield f"{len(kanji)}"


# --- one predicate ---------------------------------------------------------------------------

# After a て-form (or ば, と), these make one predicate with the verb before them:
# 出して ください, 持って くる, 読んで おく, しなければ なりません, しても いいです.
_SAME_PREDICATE = frozenset(
    {
        "下さる",
        "くださる",
        "居る",
        "いる",
        "おく",
        "置く",
        "来る",
        "くる",
        "仕舞う",
        "しまう",
        "見る",
        "みる",
        "行く",
        "いく",
        "貰う",
        "もらう",
        "頂く",
        "いただく",
        "有る",
        "ある",
        "おる",
        "上げる",
        "あげる",
        "呉れる",
        "くれる",
        "成る",
        "なる",
        "良い",
        "いい",
        "よい",
        "構う",
        "かまう",
        "行ける",
        "いける",
        "駄目",
        "だめ",
    }
)
_LINKING_TAIL = ("連用形", "仮定形")
# Verbs that, between a case particle and て, make a compound particle, not a clause:
# によって, について, に対して, に関して, として, にとって, に加えて, に伴って, をもって.
_PARTICLE_VERBS = frozenset(
    {
        "よる",
        "因る",
        "付く",
        "つく",
        "対する",
        "関する",
        "為る",
        "する",
        "取る",
        "とる",
        "加える",
        "伴う",
        "もつ",
        "持つ",
        "通じる",
        "沿う",
        "従う",
        "向ける",
        "わたる",
        "渡る",
    }
)


def _particle_verb(content: list[tuple[int, Morpheme]], at: int) -> bool:
    """``content[at]`` is the verb of a compound particle (によって, に伴い, として...)."""
    if at < 1:
        return False
    verb, particle = content[at][1], content[at - 1][1]
    return (
        verb.category == "動詞"
        and bool(_names(verb) & _PARTICLE_VERBS)
        and particle.is_("助詞", "格助詞")
        and particle.surface in ("に", "と", "を")
    )


def _compound_particle(content: list[tuple[int, Morpheme]], at: int) -> bool:
    """``content[at]`` is the て of a compound particle such as によって or として."""
    return content[at][1].surface in ("て", "で") and _particle_verb(content, at - 1)


def _next_content(
    content: list[tuple[int, Morpheme]], at: int, skip: frozenset[str] = frozenset()
) -> Morpheme | None:
    for _, word in content[at + 1 :]:
        if word.surface not in skip:
            return word
    return None


def _predicates(_text: str, words: Sequence[Morpheme]) -> Iterator[str]:
    """Clause links: a conjunctive particle (ので, が, て, ば...), a predicate in its 連用形 or
    仮定形 before 、 (燃やさず、), or たら/なら. One link means two predicates."""
    content = _content(words)
    links: list[str] = []
    for at, (_, word) in enumerate(content):
        following = _next_content(content, at)
        if word.is_("助詞", "接続助詞"):
            then = _next_content(content, at, skip=frozenset({"も", "は"}))
            if then is not None and _names(then) & _SAME_PREDICATE and then.category != "助詞":
                continue
            if then is None or then.is_("補助記号", "句点"):
                continue  # a sentence ending in が or けど still has one predicate
            if _compound_particle(content, at):
                continue
            links.append(word.surface)
        elif word.category in ("動詞", "形容詞", "助動詞") and word.conjugation.startswith(
            _LINKING_TAIL
        ):
            if _particle_verb(content, at):
                continue  # 大雨警報に伴い、: the 連用形 of a compound particle
            if following is not None and following.is_("補助記号", "読点"):
                links.append(word.surface + following.surface)
            elif (
                word.category == "助動詞"
                and word.conjugation.startswith("仮定形")
                and word.lemma in ("た", "だ")
                and not (following is not None and following.is_("助詞", "接続助詞"))
                and following is not None
                and not following.is_("補助記号", "句点")
            ):
                links.append(word.surface)
    if links:
        yield " / ".join(links)


# --- negation --------------------------------------------------------------------------------


def _is_negation(word: Morpheme) -> bool:
    if word.category == "助動詞":
        return word.conjugation_type in ("助動詞-ナイ", "助動詞-ヌ")
    return word.category == "形容詞" and word.lemma == "ない"


# What may stand between two negations that make one double negative:
# しなければ なりません, ないと いけません, ないわけでは ありません,
# ないとは いえない, ざるを 得ない.
_BETWEEN_NEGATIONS = frozenset(
    {
        "ば",
        "と",
        "て",
        "で",
        "は",
        "も",
        "を",
        "が",
        "わけ",
        "訳",
        "こと",
        "事",
        "はず",
        "成る",
        "なる",
        "行ける",
        "いける",
        "行く",
        "有る",
        "ある",
        "限る",
        "得る",
        "える",
        "言える",
        "いえる",
        "出来る",
        "できる",
        "済む",
        "ます",
        "です",
        "では",
        "じゃ",
    }
)


def _double_negatives(_text: str, words: Sequence[Morpheme]) -> Iterator[str]:
    content = _content(words)
    negations = [at for at, (_, word) in enumerate(content) if _is_negation(word)]
    for first, second in itertools.pairwise(negations):
        between = [word for _, word in content[first + 1 : second]]
        if all(
            _names(word) & _BETWEEN_NEGATIONS or word.surface in _BETWEEN_NEGATIONS
            for word in between
        ):
            start, end = content[first][0], content[second][0]
            yield "".join(word.surface for word in words[start : end + 1])


# --- honorific and humble forms --------------------------------------------------------------

_HONORIFIC_WORDS = frozenset(
    {
        "どなた",
        "いらっしゃる",
        "おっしゃる",
        "仰る",
        "なさる",
        "為さる",
        "召し上がる",
        "御覧",
        "ご覧",
        "御座る",
        "ござる",
        "お越し",
    }
)
_HUMBLE_WORDS = frozenset(
    {
        "致す",
        "いたす",
        "申す",
        "申し上げる",
        "参る",
        "伺う",
        "拝見",
        "拝読",
        "拝借",
        "存じる",
        "存ずる",
        "おる",
        "頂く",
        "いただく",
        "頂ける",
        "いただける",
        "差し上げる",
        "承る",
    }
)
_PREFIX = "御"
_PREFIXES = ("お", "ご", "御")
_HONORIFIC_AFTER_PREFIX = frozenset({"住まい", "越し", "見え"})


def _after_prefix(content: list[tuple[int, Morpheme]], at: int) -> bool:
    return at > 0 and content[at - 1][1].is_("接頭辞") and content[at - 1][1].normalized == _PREFIX


def polite_forms(words: Sequence[Morpheme]) -> Iterator[tuple[Rule, str]]:
    """Each honorific or humble form of a sentence, with which of the two it is."""
    content = _content(words)
    for at, (_, word) in enumerate(content):
        names = _names(word)
        after_te = at > 0 and content[at - 1][1].is_("助詞", "接続助詞")
        if names & _HONORIFIC_WORDS:
            yield Rule.HONORIFIC, word.surface
        elif names & _HUMBLE_WORDS:
            yield Rule.HUMBLE, word.surface
        elif (
            names & {"下さる", "くださる"}
            and not after_te
            and at > 0
            and (_after_prefix(content, at - 1) or content[at - 1][1].surface.startswith(_PREFIXES))
        ):
            # ご注意ください, お越しください, ご利用ください: お/ご + word + ください
            start = at - 2 if _after_prefix(content, at - 1) else at - 1
            yield Rule.HONORIFIC, "".join(w.surface for _, w in content[start : at + 1])
        elif _after_prefix(content, at) and word.normalized in _HONORIFIC_AFTER_PREFIX:
            yield Rule.HONORIFIC, content[at - 1][1].surface + word.surface  # お住まい
        elif _after_prefix(content, at) and (word.is_("動詞") or word.pos[2] == "サ変可能"):
            if word.lemma == "願う":
                continue  # お願いします is the plain request easy Japanese keeps
            rest = [w for _, w in content[at + 1 : at + 3]]
            phrase = content[at - 1][1].surface + word.surface
            if len(rest) == 2 and rest[0].surface == "に" and _names(rest[1]) & {"成る", "なる"}:
                yield Rule.HONORIFIC, phrase + "に" + rest[1].surface  # お待ちになる
            elif rest and _names(rest[0]) & {"為る", "する"}:
                yield Rule.HUMBLE, phrase + rest[0].surface  # ご案内する, お知らせする


def _honorific(_text: str, words: Sequence[Morpheme]) -> Iterator[str]:
    return (match for rule, match in polite_forms(words) if rule is Rule.HONORIFIC)


def _humble(_text: str, words: Sequence[Morpheme]) -> Iterator[str]:
    return (match for rule, match in polite_forms(words) if rule is Rule.HUMBLE)


# --- passive and causative -------------------------------------------------------------------


def _verb_with(words: Sequence[Morpheme], lemmas: frozenset[str]) -> Iterator[str]:
    for index, word in enumerate(words):
        if word.category == "助動詞" and word.lemma in lemmas:
            start = index
            while start > 0 and words[start - 1].category in ("動詞", "助動詞"):
                start -= 1
            if start > 0 and words[start - 1].pos[2] == "サ変可能":
                start -= 1
            yield "".join(w.surface for w in words[start : index + 1])


def _passive(_text: str, words: Sequence[Morpheme]) -> Iterator[str]:
    return _verb_with(words, frozenset({"れる", "られる"}))


def _causative(_text: str, words: Sequence[Morpheme]) -> Iterator[str]:
    return _verb_with(words, frozenset({"せる", "させる"}))


# --- katakana loanwords ----------------------------------------------------------------------

_KATAKANA_WORD = re.compile(r"[ァ-ヺ][ァ-ヺー・]+")
_EVERYDAY_LOANWORDS = frozenset(
    {
        "バス",
        "テレビ",
        "トイレ",
        "ペットボトル",
        "メール",
        "インターネット",
        "マスク",
        "ペット",
        "カード",
    }
)
"""Loanwords every resident knows and that have no plainer Japanese word."""


def _katakana_words(words: Sequence[Morpheme]) -> Iterator[tuple[str, bool]]:
    """Each katakana loanword with whether it is explained here: followed by brackets
    (シェルター（避難所）), or itself in brackets after a Japanese word
    (お祭り（フェスティバル）)."""
    content = _content(words)
    depth = 0
    for at, (_, word) in enumerate(content):
        if word.is_("補助記号", "括弧開"):
            depth += 1
        elif word.is_("補助記号", "括弧閉"):
            depth = max(0, depth - 1)
        if not word.is_("名詞") or word.pos[1] == "固有名詞":
            continue
        if not _KATAKANA_WORD.fullmatch(word.surface) or word.surface in _EVERYDAY_LOANWORDS:
            continue
        following = _next_content(content, at)
        explained = following is not None and following.is_("補助記号", "括弧開")
        yield word.surface, explained or depth > 0


def _loanwords(_text: str, words: Sequence[Morpheme]) -> Iterator[str]:
    return (word for word, explained in _katakana_words(words) if not explained)


# --- times and years -------------------------------------------------------------------------

_CLOCK = re.compile(r"(?<![0-9])(?P<hour>[0-9]{1,2})(?::(?P<minute>[0-9]{2})(?![0-9])|\s*時(?!間))")
_PERIOD = re.compile(r"(午前|午後)\s*$")
_ERA_YEAR = re.compile(r"(令和|平成|昭和|大正|明治)\s*(元|[0-9０-９]{1,2})\s*年")
_WESTERN_YEAR = re.compile(r"(?<![0-9])(19|20)[0-9]{2}(?![0-9])")


def _times(text: str, _words: Sequence[Morpheme]) -> Iterator[str]:
    plain = text.translate(_WIDE_DIGITS)
    for found in _CLOCK.finditer(plain):
        hour = int(found["hour"])
        with_period = _PERIOD.search(plain[: found.start()]) is not None
        if hour > 12 or hour == 0 or (found["minute"] is not None and not with_period):
            yield text[found.start() : found.end()]


def era_only_years(text: str) -> Iterator[re.Match[str]]:
    """Each year written in the Japanese era (groups: era, year) when the sentence has no
    Western year beside it."""
    if _WESTERN_YEAR.search(text.translate(_WIDE_DIGITS)):
        return
    yield from _ERA_YEAR.finditer(text)


def _era_years(text: str, _words: Sequence[Morpheme]) -> Iterator[str]:
    return (found.group() for found in era_only_years(text))


CHECKS: dict[Rule, Callable[[str, Sequence[Morpheme]], Iterator[str]]] = {
    Rule.SENTENCE_LENGTH: _length,
    Rule.ONE_PREDICATE: _predicates,
    Rule.DOUBLE_NEGATIVE: _double_negatives,
    Rule.HONORIFIC: _honorific,
    Rule.HUMBLE: _humble,
    Rule.PASSIVE: _passive,
    Rule.CAUSATIVE: _causative,
    Rule.KATAKANA_LOANWORD: _loanwords,
    Rule.TWENTY_FOUR_HOUR_TIME: _times,
    Rule.ERA_ONLY_YEAR: _era_years,
    Rule.KANJI_COUNT: _kanji,
}


def check_sentences(sentences: Sequence[str]) -> tuple[Finding, ...]:
    """Every finding of every rule, sentence by sentence, in reading order."""
    analysed = [(sentence, morphemes(sentence)) for sentence in sentences]
    # A loanword explained once is explained for the rest of the text, as a reader meets it.
    explained = {word for _, words in analysed for word, here in _katakana_words(words) if here}
    findings: list[Finding] = []
    for index, (sentence, words) in enumerate(analysed):
        for rule, check in CHECKS.items():
            findings.extend(
                Finding(index, sentence, rule, match)
                for match in check(sentence, words)
                if not (rule is Rule.KATAKANA_LOANWORD and match in explained)
            )
    return tuple(findings)


def sentences_of_markdown(title: str | None, body: str) -> list[str]:
    """The sentences of a bulletin as readers see them: the title first, then the body.

    Uses the segmenter the pages use, so sentence numbers are those of the page.
    """
    from translations.restore import plain_text, restore
    from translations.segmenter import segment_markdown, segment_title

    segments = [segment_title(title)] if title else []
    segments += [segment for block in segment_markdown(body) for segment in block.segments]
    texts = (plain_text(restore(s.text, s.tokens, None).pieces) for s in segments)
    return [text.strip() for text in texts if text.strip()]
