#!/bin/sh
# Pre-deployment unit tests: the service's and the database's CGI code run directly
# (no web server), against a scratch directory instead of the database container.
app="${APP:-/app}"
. "$app/lib/http.sh"
. "$app/lib/books.sh"

passed=0
failed=0
check() { # check NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then
    passed=$((passed + 1)); echo "ok   $1"
  else
    failed=$((failed + 1)); echo "FAIL $1: expected [$2], got [$3]"
  fi
}
contains() { # contains NAME NEEDLE HAYSTACK
  case "$3" in
    *"$2"*) check "$1" x x ;;
    *) check "$1" "...$2..." "$3" ;;
  esac
}

export BOOKS_DATA="$(mktemp -d)"
unset DB_HOST
book1='{"_id": 1, "title": "The DevOps 2.0 Toolkit", "author": "Viktor Farcic"}'
book2='{"_id": 2, "title": "Continuous Delivery", "author": "Jez Humble"}'

check 'book_id reads _id' 1 "$(book_id "$book1")"
check 'book_id of a record without _id' '' "$(book_id '{"title": "x"}')"
check 'a complete book is valid' '' "$(validate_book "$book2")"
check 'a book without author is rejected' 'missing string "author"' "$(validate_book '{"_id": 3, "title": "x"}')"
check 'json_array joins lines' '[1,2]' "$(printf '1\n\n2\n' | json_array)"
check 'json_array of nothing' '[]' "$(printf '' | json_array)"
check 'query_param finds k' 42 "$(QUERY_STRING='op=get&k=42' query_param k)"
check 'valid_key refuses paths' 1 "$(valid_key '../etc'; echo $?)"

put() { printf '%s' "$1" | HTTP_CONTENT_LENGTH=${#1} handle PUT /; }
contains 'PUT stores a book' 'Status: 200 OK' "$(put "$book1")"
put "$book2" > /dev/null
contains 'PUT of an invalid book is a 400' 'Status: 400' "$(put '{"title": "no id"}')"
contains 'GET /_id/1 returns the book' '"title": "The DevOps 2.0 Toolkit"' "$(handle GET /_id/1)"
contains 'GET / lists both books' "[$book1,$book2]" "$(handle GET /)"
contains 'GET of a missing book is a 404' 'Status: 404' "$(handle GET /_id/9)"
handle DELETE /_id/1 > /dev/null
contains 'DELETE removes the book' "[$book2]" "$(handle GET /)"
contains 'POST is not supported' 'Status: 405' "$(handle POST /)"

http() { # http RAW_REQUEST: one exchange through the service's HTTP front end
  printf "$1" | CGI_ROOT="$app/www" sh "$app/bin/http-handler.sh" 2>/dev/null
}
book3='{"_id": 3, "title": "The Phoenix Project", "author": "Gene Kim"}'
contains 'HTTP PUT passes the body to the CGI' 'HTTP/1.1 200 OK' \
  "$(http "PUT /cgi-bin/books HTTP/1.1\r\nContent-Length: ${#book3}\r\n\r\n$book3")"
contains 'HTTP GET with PATH_INFO' '"Gene Kim"' "$(http 'GET /cgi-bin/books/_id/3 HTTP/1.1\r\n\r\n')"
contains 'HTTP maps Status: to the status line' 'HTTP/1.1 404 Not Found' \
  "$(http 'GET /cgi-bin/books/_id/404 HTTP/1.1\r\n\r\n')"
contains 'HTTP outside cgi-bin is a 404' 'HTTP/1.1 404' "$(http 'GET /etc/passwd HTTP/1.1\r\n\r\n')"

kv() { # kv METHOD QUERY [BODY]: runs the database CGI
  printf '%s' "$3" | KV_DATA="$BOOKS_DATA/kv" REQUEST_METHOD="$1" QUERY_STRING="$2" \
    CONTENT_LENGTH=${#3} sh "$app/db/cgi-bin/kv"
}
kv POST k=7 '{"_id": 7}' > /dev/null
contains 'kv GET returns what POST stored' '{"_id": 7}' "$(kv GET k=7)"
contains 'kv lists values' '{"_id": 7}' "$(kv GET '')"
contains 'kv refuses bad keys' 'Status: 400' "$(kv GET 'k=../x')"
kv POST 'k=7&op=delete' > /dev/null
contains 'kv delete removes the key' 'Status: 404' "$(kv GET k=7)"

rm -rf "$BOOKS_DATA"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
