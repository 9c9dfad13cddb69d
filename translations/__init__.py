"""Kakehashi's translation library: segmentation, protected tokens, engines, quality checks.

A plain library: it never imports ``publisher`` or ``audio``, and importing it loads no model
and no heavy dependency (CTranslate2, SentencePiece and argostranslate are imported lazily).
"""
