"""Ingest: bytes in any format → normalised lines with offsets, page clutter set aside."""
