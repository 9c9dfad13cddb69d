"""Times in the workspace are the city's (Asia/Tokyo): what staff type and what they read.

A ``<input type="datetime-local">`` has no time zone, so its value is read as city time and
handed to the API's schema as ISO 8601 with the city's offset; the schema then checks and
stores it in UTC exactly as for the API. Stored times are shown back in city time.
"""

from __future__ import annotations

from datetime import UTC, datetime

from publisher.site.render import CITY_TIME_ZONE

FIELD_FORMAT = "%Y-%m-%dT%H:%M"


def _utc(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back; every time Kakehashi stores is UTC."""
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def as_field(moment: datetime | None) -> str:
    """A stored time as a ``datetime-local`` value in city time ("" for none)."""
    return _utc(moment).astimezone(CITY_TIME_ZONE).strftime(FIELD_FORMAT) if moment else ""


def from_field(value: str) -> str | None:
    """A ``datetime-local`` value as the API's schema takes it: city time with its offset.

    Empty: none. Text that is not a local date and time is passed on as typed, so the
    schema refuses it with the field's name, as it would for the API.
    """
    text = value.strip()
    if not text:
        return None
    try:
        local = datetime.fromisoformat(text)
    except ValueError:
        return text
    if local.tzinfo is not None:
        return text
    return local.replace(tzinfo=CITY_TIME_ZONE).isoformat()


def shown(moment: datetime) -> str:
    """For reading: the city's date and time, with the zone's abbreviation (JST)."""
    return _utc(moment).astimezone(CITY_TIME_ZONE).strftime("%Y-%m-%d %H:%M %Z")
