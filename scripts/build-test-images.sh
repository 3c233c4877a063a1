#!/bin/sh
# Builds the images Slipway's Docker tests use, from host binaries only (nothing can be pulled):
#   slipway-test/busybox:latest  - FROM scratch + busybox-static, with sh, httpd, nc, wget, ...
# Idempotent: an image that already exists is left alone unless --force is given.
set -eu

force=false
[ "${1:-}" = "--force" ] && force=true

image=slipway-test/busybox:latest

if [ "$force" = false ] && docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image already present"
  exit 0
fi

busybox=""
for candidate in /bin/busybox /usr/bin/busybox; do
  if [ -x "$candidate" ] && file_out=$(ldd "$candidate" 2>&1) && echo "$file_out" | grep -q "not a dynamic"; then
    busybox=$candidate
    break
  fi
done
if [ -z "$busybox" ]; then
  if command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -q busybox-static >/dev/null
    busybox=/bin/busybox
  else
    echo "build-test-images: a static busybox is needed (Debian: apt-get install busybox-static)" >&2
    exit 1
  fi
fi

ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
cp "$busybox" "$ctx/busybox"
cat > "$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN mkdir -p /tmp /root /etc /workspace && echo "root:x:0:0:root:/root:/bin/sh" > /etc/passwd \
    && echo "root:x:0:" > /etc/group && chmod 1777 /tmp
CMD ["sh"]
DOCKERFILE
docker build -q -t "$image" "$ctx" >/dev/null
echo "built $image"
