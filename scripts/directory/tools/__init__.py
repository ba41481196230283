"""The editors' tools, apart from the build: each is a command of ``python -m directory``.

* ``fmt``: write the data files in the standard layout (``make fmt``, ``make fmt-check``);
* ``new``: start a record from a commented template (``make new``);
* ``links``: check the data's web addresses and list the records due for review (``make links``).

``schema`` (``make schema``, the schema for editors' tools) is
``directory.schema.editor``. They read the data with ``directory.load`` and
ask ``directory.schema`` about fields, as the build does.
"""
