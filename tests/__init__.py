"""The test suite: unit tests, build tests and browser tests."""
