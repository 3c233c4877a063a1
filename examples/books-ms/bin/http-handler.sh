#!/bin/sh
# One HTTP exchange on stdin/stdout (the connection; `nc -ll -e` runs this per connection):
# reads the request line, the headers and exactly Content-Length bytes of body, runs the CGI
# script under $CGI_ROOT with the CGI environment, and answers with its output.
#
# Why not busybox httpd for the service: it hands a PUT body to a CGI only when the body
# arrived in the same read as the headers, so a client that writes them separately (Java's
# HttpClient does) loses the body. POST is unaffected, which is why books-db still uses httpd.
cr=$(printf '\r')
IFS=' ' read -r REQUEST_METHOD target protocol
target="${target%"$cr"}"
length=0
CONTENT_TYPE=''
while IFS= read -r header; do
  header="${header%"$cr"}"
  [ -n "$header" ] || break
  value="${header#*:}"
  value="${value# }"
  case "$header" in
    [Cc]ontent-[Ll]ength:*) length="$value" ;;
    [Cc]ontent-[Tt]ype:*) CONTENT_TYPE="$value" ;;
  esac
done

path="${target%%\?*}"
QUERY_STRING=''
case "$target" in *\?*) QUERY_STRING="${target#*\?}" ;; esac
# /cgi-bin/books/_id/1 → script cgi-bin/books, PATH_INFO /_id/1
script="$(printf '%s' "$path" | cut -d/ -f1-3)"
PATH_INFO="${path#"$script"}"
CONTENT_LENGTH="$length"
export REQUEST_METHOD QUERY_STRING PATH_INFO CONTENT_LENGTH CONTENT_TYPE

reply() { # reply STATUS CONTENT_TYPE BODY_FILE
  printf 'HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %s\r\nConnection: close\r\n\r\n' \
    "$1" "$2" "$(wc -c < "$3")"
  cat "$3"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case "$length" in ''|*[!0-9]*) length=0 ;; esac
if [ "$length" -gt 0 ]; then head -c "$length" > "$tmp/body"; else : > "$tmp/body"; fi

if [ ! -f "$CGI_ROOT$script" ] || [ ! -x "$CGI_ROOT$script" ] || [ "${script#/cgi-bin/}" = "$script" ]; then
  echo "no such resource: $path" > "$tmp/out"
  reply '404 Not Found' text/plain "$tmp/out"
  exit 0
fi
"$CGI_ROOT$script" < "$tmp/body" > "$tmp/cgi"

# The CGI's header lines (Status:, Content-Type:) end at the first empty line.
status='200 OK'
type='text/plain'
: > "$tmp/out"
in_headers=true
while IFS= read -r line || [ -n "$line" ]; do
  if $in_headers; then
    line="${line%"$cr"}"
    case "$line" in
      '') in_headers=false ;;
      Status:*) status="${line#Status: }" ;;
      Content-Type:*) type="${line#Content-Type: }" ;;
    esac
  else
    printf '%s\n' "$line" >> "$tmp/out"
  fi
done < "$tmp/cgi"
reply "$status" "$type" "$tmp/out"
echo "$REQUEST_METHOD $target -> $status" >&2
