"""A published revision is segmented once and stored; nothing segments it again.

If an upgrade changes how Markdown is split into sentences, published pages stay byte for byte
the same and a correction still lands on the sentence it was meant for.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, col, delete, select

from publisher.documents import IncompleteTranslationError, SegmentText, localize, snapshot
from publisher.site.build import build_site
from publisher.sources import decode, encode
from publisher.tables import SegmentTranslation, SourceSnapshot
from tests.publisher.test_memory_support import App, app, fake_engine
from translations import segmenter

__all__ = ["app", "fake_engine"]

TWO_SENTENCES = "大雨のため避難指示を出しました。川には近づかないでください。"


def pages(app: App, bulletin: int) -> dict[str, bytes]:
    site = app.services.settings.resolved_site_dir
    return {
        language: (site / language / "bulletins" / str(bulletin) / "index.html").read_bytes()
        for language in ("ja", "en", "pt")
    }


def test_the_stored_snapshot_reads_back_as_the_segmented_revision() -> None:
    source = snapshot(
        7,
        2,
        "disaster",
        "避難所の開設",
        f"## 場所\n\n{TWO_SENTENCES}\n\n- 電話 053-000-0110",
        "危機管理課",
    )
    assert decode(7, 2, encode(source)) == source


def test_published_pages_do_not_move_when_the_segmenter_changes(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    bulletin = app.create(body=TWO_SENTENCES)
    app.publish(bulletin)
    before = pages(app, bulletin)
    view = app.translation(bulletin, "en")
    river = next(s for s in view["segments"] if s["source"] == "川には近づかないでください。")

    # An upgrade that no longer splits sentences would give the paragraph another id.
    monkeypatch.setattr(segmenter, "split_sentences", lambda line: [line])
    assert len(segmenter.segment_markdown(TWO_SENTENCES)[0].segments) == 1

    build_site(app.services, full=True)
    assert pages(app, bulletin) == before

    response = app.client.put(
        f"/api/v1/bulletins/{bulletin}/translations/en/segments/{river['segment_id']}",
        json={"text": "Keep well away from rivers."},
        headers=app.keys["approver"],
    )
    assert response.status_code == 202, response.text
    app.job(response.json()["status_url"])
    after = pages(app, bulletin)
    assert after["ja"] == before["ja"]
    page = after["en"].decode()
    assert f'id="s-{river["segment_id"]}">Keep well away from rivers.<' in page
    assert "Because of heavy rain, we issued an evacuation order." in page


def test_a_translation_missing_a_sentence_makes_no_page() -> None:
    source = snapshot(1, 1, "disaster", "避難所の開設", TWO_SENTENCES, None)
    texts = {segment.id: SegmentText(f"[en] {segment.text}") for segment in source.segments()}
    del texts[source.blocks[0].segments[1].id]
    with pytest.raises(IncompleteTranslationError, match="1 of 3 sentences"):
        localize(source, "en", texts)


def test_the_site_leaves_out_a_language_whose_stored_translation_is_incomplete(
    app: App,
) -> None:
    bulletin = app.create(body=TWO_SENTENCES)
    app.publish(bulletin)
    with Session(app.services.db) as session:
        frozen = session.exec(
            select(SourceSnapshot).where(SourceSnapshot.bulletin_id == bulletin)
        ).one()
        second = decode(bulletin, 1, frozen.document).blocks[0].segments[1].id
        session.exec(
            delete(SegmentTranslation).where(  # type: ignore[call-overload]
                col(SegmentTranslation.language) == "en",
                col(SegmentTranslation.segment_id) == second,
            )
        )
        session.commit()
    build_site(app.services, full=True)
    site = app.services.settings.resolved_site_dir
    assert not (site / "en" / "bulletins" / str(bulletin)).exists()
    assert Path(site / "ja" / "bulletins" / str(bulletin) / "index.html").exists()


def test_images_are_part_of_the_snapshot_and_a_snapshot_without_any_reads_as_before() -> None:
    from publisher.documents import FrozenImage, Rendition

    image = FrozenImage(
        "image:1",
        "map",
        (
            Rendition("images/ab/ab.jpg", 1600, 900),
            Rendition("images/cd/cd.jpg", 800, 450),
        ),
    )
    body = f"{TWO_SENTENCES}\n\n![](image:1)"
    source = snapshot(3, 4, "disaster", "地図", body, None, [(image, "避難所の地図。")])
    assert decode(3, 4, encode(source)) == source
    assert source.blocks[-1].ref == "image:1" and source.images == (image,)
    plain = snapshot(3, 4, "disaster", "地図", TWO_SENTENCES, None)
    assert '"ref"' not in encode(plain) and '"images"' not in encode(plain)
