#!/bin/sh
# PUTs every connector JSON of a folder to a Connect worker: PUT /connectors/<name>/config (create or update).
# Usage: register-connectors.sh <connect-url> <folder>
set -eu
url=$1
dir=$2
for file in "$dir"/*.json; do
  name=$(sed -n 's/^ *"name": *"\([^"]*\)".*/\1/p' "$file" | head -n 1)
  [ -n "$name" ] || { echo "no \"name\" in $file" >&2; exit 1; }
  echo "registering $name from $file"
  curl -fsS -X PUT -H 'Content-Type: application/json' --data-binary "@$file" \
    "$url/connectors/$name/config" || { echo "Connect rejected $file" >&2; exit 1; }
  echo
done
