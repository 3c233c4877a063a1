#!/bin/sh
# Serves DIR over HTTP on PORT with busybox httpd in the foreground. httpd as PID 1 would ignore
# SIGTERM (docker stop would wait its whole timeout), so a shell traps it instead.
dir="$1"
port="$2"
httpd -f -p "$port" -h "$dir" &
pid=$!
trap 'kill "$pid" 2>/dev/null; exit 0' TERM INT
echo "serving $dir on :$port"
wait "$pid"
