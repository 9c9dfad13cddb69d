"""The readings file as the API and the workspace change it: the build reads back exactly what
was stored, writes are atomic and serialised, and every change is audited."""

from __future__ import annotations

import threading
import tomllib
from pathlib import Path

import pytest
from sqlmodel import Session, select

from publisher.keys import Staff
from publisher.readings import (
    ReadingChangeError,
    ReadingConflictError,
    ReadingMissingError,
    checked,
    delete_reading,
    read_all,
    set_reading,
)
from publisher.services import Services
from publisher.tables import AuditRecord, StaffMember
from publisher.workflow import Role
from translations.furigana import load_readings


@pytest.fixture
def staff(services: Services) -> Staff:
    with Session(services.db) as session:
        person = StaffMember(name="approver-san", role=Role.APPROVER.value)
        session.add(person)
        session.commit()
        assert person.id is not None
        return Staff(id=person.id, name=person.name, role=Role.APPROVER)


def test_names_and_readings_that_need_quoting_round_trip(
    services: Services, staff: Staff, tmp_path: Path
) -> None:
    path = tmp_path / "readings.toml"
    awkward = ["中央区・1", "中央区Ａ２", "𠮷田町", "ヶ丘", "中央区"]
    with Session(services.db) as session:
        for name in awkward:
            set_reading(session, staff, path, name, "ちゅうおうく", replace=False)
        session.commit()
    assert load_readings(path) == dict.fromkeys(awkward, "ちゅうおうく")
    assert [item.name for item in read_all(path)] == sorted(awkward)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["readings"]["𠮷田町"] == "ちゅうおうく"


def test_checks_follow_the_builds_rules() -> None:
    assert checked(" 元城町 ", "モトシロチョウ").reading == "もとしろちょう"
    for name, reading, field in [
        ("元城町", "もと しろ", "reading"),
        ("元城町", "motoshiro", "reading"),
        ("ABC", "えーびーしー", "name"),
        ("元\x00城", "もと", "name"),
        ('中"央', "ちゅうおう", "name"),
        ("中央 区", "ちゅうおうく", "name"),
        ("元" * 51, "もと", "name"),
        ("元城町", "も" * 101, "reading"),
    ]:
        with pytest.raises(ReadingChangeError) as refused:
            checked(name, reading)
        assert refused.value.field == field


def test_duplicates_missing_names_and_unchanged_readings(
    services: Services, staff: Staff, tmp_path: Path
) -> None:
    path = tmp_path / "readings.toml"
    with Session(services.db) as session:
        set_reading(session, staff, path, "元城町", "もとしろちょう", replace=False)
        with pytest.raises(ReadingConflictError):
            set_reading(session, staff, path, "元城町", "げんじょう", replace=False)
        _stored, new = set_reading(session, staff, path, "元城町", "もとしろちょう", replace=True)
        assert new is False
        with pytest.raises(ReadingMissingError):
            delete_reading(session, staff, path, "浜松")
        session.commit()
        actions = [r.action for r in session.exec(select(AuditRecord)).all()]
    assert actions == ["reading.create"]  # refused and unchanged requests record nothing
    assert load_readings(path) == {"元城町": "もとしろちょう"}


def test_changes_from_many_threads_are_all_kept(
    services: Services, staff: Staff, tmp_path: Path
) -> None:
    path = tmp_path / "readings.toml"
    names = [f"中央{chr(0x4E00 + number)}" for number in range(24)]

    def add(name: str) -> None:
        with Session(services.db) as session:
            set_reading(session, staff, path, name, "ちゅうおう", replace=False)
            session.commit()

    threads = [threading.Thread(target=add, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(load_readings(path)) == sorted(names)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
