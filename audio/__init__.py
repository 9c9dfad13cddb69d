"""Kakehashi audio: voices per language, offline TTS engines, timings, MP3 and WebVTT.

A plain library: it never imports ``publisher`` or ``translations``, and importing it starts no
engine and loads no model, so that the publisher can import it cheaply anywhere.  The publisher
calls :func:`audio.tracks.render_tracks` (many tracks at once, on every core); the other
modules are the stages it is built from.
"""
