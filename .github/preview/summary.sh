#!/usr/bin/env bash
# The lines of the checks' summary that say how to view the preview
# (checks.yml). ARTIFACT_URL: the address of the artifact, the output of the
# upload step (empty when unknown). Prints Markdown.
set -euo pipefail
link="**site-preview** (under Artifacts at the bottom of this page)"
if [ -n "${ARTIFACT_URL:-}" ]; then
  link="[site-preview](${ARTIFACT_URL})"
fi
cat <<EOT
### Preview of the site

Download ${link}, unzip it, open a terminal in the unzipped folder and run

    python3 -m http.server --directory site 8000

Then open <http://127.0.0.1:8000/> in your browser (Ctrl+C stops it). Search
and the filters of "Find programmes" work only this way, not when
\`index.html\` is opened as a file. \`README.txt\` in the preview says the
same, step by step.
EOT
