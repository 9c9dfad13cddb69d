"""The staff workspace at ``/staff/``: pages over the same domain code as the API."""
