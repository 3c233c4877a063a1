#!/bin/sh
# Serves the CGI scripts under ROOT (ROOT/cgi-bin/...) on PORT: busybox nc accepts each
# connection and runs bin/http-handler.sh on it. A shell in front traps SIGTERM, which nc as
# PID 1 would ignore (docker stop would wait its whole timeout).
export CGI_ROOT="${1:-/app/www}"
port="${2:-8080}"
here="$(cd "$(dirname "$0")" && pwd)"
if command -v nc >/dev/null 2>&1; then nc=nc; else nc="busybox nc"; fi
$nc -ll -p "$port" -e "$here/http-handler.sh" &
pid=$!
trap 'kill "$pid" 2>/dev/null; exit 0' TERM INT
echo "serving $CGI_ROOT/cgi-bin on :$port"
wait "$pid"
