"""The static site: gather published content, render it, write it atomically."""
