# Sourced by ./test: what the network simulation tests need to assemble the helper image offline
# (io.slipway.netsim.HelperImage): the host's tc, ip, iptables (+ their xtables extensions),
# busybox, and gcc with a static libc for the NFQUEUE delayer (raw netlink: no libnetfilter-queue
# needed, so the helper image carries a static binary).
need /usr/sbin/tc iproute2
need /usr/sbin/ip iproute2
need /usr/sbin/iptables iptables
need /bin/busybox busybox-static
need gcc gcc
[[ -e /usr/lib/x86_64-linux-gnu/libc.a ]] || apt_install libc6-dev
[[ -e /usr/include/linux/netfilter/nfnetlink_queue.h ]] || apt_install linux-libc-dev
[[ -d /usr/lib/x86_64-linux-gnu/xtables ]] || fail "iptables extensions missing (/usr/lib/x86_64-linux-gnu/xtables)"
log "netsim: host tools for the helper image present (tc, ip, iptables, busybox, gcc -static)"
