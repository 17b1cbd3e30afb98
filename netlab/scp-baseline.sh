#!/usr/bin/env bash
# scp baseline for the transfer benchmarks: starts a private sshd (temporary host and client keys,
# its own port, no PAM), copies a file of random bytes with scp, prints one line
#   scp: N MiB in S s = R MB/s (cipher C)
# and stops the sshd (by PID) and removes its files, also on failure.
#
# Usage: scp-baseline.sh [--server-ns NS --client-ns NS --server-ip IP] [--cipher C] MIB
# Without namespaces both ends run on this host over 127.0.0.1. Needs openssh-server (sshd) and
# openssh-client; namespaces need root.
set -euo pipefail

server_ns=""; client_ns=""; server_ip="127.0.0.1"; cipher=""
while (($#)); do
  case "$1" in
    --server-ns) server_ns="$2"; shift 2 ;;
    --client-ns) client_ns="$2"; shift 2 ;;
    --server-ip) server_ip="$2"; shift 2 ;;
    --cipher) cipher="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    -*) echo "scp-baseline: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
if (($# != 1)) || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "scp-baseline: usage: scp-baseline.sh [--server-ns NS --client-ns NS --server-ip IP] [--cipher C] MIB" >&2
  exit 2
fi
mib="$1"
sshd_bin="$(command -v sshd || echo /usr/sbin/sshd)"
[[ -x "${sshd_bin}" ]] || { echo "scp-baseline: sshd not found (install openssh-server)" >&2; exit 1; }
command -v scp >/dev/null || { echo "scp-baseline: scp not found (install openssh-client)" >&2; exit 1; }

in_ns() { local ns="$1"; shift; if [[ -n "${ns}" ]]; then ip netns exec "${ns}" "$@"; else "$@"; fi; }

work="$(mktemp -d /tmp/ngisec-scp.XXXXXX)"
pid=""
cleanup() {
  # sshd runs under "ip netns exec" or a subshell: stop it by its own PID file, then the wrapper.
  [[ -s "${work}/sshd.pid" ]] && kill "$(cat "${work}/sshd.pid")" 2>/dev/null || true
  [[ -n "${pid}" ]] && kill "${pid}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "${work}"
}
trap cleanup EXIT

ssh-keygen -q -t ed25519 -N "" -f "${work}/host_key"
ssh-keygen -q -t ed25519 -N "" -f "${work}/client_key"
cp "${work}/client_key.pub" "${work}/authorized_keys"
chmod 600 "${work}/authorized_keys"
port=$((20000 + RANDOM % 20000))
cat > "${work}/sshd_config" <<CONF
Port ${port}
ListenAddress ${server_ip}
HostKey ${work}/host_key
AuthorizedKeysFile ${work}/authorized_keys
PidFile ${work}/sshd.pid
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
Subsystem sftp internal-sftp
CONF
mkdir -p /run/sshd
in_ns "${server_ns}" "${sshd_bin}" -D -e -f "${work}/sshd_config" 2> "${work}/sshd.log" &
pid=$!
for _ in $(seq 50); do
  grep -q "Server listening" "${work}/sshd.log" 2>/dev/null && break
  kill -0 "${pid}" 2>/dev/null || { echo "scp-baseline: sshd failed: $(tail -1 "${work}/sshd.log")" >&2; exit 1; }
  sleep 0.1
done

# Random bytes in memory (/dev/shm when it exists) so the disk is not what is measured.
src_dir=/dev/shm; [[ -d "${src_dir}" ]] || src_dir="${work}"
src="$(mktemp "${src_dir}/ngisec-scp-src.XXXXXX")"
dst="${src}.copy"
trap 'cleanup; rm -f "${src}" "${dst}"' EXIT
head -c "$((mib << 20))" /dev/urandom > "${src}"

opts=(-q -P "${port}" -i "${work}/client_key" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
  -o BatchMode=yes -o LogLevel=ERROR)
[[ -n "${cipher}" ]] && opts+=(-c "${cipher}")
used="${cipher:-default ($(ssh -G localhost 2>/dev/null | awk '/^ciphers /{split($2,c,","); print c[1]}'))}"
start=$(date +%s.%N)
in_ns "${client_ns}" scp "${opts[@]}" "${src}" "root@${server_ip}:${dst}"
end=$(date +%s.%N)
[[ "$(stat -c %s "${dst}")" == "$((mib << 20))" ]] || { echo "scp-baseline: copy incomplete" >&2; exit 1; }
python3 - "$mib" "$start" "$end" "$used" <<'PY'
import sys
mib, start, end, cipher = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
s = end - start
print(f"scp: {mib} MiB in {s:.2f} s = {mib * 1048576 / s / 1e6:.1f} MB/s (cipher {cipher})")
PY
