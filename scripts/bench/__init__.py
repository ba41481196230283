"""Benchmarks of the directory at scale.

``python -m bench.synthetic N OUT`` writes a valid data folder of N synthetic,
realistic programme records; ``python -m bench.run --n 1000`` generates,
validates and builds such folders and prints how long each step takes and how
large the site gets. Nothing in the directory package imports this package.
"""
