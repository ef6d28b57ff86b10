"""Runs Node's own test files (test/parallel) under nodeshim; see README."""
