#!/bin/sh
# The "compiler": links the sources into one executable under $1/bin, stamping the build.
set -e
out="$1"
mkdir -p "$out/bin"
{
  echo '#!/bin/sh'
  echo "BUILT_AT='$(date -u +%Y-%m-%dT%H:%M:%SZ)'"
  cat /src/hello.sh /src/main.sh
} > "$out/bin/hello"
chmod +x "$out/bin/hello"
echo "linked $out/bin/hello ($(wc -c < "$out/bin/hello") bytes)"
