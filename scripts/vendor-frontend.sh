#!/bin/sh
# Re-vendor the web page's front-end libraries from the npm registry, pinned by exact version and
# checked against the registry's integrity hash. Run by `make vendor`; the result is committed so
# nothing is fetched at run time.
set -eu
DEST=src/chronicle/serve/static/vendor
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# name version file-inside-package...
vendor() {
    name=$1 version=$2
    shift 2
    (cd "$TMP" && npm pack --silent "$name@$version" --json > "$name.json")
    tarball=$(cd "$TMP" && ls "$name"-"$version".tgz)
    want=$(cd "$TMP" && npm view "$name@$version" dist.integrity)
    got="sha512-$(openssl dgst -sha512 -binary "$TMP/$tarball" | openssl base64 -A)"
    [ "$want" = "$got" ] || { echo "$name@$version: integrity mismatch" >&2; exit 1; }
    mkdir -p "$DEST/$name" "$TMP/$name"
    tar -xzf "$TMP/$tarball" -C "$TMP/$name"
    for file in "$@"; do cp "$TMP/$name/package/$file" "$DEST/$name/"; done
    cp "$TMP/$name/package/"LICENSE* "$DEST/$name/" 2>/dev/null || true
    echo "$name@$version $want" >> "$DEST/VERSIONS.tmp"
}
rm -f "$DEST/VERSIONS.tmp"
vendor cytoscape 3.28.1 dist/cytoscape.min.js
# d3 draws the time series and the map; world-atlas is Natural Earth 1:110m as TopoJSON (offline map).
vendor d3 7.9.0 dist/d3.min.js
vendor topojson-client 3.1.0 dist/topojson-client.min.js
vendor world-atlas 2.0.2 countries-110m.json
# axe-core is injected by the accessibility test only; the page never loads it.
vendor axe-core 4.10.2 axe.min.js
# the API docs pages (/docs and /redoc) load these instead of a CDN, so they work offline
vendor swagger-ui-dist 5.35.0 swagger-ui-bundle.js swagger-ui.css favicon-32x32.png
vendor redoc 2.5.4 bundles/redoc.standalone.js
mv "$DEST/VERSIONS.tmp" "$DEST/VERSIONS"
