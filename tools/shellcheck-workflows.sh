#!/usr/bin/env bash
# Checks every `run:` script of the GitHub workflows with shellcheck, as the runner's shell runs them
# (bash). Usage: tools/shellcheck-workflows.sh [WORKFLOW.yml…] (default: .github/workflows/*.yml).
# Exits 0 when every script is clean, 1 when shellcheck reports anything, 2 when shellcheck is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v shellcheck >/dev/null 2>&1; then
  echo "shellcheck-workflows: shellcheck is not installed (Debian/Ubuntu: apt-get install shellcheck)" >&2
  exit 2
fi

if [ "$#" -eq 0 ]; then
  set -- .github/workflows/*.yml
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Write each `run:` script to its own file named after the workflow and the line of its `run:` key,
# after a first line `set -e`, as GitHub's default shell for bash (`bash -e {0}`).
# A block scalar (`run: |`) is every following line indented deeper than the key; `${{ … }}`
# expressions, which GitHub substitutes before the shell runs, become a plain word.
for wf in "$@"; do
  awk -v out="$work" -v wf="$(basename "$wf" .yml)" '
    function flush() { if (file != "") { close(file); file = "" } }
    {
      line = $0
      if (file != "") {
        match(line, /^ */)
        if (line ~ /^ *$/ || RLENGTH > indent) {
          gsub(/\$\{\{[^}]*\}\}/, "GITHUB_EXPRESSION", line)
          print substr(line, indent + 3) > file
          next
        }
        flush()
      }
      if (match(line, /^ *(- )?run: */)) {
        key = line; sub(/run:.*/, "", key); indent = length(key)
        body = substr(line, RSTART + RLENGTH)
        name = out "/" wf "-line" NR ".sh"
        print "set -e  # GitHub runs a run: script with bash -e" > name
        if (body ~ /^[|>][-+]?$/) { file = name }
        else {
          gsub(/\$\{\{[^}]*\}\}/, "GITHUB_EXPRESSION", body)
          print body > name; close(name)
        }
      }
    }
    END { flush() }
  ' "$wf"
done

count=$(find "$work" -name '*.sh' | wc -l)
if [ "$count" -eq 0 ]; then
  echo "shellcheck-workflows: no run: scripts found in $*" >&2
  exit 1
fi
status=0
cd "$work"
# Reports name the script as WORKFLOW-lineN.sh: the `run:` key is at line N of WORKFLOW.yml, and the
# script's line 2 is the line after it.
for f in *.sh; do
  if ! shellcheck --shell=bash "$f"; then
    status=1
  fi
done
if [ "$status" -eq 0 ]; then
  echo "shellcheck-workflows: $count run: scripts in $#" "workflow file(s), shellcheck clean"
fi
exit "$status"
