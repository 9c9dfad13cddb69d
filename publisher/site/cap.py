"""CAP 1.2 (OASIS Common Alerting Protocol) for emergency notices: one ``<alert>`` per version.

Each version that went out is one file: ``msgType`` Alert for the first, Update for an update,
Cancel for the lifting, each later one naming those before it in ``references``. One
``<info>`` per language with wording (``<language>`` set), with the template's urgency,
severity and certainty (never Unknown; a lifting is Past / Minor / Observed), the version's
``expires``, and ``areaDesc`` from its areas (or its shelters). Only reviewed-or-drafted
template wording goes in: a language without wording has no ``<info>``, never machine text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from lxml import etree

from publisher.statuses import CapMessageType
from translations.emergency.model import EASY_JAPANESE, SlotKind, Template
from translations.emergency.render import NamePiece, RenderedMessage, name_text, plain_text

CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2"
ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
_CAP = f"{{{CAP_NAMESPACE}}}"
_ATOM = f"{{{ATOM_NAMESPACE}}}"
_LANGUAGE_TAGS = {"zh": "zh-Hans"}


@dataclass(frozen=True)
class AlertVersion:
    """What one version's CAP file says, gathered from the database."""

    emergency_id: int
    number: int
    message_type: CapMessageType
    sent_at: datetime
    expires_at: datetime
    template: Template
    messages: Sequence[RenderedMessage]
    """Every language with wording, in the site's order (easy Japanese is left out here)."""
    page_urls: dict[str, str]
    earlier: Sequence[tuple[int, datetime]]
    """The versions before it that went out: (number, sent)."""


def cap_time(moment: datetime) -> str:
    """CAP's dateTime: seconds, an explicit offset, never ``Z`` (the schema's pattern)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def sender_of(base_url: str) -> str:
    """The site's host names the sender (no spaces, commas or ``<&``, as CAP asks)."""
    return urlsplit(base_url).hostname or "kakehashi"


def identifier(sender: str, emergency_id: int, number: int) -> str:
    return f"{sender}.emergency.{emergency_id}.{number}"


def _add(parent: etree._Element, tag: str, text: str) -> etree._Element:
    element = etree.SubElement(parent, _CAP + tag)
    element.text = text
    return element


def _area(message: RenderedMessage, template: Template, city: str) -> str:
    """The places the version names, in the message's language; the city when it names none."""
    kinds = {name for name, spec in template.slots.items() if spec.kind is SlotKind.PLACES}
    names: list[str] = []
    for sentence in (*message.description, message.headline):
        for piece in sentence.pieces:
            if isinstance(piece, NamePiece):
                text = name_text(piece.name, message.language)
                if text not in names:
                    names.append(text)
        if names and kinds:
            break
    return ", ".join(names) if names else city


def alert_xml(version: AlertVersion, *, sender: str, city: dict[str, str]) -> bytes:
    """One version as a CAP 1.2 ``<alert>`` document."""
    alert = etree.Element(_CAP + "alert", nsmap={None: CAP_NAMESPACE})
    _add(alert, "identifier", identifier(sender, version.emergency_id, version.number))
    _add(alert, "sender", sender)
    _add(alert, "sent", cap_time(version.sent_at))
    _add(alert, "status", "Actual")
    _add(alert, "msgType", version.message_type.value)
    _add(alert, "scope", "Public")
    if version.earlier:
        _add(
            alert,
            "references",
            " ".join(
                f"{sender},{identifier(sender, version.emergency_id, number)},{cap_time(sent)}"
                for number, sent in version.earlier
            ),
        )
    cap = version.template.cap
    lifted = version.message_type is CapMessageType.CANCEL
    for message in version.messages:
        if message.language == EASY_JAPANESE:
            continue
        info = etree.SubElement(alert, _CAP + "info")
        _add(info, "language", _LANGUAGE_TAGS.get(message.language, message.language))
        _add(info, "category", cap.category)
        _add(info, "event", plain_text(message.event, message.language))
        _add(info, "responseType", "AllClear" if lifted else "Monitor")
        _add(info, "urgency", "Past" if lifted else cap.urgency)
        _add(info, "severity", "Minor" if lifted else cap.severity)
        _add(info, "certainty", "Observed" if lifted else cap.certainty)
        _add(info, "expires", cap_time(version.expires_at))
        _add(info, "senderName", city.get(message.language, city["en"]))
        _add(info, "headline", plain_text(message.headline, message.language))
        joiner = "\n"
        _add(
            info,
            "description",
            joiner.join(plain_text(s, message.language) for s in message.description),
        )
        _add(info, "instruction", plain_text(message.instruction, message.language))
        if message.language in version.page_urls:
            _add(info, "web", version.page_urls[message.language])
        area = etree.SubElement(info, _CAP + "area")
        _add(
            area,
            "areaDesc",
            _area(message, version.template, city.get(message.language, city["en"])),
        )
    return bytes(etree.tostring(alert, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def index_feed(
    versions: Sequence[AlertVersion], *, sender: str, base_url: str, title: str, updated: datetime
) -> bytes:
    """An Atom feed of every version's CAP file, newest first (how aggregators poll CAP)."""
    feed = etree.Element(_ATOM + "feed", nsmap={None: ATOM_NAMESPACE})
    etree.SubElement(feed, _ATOM + "id").text = f"{base_url}alerts/"
    etree.SubElement(feed, _ATOM + "title").text = title
    etree.SubElement(feed, _ATOM + "updated").text = cap_time(updated)
    etree.SubElement(feed, _ATOM + "link", rel="self", href=f"{base_url}alerts/index.xml")
    author = etree.SubElement(feed, _ATOM + "author")
    etree.SubElement(author, _ATOM + "name").text = sender
    for version in sorted(versions, key=lambda v: (v.sent_at, v.number), reverse=True):
        entry = etree.SubElement(feed, _ATOM + "entry")
        href = f"{base_url}alerts/{version.emergency_id}-{version.number}.xml"
        etree.SubElement(entry, _ATOM + "id").text = href
        english = next((m for m in version.messages if m.language == "en"), version.messages[0])
        etree.SubElement(
            entry, _ATOM + "title"
        ).text = f"{version.message_type.value}: {plain_text(english.headline, english.language)}"
        etree.SubElement(entry, _ATOM + "updated").text = cap_time(version.sent_at)
        etree.SubElement(
            entry, _ATOM + "link", rel="alternate", type="application/cap+xml", href=href
        )
    return bytes(etree.tostring(feed, xml_declaration=True, encoding="UTF-8", pretty_print=True))
