# What the scripts share. Source it after setting `root` (the repository):
#   . "$root/scripts/lib/common.sh"

# shipped_flags [PACKAGE]: sets `release_flags`, the `swift build` flags the release archive is built
# with (release, static Swift runtime, libcmark, libyaml and SQLite from Debian's static archives,
# GCC's C++ library and unwinder linked in), and exports the PKG_CONFIG_PATH they need. The linker
# takes lib<name>.so over lib<name>.a in the same folder; a folder of PACKAGE's .build that holds
# only the archives, named by pkg-config files of our own (SwiftPM asks pkg-config for -L), makes
# -lcmark and -lyaml link statically, and -lstdc++ too (the static Swift runtime asks for it). Why
# libstdc++ and libgcc_s are linked in: loading and binding the two shared libraries was a sixth of
# every start (`missionctl --version` 2.95 -> 2.47 ms, scripts/bench-build), and the binary then
# needs no particular libstdc++ on the user's system. The folder stays put between runs, so the
# flags do too and SwiftPM does not relink for a new path.
shipped_flags() {
  local package=${1:-$root}
  local multiarch static="$package/.build/static-archives"
  multiarch=$(gcc -print-multiarch 2>/dev/null || echo "$(uname -m)-linux-gnu")
  mkdir -p "$static"
  for lib in cmark yaml sqlite3; do
    if [ -f "/usr/lib/$multiarch/lib$lib.a" ]; then
      ln -sf "/usr/lib/$multiarch/lib$lib.a" "$static/lib$lib.a"
    elif [ "$lib" != sqlite3 ]; then
      echo "/usr/lib/$multiarch/lib$lib.a is missing (apt-get install lib$lib-dev)" >&2
      return 2
    fi
  done
  local cxx
  cxx=$(clang -print-file-name=libstdc++.a 2>/dev/null || true)  # the Swift toolchain's clang links
  if [ ! -f "$cxx" ]; then
    echo "libstdc++.a is missing (apt-get install libstdc++-12-dev; clang -print-file-name=libstdc++.a finds it)" >&2
    return 2
  fi
  ln -sf "$cxx" "$static/libstdc++.a"
  for pc in libcmark:cmark yaml-0.1:yaml; do
    printf 'Name: %s\nDescription: static archive for a release build\nVersion: %s\nLibs: -L%s -l%s\nCflags:\n' \
      "${pc%%:*}" "$(pkg-config --modversion "${pc%%:*}")" "$static" "${pc##*:}" > "$static/${pc%%:*}.pc"
  done
  case ":${PKG_CONFIG_PATH:-}:" in
    *":$static:"*) ;;
    *) export PKG_CONFIG_PATH="$static${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" ;;
  esac
  release_flags=(-c release --static-swift-stdlib -Xlinker -L"$static" -Xswiftc -Xclang-linker -Xswiftc -static-libgcc)
}

# release_binary PRODUCT [PACKAGE]: builds PRODUCT as shipped (shipped_flags) from PACKAGE (default:
# the light package) and prints the binary's path.
release_binary() {
  local product=$1 package=${2:-$root}
  shipped_flags "$package" || return
  swift build --package-path "$package" "${release_flags[@]}" --product "$product" >&2
  echo "$(swift build --package-path "$package" "${release_flags[@]}" --show-bin-path)/$product"
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

# timer [--runs N] [--] CMD ARGS [::: CMD ARGS]...: median wall times in ms, runs interleaved
# (lib/bench_timer.py).
timer() { python3 "$root/scripts/lib/bench_timer.py" "$@"; }
