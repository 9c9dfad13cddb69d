"""Documents staff already have, turned into a bulletin's title and Markdown body."""
