"""Settings for the whole suite.

The suites written for the seed-era API run against the local server's seed-era API, so they
name that version (`CRUCIBLE_API_VERSION=v1`) instead of having every client ask the server
first. The API v3 suites and the version tests choose the version themselves (argument or
environment), which takes precedence.
"""

from __future__ import annotations

import os

os.environ.setdefault("CRUCIBLE_API_VERSION", "v1")
