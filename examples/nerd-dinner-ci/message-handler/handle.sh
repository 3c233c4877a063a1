#!/bin/sh
# nerd-dinner-message-handler: takes events off the db's queue and indexes each new dinner
# (the save/index handlers of the original, merged). Exits cleanly on SIGTERM.
db="http://${DB_HOST:?DB_HOST is not set}/cgi-bin/kv"
trap 'echo "message handler stopping"; exit 0' TERM INT
echo "message handler listening on $db?k=events"
while true; do
  event=$(wget -q -O - --post-data '' "$db?k=events&op=pop" 2>/dev/null)
  case "$event" in
    'dinner-created '*)
      id="${event#dinner-created }"
      if wget -q -O /dev/null --post-data "{\"id\": $id, \"indexed\": true}" "$db?k=indexed-$id"; then
        echo "handled: $event"
      fi ;;
    '') sleep 1 & wait $! ;;
    *) echo "ignored unknown event: $event" ;;
  esac
done
