"""One test module a rule (test_<rule id>.py), and the core that applies them.

A package, so that a module here may share its name with one in tests/unit
(test_editor_schema.py tests the rule here, the schema file there)."""
