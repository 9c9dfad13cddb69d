from audio.assemble import Cue
from audio.webvtt import timestamp, to_webvtt


def test_timestamps():
    assert timestamp(0) == "00:00:00.000"
    assert timestamp(3661.2345) == "01:01:01.234"
    assert timestamp(59.9996) == "00:01:00.000"


def test_webvtt_document():
    cues = (
        Cue("title", 0.0, 1.5, "【緊急】避難所の開設"),
        Cue("s1", 2.3, 4.0, "Q&A: <b> tags --> & more"),
    )
    assert to_webvtt(cues) == (
        "WEBVTT\n\n"
        "title\n00:00:00.000 --> 00:00:01.500\n【緊急】避難所の開設\n\n"
        "s1\n00:00:02.300 --> 00:00:04.000\nQ&amp;A: &lt;b&gt; tags --&gt; &amp; more\n"
    )


def test_blank_lines_cannot_end_a_cue_early():
    text = to_webvtt((Cue("s1", 0, 1, "line one\n\nline two"),))
    assert "line one\nline two\n" in text


def test_captions_read_back_give_the_cues_they_were_written_from() -> None:
    from audio.assemble import Cue
    from audio.webvtt import read_cues, to_webvtt

    cues = (
        Cue("title", 0.0, 1.25, "避難所 <開設> & 案内"),
        Cue("abc-1", 1.6, 3.0, "two\nlines"),
    )
    assert read_cues(to_webvtt(cues)) == cues
