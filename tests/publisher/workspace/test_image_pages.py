"""A bulletin's images in the workspace: the API's checks and revisions, shown beside fields."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from PIL import Image
from sqlmodel import Session, col, select

from publisher.services import Services
from publisher.tables import AuditRecord, Bulletin, BulletinImage
from tests.publisher.workspace.conftest import csrf_of, post_form
from tests.support.images import GPS_IFD, photo_with_gps

Browser = Callable[[str], TestClient]

FORM = {"title": "避難所の開設", "body": "本日、市は避難所を開設しました。", "category": "disaster"}
MAP_ALT = "中央小学校の避難所までの地図。赤い線が避難経路です。"


def _english(client: TestClient) -> TestClient:
    client.cookies.set("kakehashi_staff_lang", "en", path="/staff/")
    return client


def write(client: TestClient, **changes: str) -> int:
    response = post_form(client, "/staff/bulletins/new", "/staff/bulletins", {**FORM, **changes})
    assert response.status_code == 303, response.text
    found = re.match(r"^/staff/bulletins/(\d+)\?", response.headers["location"])
    assert found
    return int(found.group(1))


def upload(
    client: TestClient,
    bulletin_id: int,
    data: bytes,
    alt: str = MAP_ALT,
    kind: str = "map",
    token: str | None = "from the page",
):
    page = f"/staff/bulletins/{bulletin_id}"
    fields = {"alt": alt, "kind": kind}
    if token == "from the page":
        token = csrf_of(client.get(page).text)
    if token is not None:
        fields["csrf_token"] = token
    return client.post(
        f"{page}/images",
        data=fields,
        files={"file": ("地図.jpg", data, "image/jpeg")},
        follow_redirects=False,
    )


def current(services: Services, bulletin_id: int) -> tuple[int, list[BulletinImage]]:
    with Session(services.db) as session:
        bulletin = session.get(Bulletin, bulletin_id)
        assert bulletin is not None
        rows = session.exec(
            select(BulletinImage).where(
                BulletinImage.bulletin_id == bulletin_id,
                BulletinImage.revision == bulletin.current_revision,
            )
        ).all()
        return bulletin.current_revision, list(rows)


def test_an_upload_makes_a_new_revision_shown_with_its_thumbnail_and_markdown(
    browser: Browser, services: Services
) -> None:
    editor = _english(browser("editor-san"))
    bulletin_id = write(editor)
    response = upload(editor, bulletin_id, photo_with_gps(1200, 600))
    assert response.status_code == 303
    location = response.headers["location"]
    assert location == f"/staff/bulletins/{bulletin_id}?done=image_added#image-1"
    revision, rows = current(services, bulletin_id)
    assert revision == 2 and [(row.image_id, row.kind, row.alt) for row in rows] == [
        (1, "map", MAP_ALT)
    ]
    with Session(services.db) as session:
        record = session.exec(
            select(AuditRecord)
            .where(AuditRecord.action == "bulletin.image_add")
            .order_by(col(AuditRecord.id))
        ).one()
    assert record.actor == "editor-san"
    page = editor.get(f"/staff/bulletins/{bulletin_id}?done=image_added").text
    assert "The image was added" in page
    assert "<code>![](image:1)</code>" in page
    assert f'alt="{MAP_ALT}"' in page
    thumbnail = re.search(
        rf'<img src="(/staff/bulletins/{bulletin_id}/images/1/files/(\d+))"', page
    )
    assert thumbnail and thumbnail.group(2) == "800"  # the phone-sized copy
    served = editor.get(thumbnail.group(1))
    assert served.status_code == 200 and served.headers["content-type"] == "image/jpeg"
    with Image.open(io.BytesIO(served.content)) as image:
        assert image.width == 800 and not image.getexif().get_ifd(GPS_IFD)
    # Only signed-in staff see the stored files.
    with TestClient(editor.app) as anonymous:
        refused = anonymous.get(thumbnail.group(1), follow_redirects=False)
    assert refused.status_code == 303 and refused.headers["location"].startswith("/staff/signin")


def test_an_upload_without_the_csrf_token_is_refused(browser: Browser, services: Services) -> None:
    editor = browser("editor-san")
    bulletin_id = write(editor)
    for token in (None, "forged"):
        response = upload(editor, bulletin_id, photo_with_gps(400, 200), token=token)
        assert response.status_code == 403
    assert current(services, bulletin_id) == (1, [])


def test_refused_fields_are_shown_beside_them_and_nothing_is_stored(
    browser: Browser, services: Services
) -> None:
    editor = _english(browser("editor-san"))
    bulletin_id = write(editor)
    response = upload(editor, bulletin_id, photo_with_gps(400, 200), alt="a map", kind="poster")
    assert response.status_code == 400
    assert 'id="upload-alt-error" class="field-error"' in response.text
    assert "Describe the image in Japanese" in response.text
    assert 'id="upload-kind-error" class="field-error"' in response.text
    assert re.search(r'id="upload-alt"[^>]*aria-invalid="true"', response.text)
    assert 'value="a map"' in response.text  # what was typed is kept
    not_an_image = upload(editor, bulletin_id, b"%PDF-1.4 not an image")
    assert not_an_image.status_code == 415
    assert 'id="upload-file-error" class="field-error"' in not_an_image.text
    assert "not a JPEG, PNG, WebP or GIF image" in not_an_image.text
    assert current(services, bulletin_id) == (1, [])


def test_a_flyer_whose_facts_are_not_in_the_text_is_warned_about(browser: Browser) -> None:
    editor = _english(browser("editor-san"))
    bulletin_id = write(editor)
    alt = "防災訓練のチラシ。12月6日午前9時から、中央小学校で。問い合わせは053-000-1234へ。"
    assert upload(editor, bulletin_id, photo_with_gps(400, 200), alt, "flyer").status_code == 303
    page = editor.get(f"/staff/bulletins/{bulletin_id}").text
    assert "These facts of the flyer are not in the text" in page
    assert "053-000-1234" in page[page.index("These facts of the flyer") :]


def test_alt_and_kind_are_changed_and_an_image_removed_once_the_text_no_longer_places_it(
    browser: Browser, services: Services
) -> None:
    editor = _english(browser("editor-san"))
    # Text that places an image the bulletin does not have is refused, by the API's rule.
    placing = {**FORM, "body": "避難所を開設しました。\n\n![](image:1)"}
    refused_text = post_form(editor, "/staff/bulletins/new", "/staff/bulletins", placing)
    assert refused_text.status_code == 400 and "no such image" in refused_text.text
    bulletin_id = write(editor)
    assert upload(editor, bulletin_id, photo_with_gps(400, 200)).status_code == 303
    page = f"/staff/bulletins/{bulletin_id}"
    changed = post_form(
        editor, page, f"{page}/images/1", {"alt": "避難所の写真です。", "kind": "photo"}
    )
    assert changed.status_code == 303
    revision, rows = current(services, bulletin_id)
    assert revision == 3 and (rows[0].alt, rows[0].kind) == ("避難所の写真です。", "photo")
    refused = post_form(editor, page, f"{page}/images/1", {"alt": "", "kind": "photo"})
    assert refused.status_code == 400 and 'id="image-1-alt-error"' in refused.text
    edit = f"{page}/edit"
    placed = {**FORM, "body": "避難所を開設しました。\n\n![](image:1)"}
    assert post_form(editor, edit, edit, placed).status_code == 303
    still_placed = post_form(editor, page, f"{page}/images/1/remove")
    assert still_placed.status_code == 409
    assert 'id="image-1-remove-error"' in still_placed.text
    assert current(services, bulletin_id)[0] == 4
    assert post_form(editor, edit, edit, FORM).status_code == 303
    removed = post_form(editor, page, f"{page}/images/1/remove")
    assert removed.status_code == 303
    assert current(services, bulletin_id) == (6, [])
