"""Pictures of the field: what the directory's records say at a glance.

Three pictures, each a model here and a drawing in the templates
(render/templates/pictures/, through :mod:`directory.render.pictures`):

    coverage   themes by age band and themes by country: how many programmes
               each cell has (the age bands are the search index's own,
               ``search.build.age_bands``)
    timeline   programmes' stated periods and the dated events of their
               records on one time axis, grouped by country; a date is drawn
               as the time it covers (a year as the whole year)
    draw       the geometry of both drawings (positions, sizes, shading
               levels), so that the SVG templates only write elements

The comparison of programmes side by side needs no model: the compare page
reads the facts from the programmes' own pages in the browser
(docs/assets/directory/compare.js). Nothing here knows about pages, MkDocs or
the reader's language.
"""
