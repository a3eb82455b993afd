"""Dev-only scaffolding, never shipped in the wheel: the replica web used by tests, benches and
fixtures, the analysis scoring helper, and the migration regenerator.

Importable from the repository root (pytest's `pythonpath = ["."]`, the bench scripts' root
insertion, or an editable install).
"""
