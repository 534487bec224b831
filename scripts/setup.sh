#!/usr/bin/env bash
# Installs what the build needs beyond the Swift toolchain: libcmark (Debian libcmark-dev),
# libvips 8.14 for photos (Debian libvips-dev) and SQLite for the counter server (Debian
# libsqlite3-dev), with pkg-config to find them.
# Safe to run again: it does nothing when the libraries are already there.
set -euo pipefail
if pkg-config --exists libcmark vips sqlite3 2>/dev/null; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "setup: installing libcmark-dev, libvips-dev, libsqlite3-dev and pkg-config" >&2
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev libvips-dev libsqlite3-dev pkg-config \
  >/dev/null
pkg-config --exists libcmark vips sqlite3
