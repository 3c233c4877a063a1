#!/bin/sh
# Starts a Docker registry (Debian's docker-registry, distribution 2.8) on 127.0.0.1:PORT with
# its storage in a fresh temp directory, optionally behind htpasswd basic auth.
#
#   scripts/start-registry.sh PORT [USER:PASSWORD]
#
# Prints the registry's pid and directory as shell assignments (REGISTRY_PID=..., REGISTRY_DIR=...)
# and returns once /v2/ answers. Stop it with: kill $REGISTRY_PID; rm -rf $REGISTRY_DIR
set -eu

port=${1:?usage: start-registry.sh PORT [USER:PASSWORD]}
auth=${2:-}

if ! command -v docker-registry >/dev/null 2>&1; then
  apt-get install -y -q docker-registry >/dev/null
fi

dir=$(mktemp -d /tmp/slipway-registry-XXXXXX)
mkdir -p "$dir/data"

auth_block=""
if [ -n "$auth" ]; then
  user=${auth%%:*}
  pass=${auth#*:}
  if command -v htpasswd >/dev/null 2>&1; then
    htpasswd -Bbn "$user" "$pass" > "$dir/htpasswd"
  elif python3 -c "import crypt" 2>/dev/null; then
    # bcrypt through glibc's crypt(3): the same $2b$ hashes htpasswd -B writes
    python3 -W ignore -c 'import crypt,sys; print(sys.argv[1] + ":" + crypt.crypt(sys.argv[2], crypt.mksalt(crypt.METHOD_BLOWFISH)))' \
      "$user" "$pass" > "$dir/htpasswd"
  else
    apt-get install -y -q apache2-utils >/dev/null
    htpasswd -Bbn "$user" "$pass" > "$dir/htpasswd"
  fi
  auth_block="auth:
  htpasswd:
    realm: slipway-test
    path: $dir/htpasswd"
fi

cat > "$dir/config.yml" <<CONFIG
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
$auth_block
CONFIG

docker-registry serve "$dir/config.yml" > "$dir/registry.log" 2>&1 &
pid=$!

i=0
status() {
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v2/" || true
  else
    wget -q -S -O /dev/null "http://127.0.0.1:$port/v2/" 2>&1 | awk '/HTTP\//{print $2}' | tail -1
  fi
}
until code=$(status) && { [ "$code" = 200 ] || [ "$code" = 401 ]; }; do
  i=$((i + 1))
  if [ $i -gt 100 ] || ! kill -0 "$pid" 2>/dev/null; then
    echo "start-registry: registry on port $port did not start:" >&2
    cat "$dir/registry.log" >&2
    kill "$pid" 2>/dev/null || true
    exit 1
  fi
  sleep 0.1
done
echo "REGISTRY_PID=$pid"
echo "REGISTRY_DIR=$dir"
