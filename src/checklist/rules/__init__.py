"""Rules: standards (YAML), matchers, quality checks, the engine and its result."""
