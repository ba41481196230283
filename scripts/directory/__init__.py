"""The programme directory: YAML records -> validated model -> rendered pages.

Data flows one way through the subpackages and modules of this package:

    load        YAML files -> plain values with the line and column of each
    validate    JSON Schema, then the cross-record rules in validate/rules/
    model       typed, read-only records with their relations resolved
    render      Jinja templates -> Markdown pages (independent of MkDocs)
    mkdocs_hook the thin layer that hands the pages to MkDocs
"""
