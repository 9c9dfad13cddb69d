"""Talking-book editions of the published notices: EPUB 3 with Media Overlays and DAISY 2.02."""
