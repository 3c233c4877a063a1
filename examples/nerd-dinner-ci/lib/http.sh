# CGI helpers shared by the books service and its database (busybox sh).

# respond STATUS BODY: one complete CGI response with a JSON body.
respond() {
  printf 'Status: %s\r\nContent-Type: application/json\r\n\r\n%s\n' "$1" "$2"
}

# request_body: the request body on stdin. Busybox httpd passes CONTENT_LENGTH for POST
# only; for PUT the length arrives as the HTTP_CONTENT_LENGTH header variable.
request_body() {
  len="${CONTENT_LENGTH:-$HTTP_CONTENT_LENGTH}"
  if [ -n "$len" ] && [ "$len" -gt 0 ]; then
    head -c "$len"
  fi
}

# query_param NAME: the value of NAME in QUERY_STRING (no percent-decoding: keys are plain).
query_param() {
  printf '%s\n' "$QUERY_STRING" | tr '&' '\n' | sed -n "s/^$1=//p" | head -n 1
}

# valid_key KEY: true for keys made of letters, digits, '-' and '_' (no paths).
valid_key() {
  case "$1" in
    '' | *[!A-Za-z0-9_-]*) return 1 ;;
    *) return 0 ;;
  esac
}
