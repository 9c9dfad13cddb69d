import pytest

from audio.speech import (
    HEADING_PAUSE,
    SENTENCE_PAUSE,
    SpeechSentence,
    heading,
    speak_phone,
    speak_url,
)
from publisher.speech_text import spoken_phrases


def test_sentence_defaults_and_heading_pause():
    assert SpeechSentence("s1", "Hello.").pause_after == SENTENCE_PAUSE
    assert heading("t", "Title").pause_after == HEADING_PAUSE > SENTENCE_PAUSE


@pytest.mark.parametrize("text", ["a <b>bold</b> word", "Press <Enter>", "1 < 2 > 0", "<br>"])
def test_text_that_looks_like_markup_is_plain_text(text):
    """Staff may type or paste anything; the text is read as written, never refused."""
    sentence = SpeechSentence("s1", text)
    assert sentence.text == sentence.display_text == text


@pytest.mark.parametrize("pause", [-0.1, float("nan"), 11.0])
def test_absurd_pauses_are_refused(pause):
    with pytest.raises(ValueError):
        SpeechSentence("s1", "Hello.", pause)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.city.lg.jp/bousai/shelter.html?x=1#top", "example.city.lg.jp"),
        ("http://user@WWW.Example.City.lg.jp:8080/", "example.city.lg.jp"),
        ("www.city.hamamatsu.shizuoka.jp/foreign/", "city.hamamatsu.shizuoka.jp"),
    ],
)
def test_url_becomes_its_domain(url, expected):
    assert speak_url(url, spoken_phrases("en")) == expected
    assert speak_url(url, spoken_phrases("pt")) == expected


def test_url_without_domain_and_japanese_get_a_phrase():
    assert speak_url("/news/1.html", spoken_phrases("en")) == "the web page"
    assert speak_url("/news/1.html", spoken_phrases("pt")) == "a página da web"
    # Open JTalk would spell a Latin domain letter by letter
    assert speak_url("https://www.example.city.lg.jp/", spoken_phrases("ja")) == "ホームページ"
    assert (
        speak_url("/x", spoken_phrases("xx")) == "the web page"
    )  # unknown language: English phrase


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("053-000-0110", "0 5 3, 0 0 0, 0 1 1 0"),
        ("０５３－０００－０１１０", "0 5 3, 0 0 0, 0 1 1 0"),
        ("(053) 457-2111", "0 5 3, 4 5 7, 2 1 1 1"),
        ("0530000110", "0 5 3, 0 0 0, 0 1 1 0"),
        ("09012345678", "0 9 0, 1 2 3 4, 5 6 7 8"),
        ("+81-53-457-2111", "+ 8 1, 5 3, 4 5 7, 2 1 1 1"),
    ],
)
def test_phone_is_read_group_by_group(number, expected):
    assert speak_phone(number, spoken_phrases("en")) == expected


def test_phone_separator_follows_the_language():
    assert speak_phone("053-000-0110", spoken_phrases("ja")) == "0 5 3、0 0 0、0 1 1 0"
    assert speak_phone("053-000-0110", spoken_phrases("zh")) == "0 5 3，0 0 0，0 1 1 0"
    assert speak_phone("no digits", spoken_phrases("en")) == "no digits"


def test_caption_is_what_residents_read_and_defaults_to_the_spoken_text():
    spoken = "Call " + speak_phone("053-000-1234", spoken_phrases("en"))
    sentence = SpeechSentence("contact", spoken, caption="Call 053-000-1234")
    assert sentence.display_text == "Call 053-000-1234"
    assert SpeechSentence("s1", "Hello.").display_text == "Hello."
    assert heading("t", "Title", caption="Title!").display_text == "Title!"
