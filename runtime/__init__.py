"""nodeshim: run unmodified Node.js node:http programs on QuickJS, trio and h11."""

from __future__ import annotations

__version__ = "0.1.0"
