# Shared by the bench scripts, sourced from the repository root: the hotline binary to run, a
# scratch directory removed on exit together with every process listed in `pids`, and helpers.

BIN=${HOTLINE_BIN:-target/release/hotline}
if [ -n "${CARGO_TARGET_DIR:-}" ] && [ -z "${HOTLINE_BIN:-}" ]; then BIN="$CARGO_TARGET_DIR/release/hotline"; fi

# needs TOOL...: stops, naming the Debian package to install, when a tool is missing; then
# builds the hotline binary if it is not there yet.
needs() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "needs $tool (Debian: apt-get install wrk nginx-light curl python3)" >&2; exit 1; }
  done
  [ -x "$BIN" ] || cargo build --release --bin hotline
}

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# A free TCP port on loopback.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Waits up to 10 s for URL to answer 2xx.
wait_for() { for _ in $(seq 1 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done; echo "nothing answers at $1" >&2; exit 1; }

# The current TOTP code of an otpauth:// URI (RFC 6238, SHA-1, 6 digits, 30 s), for signing
# a bench user in.
totp() {
  python3 - "$1" <<'PY'
import base64, hashlib, hmac, struct, sys, time, urllib.parse
q = urllib.parse.parse_qs(urllib.parse.urlparse(sys.argv[1]).query)
secret = q["secret"][0]
key = base64.b32decode(secret + "=" * (-len(secret) % 8), casefold=True)
digits = int(q.get("digits", ["6"])[0]); period = int(q.get("period", ["30"])[0])
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // period), hashlib.sha1).digest()
o = mac[-1] & 15
print(str((struct.unpack(">I", mac[o:o + 4])[0] & 0x7FFFFFFF) % 10 ** digits).zfill(digits))
PY
}
