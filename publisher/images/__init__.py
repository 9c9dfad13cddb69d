"""Bulletin images: checked and made fit for the web, stored by content, reviewed per revision."""
