"""Kakehashi's orchestrator: settings, storage, workflow, jobs, pipeline, API, site and CLI."""
