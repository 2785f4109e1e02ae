#!/usr/bin/env bash
# Refreshes the front-end files vendored in the repository from the npm registry, at pinned versions, so that a
# fresh machine builds and runs the pages with only a JDK and Maven (no npm, no CDN at run time).
#   - DSFR (French State design system): core CSS + JS, the few components the pages use, the Marianne fonts,
#     the icons those CSS files reference, and the licence -> registration-service/src/main/resources/static/dsfr/
#   - the same DSFR files for the staff pages -> backoffice-service/src/main/resources/static/dsfr/
#   - axe-core (accessibility rules injected by the browser tests) -> end-to-end-tests/src/test/resources/axe/
# Usage: registration-service/web/refresh-dsfr.sh   (needs node/npm and the registry; then commit the changes)
set -euo pipefail

DSFR_VERSION=1.15.3
AXE_VERSION=4.14.1
# Components the pages use: keep this list short (each page's first load must stay under 300 KB compressed).
COMPONENTS=(header footer logo skiplink button form input select radio checkbox alert password badge callout notice link)

root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@gouvfr/dsfr@${DSFR_VERSION}" "axe-core@${AXE_VERSION}" >/dev/null)
mkdir -p "$work/dsfr" "$work/axe"
tar xzf "$work/gouvfr-dsfr-${DSFR_VERSION}.tgz" -C "$work/dsfr"
tar xzf "$work/axe-core-${AXE_VERSION}.tgz" -C "$work/axe"

src="$work/dsfr/package/dist"
out="$root/registration-service/src/main/resources/static/dsfr"
rm -rf "$out"
mkdir -p "$out/core"
cp "$src/core/core.min.css" "$src/core/core.module.min.js" "$out/core/"
for component in "${COMPONENTS[@]}"; do
  mkdir -p "$out/component/$component"
  cp "$src/component/$component/$component.min.css" "$out/component/$component/"
  if [ -f "$src/component/$component/$component.module.min.js" ]; then
    cp "$src/component/$component/$component.module.min.js" "$out/component/$component/"
  fi
done
# Files the copied CSS points at (fonts, icons), resolved relative to each CSS file. Only woff2 fonts are kept:
# every browser the service supports reads them, and the CSS lists woff2 first.
find "$out" -name '*.css' | while read -r css; do
  dir="$(dirname "${css#"$out"/}")"
  { grep -o 'url([^)]*)' "$css" || true; } | sed -e 's/^url(//' -e 's/)$//' -e 's/^["'"'"']//' -e 's/["'"'"']$//' \
    | { grep -v -e '^data:' -e '\.woff$' || true; } | sort -u | while read -r ref; do
      target="$(realpath -m --relative-to="$src" "$src/$dir/$ref")"
      if [ -f "$src/$target" ]; then
        mkdir -p "$out/$(dirname "$target")"
        cp "$src/$target" "$out/$target"
      fi
    done
done
# Spectral (a serif for editorial content) is never used by these pages.
rm -f "$out"/fonts/Spectral-*
# One stylesheet for the pages (core first, then the components in the order above): one request instead of seventeen.
# url(...) references become absolute (/dsfr/...), so they still point at the files copied above.
node - "$out" "${COMPONENTS[@]}" <<'NODE'
const fs = require('fs'), path = require('path');
const [out, ...components] = process.argv.slice(2);
const files = ['core/core.min.css', ...components.map(c => `component/${c}/${c}.min.css`)];
const css = files.map(file => fs.readFileSync(path.join(out, file), 'utf8')
  .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '')
  .replace(/url\((["']?)([^)"']+)\1\)/g, (all, quote, ref) => ref.startsWith('data:') ? all
    : `url(${quote}/dsfr/${path.posix.normalize(path.posix.join(path.posix.dirname(file), ref))}${quote})`)).join('\n');
fs.writeFileSync(path.join(out, 'medimail-dsfr.min.css'), css);
NODE
rm -f "$out/core/core.min.css" "$out"/component/*/*.min.css
# Served pre-compressed (spring.web.resources.chain.compressed): no gzip work per request.
find "$out" \( -name '*.css' -o -name '*.js' \) -exec gzip -9 -k -f {} \;
cp "$work/dsfr/package/LICENSE.md" "$out/LICENSE.md"
echo "@gouvfr/dsfr@${DSFR_VERSION} (npm), files selected by registration-service/web/refresh-dsfr.sh" > "$out/VERSION"

# The back office's staff pages are DSFR pages too: they serve the very same files.
backoffice_out="$root/backoffice-service/src/main/resources/static/dsfr"
rm -rf "$backoffice_out"
cp -r "$out" "$backoffice_out"

axe_out="$root/end-to-end-tests/src/test/resources/axe"
rm -rf "$axe_out"
mkdir -p "$axe_out"
cp "$work/axe/package/axe.min.js" "$work/axe/package/LICENSE" "$axe_out/"
echo "axe-core@${AXE_VERSION} (npm)" > "$axe_out/VERSION"

du -sh "$out" "$backoffice_out" "$axe_out"
