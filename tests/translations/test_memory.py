from __future__ import annotations

from tests.support.memory import InMemoryTranslationMemory
from translations.memory import MemoryEntry, choose, source_hash
from translations.segmenter import segment_title
from translations.statuses import SegmentOrigin


def entry(origin: str, key: str = "k", version: str = "v1", text: str = "t") -> MemoryEntry:
    return MemoryEntry(text, SegmentOrigin(origin), "fake", version, key)


def test_source_hash_depends_on_text_and_tokens() -> None:
    one = segment_title("電話 053-000-1111")
    two = segment_title("電話 053-000-2222")
    assert one.text == two.text
    assert source_hash(one) != source_hash(two)
    assert source_hash(one) == source_hash(segment_title("電話 053-000-1111"))


def test_human_always_wins() -> None:
    human = entry("human", key="old", version="v0", text="corrected")
    assert choose([entry("machine"), human], "k", "v1") is human


def test_machine_reused_only_for_same_input_and_model() -> None:
    machine = entry("machine")
    assert choose([machine], "k", "v1") is machine
    assert choose([machine], "other-glossary", "v1") is None
    assert choose([machine], "k", "v2") is None


def test_in_memory_keeps_the_newest_first() -> None:
    memory = InMemoryTranslationMemory()
    memory.add("en", "h", entry("machine", text="old"))
    memory.add("en", "h", entry("machine", text="new"))
    assert [e.text for e in memory.find("en", ["h", "missing"])["h"]] == ["new", "old"]
    assert memory.find("pt", ["h"]) == {}
