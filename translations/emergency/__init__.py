"""Emergency notices from templates whose wording people wrote and a city reviewed.

Disaster wording is where machine translation is least acceptable, so an emergency notice is
never translated: each template (``templates/*.toml``) carries its text in Japanese, やさしい
日本語 and every site language, with the source of every string, and only the slots (areas,
shelters, times, seismic intensity, phone numbers) are filled in at alert time. This package
is a plain library: it loads and validates the files and renders a template with its slots in
one language; storage, review status and publishing live in ``publisher``.
"""
