"""One module per TTS engine; each turns text into verified :class:`audio.clip.Clip` values."""
