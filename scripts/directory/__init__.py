"""The programme directory: YAML records -> validated model -> rendered pages.

Data flows one way through the subpackages and modules of this package:

    load        YAML files -> plain values with the line and column of each
    validate    JSON Schema, then the cross-record rules in validate/rules/
    model       typed, read-only records with their relations resolved
    render      Jinja templates -> Markdown pages (independent of MkDocs);
                render/urls.py: where every page and file stands
    exports     the open data; search: the search index, as bytes
    site        build(folder) -> Site(problems, directory, files): every
                generated file, which the MkDocs hook (scripts/mkdocs_hooks.py),
                ``python -m directory render``, the bench and the tests take
"""
