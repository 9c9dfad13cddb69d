"""A notice's text in a talking book: an image is its description, announced as the audio
announces it, with the sentence ids the overlays pair with the audio."""

from __future__ import annotations

from lxml import etree

from publisher.documents import FrozenImage, Rendition, SegmentText, localize, snapshot
from publisher.editions.text import XHTML, body_elements, sentence_anchor

MAP = FrozenImage("image:1", "map", (Rendition("images/ab/ab.jpg", 800, 600),))


def test_an_image_is_its_announced_description() -> None:
    source = snapshot(
        1, 1, "disaster", "避難所", "避難所を開設しました。", None, [(MAP, "地図です。")]
    )
    for language, announced in (("ja", "画像： 地図です。"), ("en", "Image: Map.")):
        texts = None
        if language == "en":
            texts = {
                segment.id: SegmentText("Map." if segment.text == "地図です。" else "Open.")
                for segment in source.segments()
            }
        doc = localize(source, language, texts)
        body = etree.Element(f"{{{XHTML}}}body")
        body_elements(body, doc, 1)
        paragraphs = body.findall(f"{{{XHTML}}}p")
        assert paragraphs[-1].get("class") == "image"
        assert "".join(paragraphs[-1].itertext()) == announced
        (span,) = paragraphs[-1].findall(f"{{{XHTML}}}span")
        assert span.get("id") == sentence_anchor(doc.blocks[-1].sentences[0].id)
