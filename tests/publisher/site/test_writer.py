"""The site writer: a reader sees the old site or the new one, never a broken mix."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from publisher.site.writer import (
    LinkedFile,
    SiteFile,
    SiteWriteError,
    builds_dir,
    current_build,
    empty_retired,
    retire_builds,
    unfinished_updates,
    update_in_place,
    write_full,
    write_site,
)
from tests.publisher.site.conftest import inodes, snapshot


def test_write_replaces_the_site_in_one_step(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, {"index.html": b"one", "en/index.html": b"en one"})
    assert site.is_symlink()
    assert snapshot(site) == {"en/index.html": b"en one", "index.html": b"one"}
    write_site(site, {"index.html": b"two"})
    assert snapshot(site) == {"index.html": b"two"}


def test_failed_build_leaves_the_previous_site_byte_for_byte(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, {"index.html": b"good", "a/b.html": b"kept"})
    before = snapshot(site)

    def exploding() -> Iterator[tuple[str, SiteFile]]:
        yield "index.html", b"half"
        raise RuntimeError("template error mid-build")

    with pytest.raises(RuntimeError):
        write_full(site, exploding())
    assert snapshot(site) == before
    assert not [p for p in builds_dir(site).iterdir() if p.name.startswith(".staging")]


def test_a_failing_final_step_also_leaves_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, {"index.html": b"good"})
    before = snapshot(site)

    def search_index(_folder: Path) -> Iterable[tuple[str, SiteFile]]:
        raise RuntimeError("pagefind failed")

    with pytest.raises(RuntimeError, match="pagefind"):
        write_full(site, [("index.html", b"new")], before_switch=search_index)
    assert snapshot(site) == before


def test_paths_outside_the_site_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SiteWriteError):
        write_site(tmp_path / "site", {"../escape.html": b"x"})
    assert not (tmp_path / "escape.html").exists()


def test_one_path_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SiteWriteError, match="two files"):
        write_full(tmp_path / "site", [("a.html", b"1"), ("a.html", b"2")])
    assert not (tmp_path / "site").exists()


def test_linked_files_are_placed_and_old_builds_pruned(tmp_path: Path) -> None:
    media = tmp_path / "clip.mp3"
    media.write_bytes(b"ID3")
    site = tmp_path / "site"
    for number in range(5):
        write_site(site, {"index.html": str(number).encode(), "a.mp3": LinkedFile(media)})
    assert (site / "a.mp3").read_bytes() == b"ID3"
    assert (site / "a.mp3").stat().st_ino == media.stat().st_ino  # a hard link, not a copy
    assert len([p for p in builds_dir(site).iterdir() if p.is_dir()]) <= 3


def test_old_builds_and_killed_builds_leftovers_are_retired_then_deleted(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    for number in range(5):
        write_full(site, [("index.html", str(number).encode())])
    builds = builds_dir(site)
    staging = builds / ".staging-build-killed"  # a full build killed part-way
    (staging / "en").mkdir(parents=True)
    (staging / "en" / "index.html").write_bytes(b"half")
    (builds / ".scratch-killed").mkdir()
    journal = builds / ".journal-killed"  # a killed update: kept, the next build is full
    journal.mkdir()
    made = sorted(path.name for path in builds.glob("build-*"))  # names start with the time
    live = current_build(site)
    assert live is not None and live.name == made[-1]

    assert retire_builds(site) == 4  # the two oldest builds and both leftovers
    assert snapshot(site) == {"index.html": b"4"}
    assert sorted(path.name for path in builds.glob("build-*")) == made[-3:]
    assert journal.is_dir()
    assert not staging.exists() and not (builds / ".scratch-killed").exists()

    empty_retired(site)
    assert sorted(path.name for path in builds.iterdir()) == sorted(
        [*(path.name for path in builds.glob("build-*")), journal.name]
    )
    assert snapshot(site) == {"index.html": b"4"}
    assert retire_builds(site) == 0


def test_a_plain_folder_is_taken_over_without_losing_it(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_bytes(b"old")
    write_site(site, {"index.html": b"new"})
    assert snapshot(site) == {"index.html": b"new"}
    kept = [p for p in builds_dir(site).iterdir() if p.name.startswith("previous-")]
    assert (kept[0] / "old.html").read_bytes() == b"old"


# -- updating the live build in place ------------------------------------------------------


@pytest.fixture
def live(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    write_site(
        site,
        {
            "index.html": b"index v1",
            "en/index.html": b"en v1",
            "en/bulletins/1/index.html": b"one v1",
            "en/bulletins/2/index.html": b"two v1",
        },
    )
    return site


def test_update_changes_only_the_given_files(live: Path) -> None:
    before = inodes(live)
    update_in_place(
        live,
        [("en/bulletins/3/index.html", b"three"), ("en/index.html", b"en v2")],
        ["en/bulletins/2/index.html"],
    )
    after = inodes(live)
    assert snapshot(live) == {
        "en/bulletins/1/index.html": b"one v1",
        "en/bulletins/3/index.html": b"three",
        "en/index.html": b"en v2",
        "index.html": b"index v1",
    }
    assert after["index.html"] == before["index.html"]
    assert after["en/bulletins/1/index.html"] == before["en/bulletins/1/index.html"]
    assert after["en/index.html"] != before["en/index.html"]
    assert not (live / "en/bulletins/2").exists()  # an emptied folder goes too
    assert unfinished_updates(live) == []


def test_a_linked_file_placed_again_unchanged_is_left_alone(live: Path, tmp_path: Path) -> None:
    """Renaming a hard link over another link to the same file does nothing (POSIX): the
    update must not leave a temporary behind, nor fail on the next update."""
    media = tmp_path / "media.jpg"
    media.write_bytes(b"an image")
    for version in (b"v2", b"v3", b"v4"):
        update_in_place(
            live,
            [
                ("en/bulletins/1/images/a.jpg", LinkedFile(media)),
                ("en/bulletins/1/index.html", b"one " + version),
            ],
            [],
        )
    folder = live / "en/bulletins/1"
    assert sorted(path.name for path in folder.rglob("*")) == ["a.jpg", "images", "index.html"]
    assert (folder / "images/a.jpg").samefile(media)
    assert (folder / "index.html").read_bytes() == b"one v4"


def test_an_update_that_fails_puts_every_file_back(live: Path) -> None:
    before = snapshot(live)

    def changes() -> Iterator[tuple[str, SiteFile]]:
        yield "en/bulletins/3/index.html", b"three"
        yield "en/index.html", b"en v2"
        raise RuntimeError("exception injected mid-build")

    with pytest.raises(RuntimeError, match="injected"):
        update_in_place(live, changes(), ["en/bulletins/2/index.html"])
    assert snapshot(live) == before
    assert not (live / "en/bulletins/3").exists()
    assert unfinished_updates(live) == []


def test_a_failure_after_removals_began_restores_them(live: Path) -> None:
    before = snapshot(live)

    class Removals:
        def __iter__(self) -> Iterator[str]:
            yield "en/bulletins/2/index.html"
            yield "../outside.html"  # refused: the whole update is undone

    with pytest.raises(SiteWriteError):
        update_in_place(live, [("index.html", b"index v2")], Removals())
    assert snapshot(live) == before


def test_the_search_hook_runs_after_changes_and_before_removals(live: Path) -> None:
    seen: dict[str, bool] = {}

    def hook(folder: Path) -> list[tuple[str, SiteFile]]:
        seen["new page present"] = (folder / "en/bulletins/3/index.html").exists()
        seen["removed page still there"] = (folder / "en/bulletins/2/index.html").exists()
        return [("pagefind/pagefind-entry.json", b"{}")]

    update_in_place(
        live,
        [("en/bulletins/3/index.html", b"three")],
        ["en/bulletins/2/index.html"],
        before_removals=hook,
    )
    assert seen == {"new page present": True, "removed page still there": True}
    assert (live / "pagefind/pagefind-entry.json").read_bytes() == b"{}"


def test_an_interrupted_update_is_refused_until_a_full_build(live: Path) -> None:
    build = current_build(live)
    assert build is not None
    (builds_dir(live) / f".journal-{build.name}").mkdir()  # as a killed update leaves it
    assert unfinished_updates(live)
    with pytest.raises(FileExistsError):
        update_in_place(live, [("index.html", b"x")], [])
    write_site(live, {"index.html": b"fresh"})
    assert unfinished_updates(live) == []


def test_updating_a_site_kakehashi_did_not_build_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "site"
    plain.mkdir()
    with pytest.raises(SiteWriteError):
        update_in_place(plain, [("index.html", b"x")], [])


def _bundle(folder: Path, text: bytes) -> Path:
    (folder / "fragment").mkdir(parents=True)
    (folder / "fragment" / "en_1.pf_fragment").write_bytes(text)
    (folder / "pagefind.js").write_bytes(b"js")
    return folder


def test_folders_move_in_and_out_whole(live: Path, tmp_path: Path) -> None:
    scratch = builds_dir(live)
    first = _bundle(scratch / "first", b"one")
    update_in_place(
        live, [("pagefind/bundles.json", b"1")], [], folders_in=[("pagefind/a/", first)]
    )
    assert (live / "pagefind/a/fragment/en_1.pf_fragment").read_bytes() == b"one"
    assert not first.exists()
    second = _bundle(scratch / "second", b"two")
    update_in_place(
        live,
        [("pagefind/bundles.json", b"2")],
        [],
        folders_in=[("pagefind/b/", second)],
        folders_out=["pagefind/a/"],
    )
    assert not (live / "pagefind/a").exists()
    assert (live / "pagefind/b/pagefind.js").is_file()
    assert [p.name for p in scratch.iterdir() if p.name.startswith(".retired-")]  # deleted later
    empty_retired(live)
    assert not [p for p in scratch.iterdir() if p.name.startswith(".retired-")]


def test_a_failed_update_moves_folders_back(live: Path) -> None:
    scratch = builds_dir(live)
    update_in_place(live, [], [], folders_in=[("pagefind/a/", _bundle(scratch / "a", b"one"))])
    before = snapshot(live)
    second = _bundle(scratch / "b", b"two")

    def changes() -> Iterator[tuple[str, SiteFile]]:
        yield "pagefind/bundles.json", b"2"
        raise RuntimeError("exception injected mid-build")

    with pytest.raises(RuntimeError, match="injected"):
        update_in_place(
            live, changes(), [], folders_in=[("pagefind/b/", second)], folders_out=["pagefind/a/"]
        )
    assert snapshot(live) == before
    assert (second / "pagefind.js").is_file()  # back where it was
