# What the scripts share. Source it after setting `root` (the repository):
#   . "$root/scripts/lib/common.sh"

# release_binary PRODUCT [PACKAGE]: builds PRODUCT as shipped (release, static Swift runtime)
# from PACKAGE (default: the light package) and prints the binary's path.
release_binary() {
  local product=$1 package=${2:-$root}
  swift build --package-path "$package" -c release --static-swift-stdlib --product "$product" >&2
  echo "$(swift build --package-path "$package" -c release --static-swift-stdlib --show-bin-path)/$product"
}

# server_port LOG: waits up to 10 s for `backend serve --port 0` to write "listening on …:PORT" to
# LOG and prints PORT; prints nothing when the server never said so.
server_port() {
  local log=$1 port="" _
  for _ in $(seq 100); do
    port=$(sed -n 's/.*listening on .*:\([0-9][0-9]*\).*/\1/p' "$log" | head -1)
    [ -n "$port" ] && break
    sleep 0.1
  done
  echo "$port"
}

# timer CMD ARGS [::: CMD ARGS]...: median wall times in ms, runs interleaved (lib/bench_timer.py).
timer() { python3 "$root/scripts/lib/bench_timer.py" -- "$@"; }
