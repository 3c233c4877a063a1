# The books service's logic, kept out of the CGI entry point so that tests/run-tests.sh can
# exercise it without a web server. Records are JSON objects with a numeric "_id".
#
# Storage: with DB_HOST set (host:port of the books-db container) records go to its key-value
# CGI over HTTP; without it (unit tests) they live as files in $BOOKS_DATA.

# book_id JSON: the numeric _id of a record, empty when there is none.
book_id() {
  printf '%s' "$1" | tr -d '\n' | sed -n 's/.*"_id"[[:space:]]*:[[:space:]]*\([0-9][0-9]*\).*/\1/p'
}

# has_field JSON NAME: true when the record has a string field NAME.
has_field() {
  printf '%s' "$1" | grep -q "\"$2\"[[:space:]]*:[[:space:]]*\""
}

# validate_book JSON: prints the problem and fails when the record is not a book.
validate_book() {
  [ -n "$(book_id "$1")" ] || { echo 'missing numeric "_id"'; return 1; }
  for field in title author; do
    has_field "$1" "$field" || { echo "missing string \"$field\""; return 1; }
  done
}

store_put() {
  if [ -n "$DB_HOST" ]; then
    wget -q -O /dev/null --post-data "$2" "http://$DB_HOST/cgi-bin/kv?k=$1"
  else
    mkdir -p "$BOOKS_DATA" && printf '%s' "$2" > "$BOOKS_DATA/$1"
  fi
}

store_get() {
  if [ -n "$DB_HOST" ]; then
    wget -q -O - "http://$DB_HOST/cgi-bin/kv?k=$1" 2>/dev/null
  else
    [ -f "$BOOKS_DATA/$1" ] && cat "$BOOKS_DATA/$1"
  fi
}

store_delete() {
  if [ -n "$DB_HOST" ]; then
    wget -q -O /dev/null --post-data '' "http://$DB_HOST/cgi-bin/kv?k=$1&op=delete"
  else
    rm -f "$BOOKS_DATA/$1"
  fi
}

# store_all: every stored record, one per line.
store_all() {
  if [ -n "$DB_HOST" ]; then
    wget -q -O - "http://$DB_HOST/cgi-bin/kv"
  else
    [ -d "$BOOKS_DATA" ] || return 0
    for f in "$BOOKS_DATA"/*; do
      [ -f "$f" ] && { cat "$f"; echo; }
    done
  fi
}

# json_array: joins the non-empty lines of stdin into a JSON array.
json_array() {
  printf '['
  sep=''
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    printf '%s%s' "$sep" "$line"
    sep=','
  done
  printf ']'
}

# handle METHOD PATH_INFO: answers one request on stdout (body on stdin).
#   PUT    /            store the JSON record in the body
#   GET    /            all records as a JSON array
#   GET    /_id/<id>    one record
#   DELETE /_id/<id>    remove one record
handle() {
  case "$1 $2" in
    'PUT '|'PUT /')
      body=$(request_body)
      if problem=$(validate_book "$body"); then
        store_put "$(book_id "$body")" "$body" \
          && respond '200 OK' "$body" \
          || respond '503 Service Unavailable' '{"error":"database unavailable"}'
      else
        respond '400 Bad Request' "{\"error\":\"$problem\"}"
      fi ;;
    'GET '|'GET /')
      respond '200 OK' "$(store_all | json_array)" ;;
    'GET /_id/'*)
      id="${2#/_id/}"
      if valid_key "$id" && record=$(store_get "$id") && [ -n "$record" ]; then
        respond '200 OK' "$record"
      else
        respond '404 Not Found' "{\"error\":\"no book with _id $id\"}"
      fi ;;
    'DELETE /_id/'*)
      id="${2#/_id/}"
      valid_key "$id" && store_delete "$id"
      respond '200 OK' "{\"deleted\":\"$id\"}" ;;
    *)
      respond '405 Method Not Allowed' "{\"error\":\"$1 $2 is not supported\"}" ;;
  esac
}
