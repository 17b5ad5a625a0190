# Sourced by scripts/e2e and scripts/a11y: the binary, a browser and the node packages.
# Builds the debug binary unless CRISISMAP_BIN names one; installs Chromium (Debian) and the
# pinned node packages when they are missing.

if [ -z "${CRISISMAP_BIN:-}" ]; then
  cargo build -p crisismap --locked
  export CRISISMAP_BIN="$PWD/target/debug/crisismap"
fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
export CHROMIUM_BIN="${CHROMIUM_BIN:-$(command -v chromium)}"

if ! command -v node >/dev/null 2>&1; then
  echo "node (20 or newer) is needed: apt-get install nodejs npm" >&2
  exit 1
fi
if [ ! -d e2e/node_modules ]; then
  (cd e2e && npm ci --no-audit --no-fund)
fi
