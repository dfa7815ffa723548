"""The async client for Crucible API v3 (`pycrucible.AsyncCrucibleClient`).

Hand-written here: the async I/O (`_transport`, `_limits`, `_http`, `_base`, `pages`,
`_delegate`, `_wait`, the transfers) and `client.AsyncCrucibleClient`. Every other module is
generated from its sync source in `pycrucible/_v3/` by `scripts/unasync` (its header says so).
"""
