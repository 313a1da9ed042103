#!/usr/bin/env bash
# Installs the real editor used by the integration tier (VS Code 1.100 server + web workbench from code-server)
# into an ignored cache folder, once. Safe to run again: it returns at once when the editor is already there.
# Needs the Debian packages chromium, ripgrep and libkrb5-dev (.ci/run installs them).
set -euo pipefail

version="${CODE_SERVER_VERSION:-4.100.3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${EDITOR_CACHE_DIR:-$root/.cache/editor}/code-server-$version"
bin="$dest/node_modules/.bin/code-server"

if [ -x "$bin" ] && [ -f "$dest/.installed" ]; then
  echo "editor: code-server $version already installed at $dest"
  exit 0
fi

for tool in rg chromium; do
  command -v "$tool" >/dev/null || { echo "editor: '$tool' is missing (apt-get install ripgrep chromium libkrb5-dev)" >&2; exit 1; }
done

# @vscode/ripgrep's postinstall downloads rg unless it finds its archive in this cache: hand it Debian's rg.
tmp="$(node -p 'require("os").tmpdir()')"
cache="$tmp/vscode-ripgrep-cache-1.15.11"
archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$archive" ]; then
  mkdir -p "$cache" "$cache/stage"
  cp "$(command -v rg)" "$cache/stage/rg"
  tar -czf "$archive" -C "$cache/stage" rg
  rm -rf "$cache/stage"
fi

mkdir -p "$dest"
cd "$dest"
[ -f package.json ] || echo '{"name":"editor-cache","private":true}' > package.json
start=$(date +%s)
# yes: node-pty's postinstall runs npx node-gyp; unsafe_perm: code-server's postinstall refuses root otherwise.
npm_config_yes=true npm_config_unsafe_perm=true npm_config_nodedir=/usr npm_config_loglevel=error \
  npm install --no-save --foreground-scripts --no-audit --no-fund "code-server@$version" > install.log 2>&1 || {
  echo "editor: npm install code-server@$version failed; last lines of $dest/install.log:" >&2
  tail -30 install.log >&2
  exit 1
}
touch .installed
echo "editor: installed code-server $version in $(( $(date +%s) - start )) s at $dest"
