"""The site writer: a reader sees the old site or the new one, never a broken mix."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.site.writer import LinkedFile, SiteWriteError, builds_dir, write_site


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_write_replaces_the_site_in_one_step(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, {"index.html": b"one", "en/index.html": b"en one"})
    assert site.is_symlink()
    assert snapshot(site) == {"index.html": b"one", "en/index.html": b"en one"}
    write_site(site, {"index.html": b"two"})
    assert snapshot(site) == {"index.html": b"two"}


def test_failed_build_leaves_the_previous_site_byte_for_byte(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, {"index.html": b"good", "a/b.html": b"kept"})
    before = snapshot(site)

    class Exploding(dict[str, bytes]):
        def items(self):  # type: ignore[override]
            yield "index.html", b"half"
            raise RuntimeError("template error mid-build")

    with pytest.raises(RuntimeError):
        write_site(site, Exploding())
    assert snapshot(site) == before
    assert not [p for p in builds_dir(site).iterdir() if p.name.startswith(".staging")]


def test_paths_outside_the_site_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SiteWriteError):
        write_site(tmp_path / "site", {"../escape.html": b"x"})
    assert not (tmp_path / "escape.html").exists()


def test_linked_files_are_placed_and_old_builds_pruned(tmp_path: Path) -> None:
    media = tmp_path / "clip.mp3"
    media.write_bytes(b"ID3")
    site = tmp_path / "site"
    for number in range(5):
        write_site(site, {"index.html": str(number).encode(), "a.mp3": LinkedFile(media)})
    assert (site / "a.mp3").read_bytes() == b"ID3"
    assert len([p for p in builds_dir(site).iterdir() if p.is_dir()]) <= 3


def test_a_plain_folder_is_taken_over_without_losing_it(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_bytes(b"old")
    write_site(site, {"index.html": b"new"})
    assert snapshot(site) == {"index.html": b"new"}
    kept = [p for p in builds_dir(site).iterdir() if p.name.startswith("previous-")]
    assert (kept[0] / "old.html").read_bytes() == b"old"
