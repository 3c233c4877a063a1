#!/bin/sh
# End-to-end test of a running nerd-dinner: web → api → db → message handler.
set -e
web="http://${WEB_HOST:?}"; api="http://${API_HOST:?}"; db="http://${DB_HOST:?}"
step() { echo "e2e: $*"; }

step "the home page answers"
wget -q -O - "$web/" | grep -q '<h1>Nerd Dinner</h1>'

step "the api creates a dinner"
created=$(wget -q -O - --post-data '{"id": 7, "title": "Pipelines and pizza"}' "$api/cgi-bin/dinners")
echo "$created" | grep -q '"id": 7'

step "the api lists it"
wget -q -O - "$api/cgi-bin/dinners" | grep -q 'Pipelines and pizza'

step "the message handler indexes it"
i=0
until wget -q -O /dev/null "$db/cgi-bin/kv?k=indexed-7" 2>/dev/null; do
  i=$((i + 1))
  [ "$i" -le 50 ] || { echo "e2e: dinner 7 was never indexed"; exit 1; }
  usleep 200000
done

step "the web front end shows it"
wget -q -O - "$web/cgi-bin/home" | grep -q '<li>Pipelines and pizza</li>'
echo "e2e: all checks passed"
