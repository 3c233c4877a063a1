# Sourced by ./test: tmux, the real terminal the REPL's terminal test (ReplTmuxIT) drives with
# send-keys and reads with capture-pane.
need tmux tmux
command -v tmux >/dev/null 2>&1 || fail "tmux is needed by the REPL terminal test and could not be installed"
log "tmux $(tmux -V 2>/dev/null | cut -d' ' -f2)"
