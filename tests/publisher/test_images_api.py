"""Bulletin images through the API and onto the site: checked uploads, reviewed revisions.

The translations come from the fake engine (``[en] …``) through the real pipeline, so each
alt text's way through translation shows on the page; ``test_images_publish`` does the same
with real argos models and voices.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlmodel import Session, select

from publisher.api.app import create_app
from publisher.queue import JobQueue, make_huey
from publisher.services import Services
from publisher.settings import Settings
from publisher.site.build import build_site
from publisher.tables import AuditRecord, BulletinImage, SegmentTranslation
from tests.support.backends import Backend
from tests.support.fake_engine import FakeEngine
from tests.support.images import GPS_IFD, photo_with_gps, png_bomb, transparent_png

BODY = "本日、市は避難所を開設しました。\n\n![](image:1)\n\n詳しくは防災課へ。"
MAP_ALT = "中央小学校の避難所までの地図。赤い線が避難経路です。"


@pytest.fixture
def settings(tmp_path: Path, backend: Backend) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        target_languages=("en",),
        base_url="http://testserver/",
        **backend.settings,
    )


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    created = Services.create(settings, translation_engine_factory=lambda _: FakeEngine())
    yield created
    created.close()


@pytest.fixture
def client(services: Services) -> Iterator[TestClient]:
    queue = JobQueue(services, make_huey(services, immediate=True))
    with TestClient(create_app(services, queue, serve_site=False)) as test_client:
        yield test_client


class Staff:
    def __init__(self, client: TestClient, keys: dict[str, dict[str, str]]) -> None:
        self.client = client
        self.keys = keys

    def create(self, body: str = "本日、市は避難所を開設しました。", **fields: Any) -> int:
        payload = {"title": "避難所の開設", "body": body, "category": "disaster", **fields}
        response = self.client.post("/api/v1/bulletins", json=payload, headers=self.keys["editor"])
        assert response.status_code == 201, response.text
        return int(response.json()["id"])

    def upload(
        self,
        bulletin: int,
        data: bytes,
        alt: str = MAP_ALT,
        kind: str = "map",
        name: str = "map.jpg",
        content_type: str = "image/jpeg",
    ) -> Any:
        return self.client.post(
            f"/api/v1/bulletins/{bulletin}/images",
            files={"file": (name, data, content_type)},
            data={"alt": alt, "kind": kind},
            headers=self.keys["editor"],
        )

    def publish(self, bulletin: int) -> dict[str, Any]:
        url = f"/api/v1/bulletins/{bulletin}"
        assert self.client.post(f"{url}/submit", headers=self.keys["editor"]).is_success
        assert self.client.post(f"{url}/approve", headers=self.keys["approver"]).is_success
        accepted = self.client.post(f"{url}/publish", headers=self.keys["approver"])
        assert accepted.status_code == 202, accepted.text
        job = self.client.get(accepted.json()["status_url"], headers=self.keys["editor"]).json()
        assert job["state"] == "succeeded", job
        return dict(job)

    def get(self, bulletin: int) -> dict[str, Any]:
        return dict(
            self.client.get(f"/api/v1/bulletins/{bulletin}", headers=self.keys["editor"]).json()
        )


@pytest.fixture
def staff(client: TestClient, keys: dict[str, dict[str, str]]) -> Staff:
    return Staff(client, keys)


def page(services: Services, language: str, bulletin: int, sub: str = "") -> str:
    folder = services.settings.resolved_site_dir / language / "bulletins" / str(bulletin) / sub
    return (folder / "index.html").read_text(encoding="utf-8")


def figures(html: str) -> list[str]:
    return re.findall(r"<figure[^>]*><img[^>]*></figure>", html)


# --- uploads ---------------------------------------------------------------------------------


def test_an_upload_is_resized_stripped_of_metadata_and_stored_by_content(
    staff: Staff, services: Services
) -> None:
    bulletin = staff.create()
    original = photo_with_gps(2400, 1200)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the camera's position
    response = staff.upload(bulletin, original)
    assert response.status_code == 201, response.text
    image = response.json()
    assert image["image_id"] == 1 and image["revision"] == 2
    assert image["markdown"] == "![](image:1)"
    assert (image["width"], image["height"]) == (1600, 800)
    assert [(r["width"], r["height"]) for r in image["renditions"]] == [(1600, 800), (800, 400)]
    assert image["warnings"] == []
    with Session(services.db) as session:
        row = session.exec(select(BulletinImage)).one()
    for rendition in row.renditions:
        path = services.settings.media_dir / rendition["file"]
        data = path.read_bytes()
        # Named by content: the file's own SHA-256.
        assert path.stem == __import__("hashlib").sha256(data).hexdigest()
        stored = Image.open(io.BytesIO(data))
        assert stored.format == "JPEG"
        assert not stored.getexif()  # no EXIF at all, so no GPS position
        assert not {"exif", "xmp", "icc_profile", "comment"} & set(stored.info)
        assert b"KakehashiCam" not in data and b"taken at home" not in data
    # Staff can look at what was stored.
    served = staff.client.get(image["renditions"][1]["url"], headers=staff.keys["editor"])
    assert served.status_code == 200 and served.headers["content-type"] == "image/jpeg"
    assert Image.open(io.BytesIO(served.content)).size == (800, 400)


def test_a_photo_taken_sideways_is_turned_upright(staff: Staff) -> None:
    bulletin = staff.create()
    image = staff.upload(bulletin, photo_with_gps(1200, 600, orientation=6)).json()
    assert (image["width"], image["height"]) == (600, 1200)


def test_a_transparent_drawing_stays_a_png_and_small_images_are_not_enlarged(
    staff: Staff,
) -> None:
    bulletin = staff.create()
    image = staff.upload(bulletin, transparent_png(600, 400), name="plan.png").json()
    assert image["media_type"] == "image/png"
    assert [(r["width"], r["height"]) for r in image["renditions"]] == [(600, 400)]


@pytest.mark.parametrize(
    ("data", "status", "reason"),
    [
        (b"%PDF-1.7 not an image", 415, "not an image"),
        (photo_with_gps(800, 400)[:2000], 422, "damaged"),
        (png_bomb(), 422, "too many pixels"),
        (b"", 422, "empty"),
    ],
    ids=["pdf", "truncated", "bomb", "empty"],
)
def test_what_is_not_a_usable_image_is_refused_with_the_reason(
    staff: Staff, data: bytes, status: int, reason: str
) -> None:
    bulletin = staff.create()
    # The declared type and name say "JPEG": only the content counts.
    response = staff.upload(bulletin, data)
    assert response.status_code == status, response.text
    assert reason in response.text
    assert staff.get(bulletin)["current_revision"] == 1  # nothing changed


def test_an_image_over_the_size_limit_is_refused(
    tmp_path: Path, backend: Backend, keys_factory: Any = None
) -> None:
    settings = Settings(
        data_dir=tmp_path / "small", max_image_bytes=50_000, target_languages=("en",)
    )
    services = Services.create(settings, translation_engine_factory=lambda _: FakeEngine())
    try:
        from publisher.keys import create_key
        from publisher.workflow import Role

        with Session(services.db) as session:
            _key, secret = create_key(session, "editor-san", Role.EDITOR)
            session.commit()
        queue = JobQueue(services, make_huey(services, immediate=True))
        with TestClient(create_app(services, queue, serve_site=False)) as client:
            staff = Staff(client, {"editor": {"Authorization": f"Bearer {secret}"}})
            bulletin = staff.create()
            big = photo_with_gps(3000, 3000)
            assert len(big) > 50_000
            response = staff.upload(bulletin, big)
            assert response.status_code == 413
            assert "limit" in response.json()["detail"]
    finally:
        services.close()


@pytest.mark.parametrize(
    ("alt", "message"),
    [("", "Field required"), ("   ", "empty"), ("Map of the shelter", "Japanese")],
)
def test_alt_text_in_japanese_is_required(staff: Staff, alt: str, message: str) -> None:
    bulletin = staff.create()
    response = staff.upload(bulletin, photo_with_gps(400, 200), alt=alt)
    assert response.status_code == 422
    assert message in response.text


def test_kind_must_be_photo_map_or_flyer(staff: Staff) -> None:
    bulletin = staff.create()
    assert staff.upload(bulletin, photo_with_gps(400, 200), kind="poster").status_code == 422


# --- references in the text ------------------------------------------------------------------


def test_the_body_may_only_place_images_the_bulletin_has(staff: Staff) -> None:
    response = staff.client.post(
        "/api/v1/bulletins",
        json={"title": "地図", "body": "![](image:1)", "category": "disaster"},
        headers=staff.keys["editor"],
    )
    assert response.status_code == 422
    assert "no such image" in response.text
    bulletin = staff.create()
    staff.upload(bulletin, photo_with_gps(400, 200))
    url = f"/api/v1/bulletins/{bulletin}"
    inline = staff.client.patch(
        url, json={"body": "地図 ![](image:1) を見てください。"}, headers=staff.keys["editor"]
    )
    assert inline.status_code == 422 and "paragraph of its own" in inline.text
    placed = staff.client.patch(url, json={"body": BODY}, headers=staff.keys["editor"])
    assert placed.status_code == 200, placed.text
    # Removing an image the text still places is refused, saying what to do.
    removed = staff.client.delete(f"{url}/images/1", headers=staff.keys["editor"])
    assert removed.status_code == 409 and "![](image:1)" in removed.json()["detail"]


# --- images are reviewed content ------------------------------------------------------------


def test_an_image_added_after_approval_is_public_only_once_approved_again(
    staff: Staff, services: Services
) -> None:
    bulletin = staff.create(body=BODY.replace("\n\n![](image:1)", ""))
    staff.publish(bulletin)
    assert figures(page(services, "ja", bulletin)) == []

    staff.upload(bulletin, photo_with_gps(2400, 1200))
    after = staff.get(bulletin)
    assert after["state"] == "draft" and after["current_revision"] == 2
    assert after["published_revision"] == 1
    assert [image["alt"] for image in after["images"]] == [MAP_ALT]
    build_site(services)
    assert figures(page(services, "ja", bulletin)) == []  # not reviewed yet: not public

    # Approval without publishing is not enough either; publishing the approved one is.
    url = f"/api/v1/bulletins/{bulletin}"
    staff.client.post(f"{url}/submit", headers=staff.keys["editor"])
    staff.client.post(f"{url}/approve", headers=staff.keys["approver"])
    build_site(services)
    assert figures(page(services, "ja", bulletin)) == []
    staff.client.post(f"{url}/publish", headers=staff.keys["approver"])
    ja = figures(page(services, "ja", bulletin))
    assert len(ja) == 1 and f'alt="{MAP_ALT}"' in ja[0]

    with Session(services.db) as session:
        actions = session.exec(select(AuditRecord.action)).all()
    assert "bulletin.image_add" in actions


def test_changing_alt_text_or_removing_an_image_makes_a_revision_to_review(
    staff: Staff, services: Services
) -> None:
    bulletin = staff.create()
    staff.upload(bulletin, photo_with_gps(800, 400))
    staff.publish(bulletin)
    url = f"/api/v1/bulletins/{bulletin}"
    changed = staff.client.patch(
        f"{url}/images/1", json={"alt": "避難所の写真です。"}, headers=staff.keys["editor"]
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["revision"] == 3
    assert staff.get(bulletin)["state"] == "draft"
    assert MAP_ALT in page(services, "ja", bulletin)  # the published revision still shows
    staff.publish(bulletin)
    assert 'alt="避難所の写真です。"' in page(services, "ja", bulletin)

    gone = staff.client.delete(f"{url}/images/1", headers=staff.keys["editor"])
    assert gone.status_code == 204
    assert staff.get(bulletin)["images"] == []
    assert staff.client.get(f"{url}/images", headers=staff.keys["editor"]).json() == []
    assert "避難所の写真です。" in page(services, "ja", bulletin)  # until published
    staff.publish(bulletin)
    assert figures(page(services, "ja", bulletin)) == []
    folder = services.settings.resolved_site_dir / "ja" / "bulletins" / str(bulletin)
    assert not list(folder.glob("images/*"))  # the files left with the figure


# --- the pages -------------------------------------------------------------------------------


def test_every_language_shows_the_image_with_its_translated_alt_text(
    staff: Staff, services: Services
) -> None:
    bulletin = staff.create()
    staff.upload(bulletin, photo_with_gps(2400, 1200))
    staff.client.patch(
        f"/api/v1/bulletins/{bulletin}", json={"body": BODY}, headers=staff.keys["editor"]
    )
    staff.publish(bulletin)
    with Session(services.db) as session:
        rows = session.exec(
            select(SegmentTranslation).where(SegmentTranslation.language == "en")
        ).all()
    assert any(row.source_text == "中央小学校の避難所までの地図。" for row in rows)

    ja = page(services, "ja", bulletin)
    en = page(services, "en", bulletin)
    furigana = page(services, "ja", bulletin, "furigana")
    for html, alt, prefix in (
        (ja, MAP_ALT, "images/"),
        (en, "[en] 中央小学校の避難所までの地図。 [en] 赤い線が避難経路です。", "images/"),
        (furigana, MAP_ALT, "../images/"),
    ):
        (figure,) = figures(html)
        assert f'alt="{alt}"' in figure
        assert 'loading="lazy"' in figure
        assert 'width="1600" height="800"' in figure
        src = re.search(r' src="([^"]+)"', figure)
        assert src is not None and src.group(1).startswith(prefix)
        assert re.search(r'srcset="\S+ 1600w, \S+ 800w"', figure)
    # Placed where the text places it: between the two paragraphs.
    assert en.index("[en] 本日") < en.index("<figure") < en.index("[en] 詳しくは")
    # Its files are beside each page, identical to the stored ones.
    for language in ("ja", "en"):
        folder = services.settings.resolved_site_dir / language / "bulletins" / str(bulletin)
        files = sorted(folder.glob("images/*.jpg"))
        assert len(files) == 2
        assert {Image.open(path).size for path in files} == {(1600, 800), (800, 400)}
    # Read aloud where it stands, announced as an image, in each language.
    captions = services.settings.resolved_site_dir / "ja" / "bulletins" / str(bulletin)
    vtt = (captions / "captions.vtt").read_text(encoding="utf-8")
    assert "画像： 中央小学校の避難所までの地図。" in vtt
    en_vtt = captions.parents[2] / "en" / "bulletins" / str(bulletin) / "captions.vtt"
    assert "Image: [en] 中央小学校の避難所までの地図。" in en_vtt.read_text(encoding="utf-8")
    # The lists' summary is the text, not the alt text.
    assert (
        "地図"
        not in (services.settings.resolved_site_dir / "ja" / "feed.xml")
        .read_text(encoding="utf-8")
        .split("<summary", 1)[-1]
        .split("</summary>", 1)[0]
    )


def test_a_missing_translated_alt_text_holds_the_language(staff: Staff, services: Services) -> None:
    bulletin = staff.create()
    staff.upload(bulletin, photo_with_gps(800, 400))
    staff.publish(bulletin)
    assert figures(page(services, "en", bulletin))
    with Session(services.db) as session:
        row = session.exec(
            select(SegmentTranslation).where(
                SegmentTranslation.language == "en",
                SegmentTranslation.source_text == "赤い線が避難経路です。",
            )
        ).one()
        session.delete(row)
        session.commit()
    build_site(services, full=True, search=False)
    en = services.settings.resolved_site_dir / "en" / "bulletins" / str(bulletin)
    assert not (en / "index.html").exists()
    assert figures(page(services, "ja", bulletin))  # Japanese is whole


def test_a_retract_takes_the_images_down_with_the_pages(staff: Staff, services: Services) -> None:
    bulletin = staff.create()
    staff.upload(bulletin, photo_with_gps(800, 400))
    staff.publish(bulletin)
    site = services.settings.resolved_site_dir
    assert list((site / "en" / "bulletins" / str(bulletin)).glob("images/*"))
    response = staff.client.post(
        f"/api/v1/bulletins/{bulletin}/retract", headers=staff.keys["approver"]
    )
    assert response.status_code == 202
    for language in ("ja", "en"):
        folder = site / language / "bulletins" / str(bulletin)
        assert not list(folder.glob("images/*"))
        assert "<figure" not in (folder / "index.html").read_text(encoding="utf-8")


# --- flyers ----------------------------------------------------------------------------------


def test_a_flyer_whose_facts_are_not_in_the_text_is_warned_about_never_refused(
    staff: Staff,
) -> None:
    bulletin = staff.create(body="市民まつりを開きます。")
    alt = (
        "市民まつりのチラシ。12月13日午前10時から、市民会館で。入場料500円。問い合わせ 053-457-2111"
    )
    response = staff.upload(bulletin, photo_with_gps(800, 1100), alt=alt, kind="flyer")
    assert response.status_code == 201
    (warning,) = response.json()["warnings"]
    assert warning["code"] == "flyer_facts_not_in_text"
    assert warning["facts"] == ["12月13日午前10時", "500円", "053-457-2111"]
    assert staff.get(bulletin)["warnings"] == [warning]

    body = "市民まつりを12月13日午前10時から開きます。入場料は500円です。電話 053-457-2111"
    staff.client.patch(
        f"/api/v1/bulletins/{bulletin}", json={"body": body}, headers=staff.keys["editor"]
    )
    assert staff.get(bulletin)["warnings"] == []
    short = staff.upload(bulletin, photo_with_gps(800, 1100), alt="チラシ", kind="flyer").json()
    assert {w["code"] for w in short["warnings"]} == {
        "flyer_alt_short",
        "flyer_alt_without_facts",
    }
    staff.publish(bulletin)  # warnings never block
