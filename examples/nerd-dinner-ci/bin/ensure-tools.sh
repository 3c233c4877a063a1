#!/bin/sh
# ensure-tools.sh TOOL...: makes sure every busybox applet the example's scripts use is a command.
# Nothing to do on the default base (slipway-test/busybox); on alpine (`-p base=alpine:3.20`) it
# adds busybox-extras (httpd), on debian/ubuntu Debian's busybox, and links each missing applet.
set -e
missing=''
for tool in "$@"; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
[ -n "$missing" ] || exit 0
echo "ensure-tools: providing$missing"
if command -v apk >/dev/null 2>&1; then
  apk add --no-cache busybox-extras >/dev/null
elif command -v apt-get >/dev/null 2>&1; then
  apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends busybox >/dev/null
  rm -rf /var/lib/apt/lists/*
fi
mkdir -p /usr/local/bin
for tool in $missing; do
  command -v "$tool" >/dev/null 2>&1 && continue
  for multi in busybox-extras busybox; do
    bin=$(command -v "$multi" 2>/dev/null) || continue
    if "$bin" --list 2>/dev/null | grep -qx "$tool"; then
      ln -s "$bin" "/usr/local/bin/$tool"   # a multi-call binary runs the applet named by argv[0]
      break
    fi
  done
  command -v "$tool" >/dev/null 2>&1 || { echo "ensure-tools: no $tool in this base image" >&2; exit 1; }
done
