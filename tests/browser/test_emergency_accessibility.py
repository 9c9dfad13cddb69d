"""axe-core finds no WCAG 2.2 A/AA violation on an emergency page, in every language, active
and lifted (the lifted page also stands for the fallback and unreviewed notes' markup)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from typing import Any

import pytest

from publisher.site.build import build_site
from tests.browser.conftest import _Handler, _Server, run_axe
from tests.publisher.emergency_support import EVACUATION, make_app
from translations.languages import LANGUAGES

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def emergency_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site with one lifted and one active emergency in every language, served locally."""
    tmp = tmp_path_factory.mktemp("emergency-site")
    targets = tuple(code for code in LANGUAGES if code != "ja")
    for app in make_app(tmp, target_languages=targets):
        build_site(app.services)
        app.issue({**EVACUATION, "addition": "橋は通行止めです。"})
        app.client.post("/api/v1/emergencies/1/end", headers=app.keys["approver"])
        app.issue(
            {
                "template": "earthquake",
                "slots": {
                    "intensity": "5+",
                    "areas": ["中区"],
                    "issued_at": "2026-07-01T03:05+09:00",
                },
            }
        )
        folder = app.services.settings.resolved_site_dir.resolve()
    server = _Server(("127.0.0.1", 0), partial(_Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_emergency_pages_have_no_axe_violations(
    page: Any, emergency_site: str, language: str
) -> None:
    for emergency_id in (1, 2):
        response = page.goto(f"{emergency_site}{language}/emergencies/{emergency_id}/")
        assert response is not None and response.status == 200
        assert run_axe(page) == [], (language, emergency_id)
