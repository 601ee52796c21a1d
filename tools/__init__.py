"""Helpers for tests and benchmarks: start the assistant's servers on loopback."""
