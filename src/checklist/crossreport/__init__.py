"""Cross-report checks: text copied between reports, one issuer's year over year."""
