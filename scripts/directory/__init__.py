"""The programme directory: YAML records -> validated model -> rendered pages.

Data flows one way through the subpackages and modules of this package:

    load        YAML files -> plain values with the line and column of each;
                how a value is written back (quote), where comments stand
    schema      the schema and every fact about a field it holds (which fields
                hold ids, terms, addresses, dates, numbers); the records of a
                data folder (records), partial dates, ECMA-262 patterns
    validate    JSON Schema (schema_check), then the cross-record rules in validate/rules/
    model       typed, read-only records with their relations resolved;
                facets: the facets' names and the age bands (search, pictures)
    pictures    the Coverage matrix and the timelines, computed from the model,
                and their drawings' geometry (rendered by render/pictures.py)
    render      Jinja templates -> Markdown pages (independent of MkDocs);
                render/urls.py: where every page and file stands
    exports     the open data (YAML, JSON, each record as JSON, the CSV data
                package); search: the search index, as bytes
    history     each record's last change and the newest changes, from git
    site        build(folder) -> Site(problems, directory, files): every
                generated file, which the MkDocs hook (scripts/mkdocs_hooks.py),
                ``python -m directory render``, the bench and the tests take
                their files from it

Apart from the build: the editors' tools (tools: fmt, new, links; and
schema.editor, the schema for editors' tools), which read with load and ask
schema as the build does. review says which records are due for review, for
the rule, the links report and the review page alike.
"""
