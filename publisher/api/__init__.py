"""The HTTP API under /api/v1: bulletins, their workflow, and jobs."""
