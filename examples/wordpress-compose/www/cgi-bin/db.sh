# The database client of the front end's CGI scripts (sourced): WORDPRESS_DB_* say where and who.
db_url() {
  echo "http://${WORDPRESS_DB_HOST}/cgi-bin/kv?db=${WORDPRESS_DB_NAME}&user=${WORDPRESS_DB_USER}&password=${WORDPRESS_DB_PASSWORD}$1"
}
param() { echo "$QUERY_STRING" | tr '&' '\n' | sed -n "s/^$1=//p" | head -n 1; }
reply() { printf 'Status: %s\r\nContent-Type: text/plain\r\n\r\n%s\n' "$1" "$2"; exit 0; }
