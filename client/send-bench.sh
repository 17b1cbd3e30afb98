#!/usr/bin/env bash
# End-to-end file transfer as a user runs it, on loopback: a private policy server, two enrolled
# peers, `ngisec listen` and `ngisec send` of a file of random bytes, then scp of the same file
# (netlab/scp-baseline.sh) for reference, in the same run. Prints, per run,
#   ngisec send: N MiB, command W s (JVM start, hashing, setup, transfer), transfer T s = R MB/s
# where the transfer time runs from the receiver's acceptance to the sender's completion.
# Usage: client/send-bench.sh [MiB (1024)] [runs (3)]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "${here}")"
mib="${1:-1024}"
runs="${2:-3}"
[[ "${mib}" =~ ^[1-9][0-9]*$ && "${runs}" =~ ^[1-9][0-9]*$ ]] || { echo "send-bench: usage: send-bench.sh [MiB] [runs]" >&2; exit 2; }

work="$(mktemp -d /tmp/ngisec-send-bench.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "${p}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "${work}"
}
trap cleanup EXIT

ngisec="${root}/ngisec"
"${ngisec}" version >/dev/null  # builds the peer if needed, outside any measurement
port=$(( 20000 + RANDOM % 20000 ))
"${ngisec}" server init --home "${work}/server" --org Bench --hostname 127.0.0.1 --port "${port}" >/dev/null
"${ngisec}" server start --home "${work}/server" --listen "127.0.0.1:${port}" >"${work}/server.log" 2>&1 &
pids+=($!)
timeout 120 sh -c "until grep -q '^listening on' '${work}/server.log'; do sleep 0.5; done"
for user in alice bob; do
  "${ngisec}" enroll --home "${work}/${user}" --name "${user}-pc" \
    --invite "$("${ngisec}" server invite --home "${work}/server" --user "${user}" 2>/dev/null)" >/dev/null
done
export NGISEC_HOST_ADDRESSES=127.0.0.1
"${ngisec}" listen --home "${work}/bob" --json --save-dir "${work}/inbox" >"${work}/bob.log" 2>&1 &
pids+=($!)
timeout 60 sh -c "until grep -q '\"listening\"' '${work}/bob.log'; do sleep 0.5; done"

head -c "$(( mib << 20 ))" /dev/urandom >"${work}/file.bin"
for run in $(seq 1 "${runs}"); do
  rm -rf "${work}/inbox"
  start=$(date +%s.%N)
  # Each event line gets the time it was printed: the transfer runs from ACCEPTED to COMPLETED.
  "${ngisec}" send --home "${work}/alice" --json --to bob "${work}/file.bin" \
    | while IFS= read -r line; do echo "$(date +%s.%N) ${line}"; done >"${work}/send-${run}.log"
  end=$(date +%s.%N)
  accepted=$(grep -m1 '"state":"ACCEPTED"' "${work}/send-${run}.log" | cut -d' ' -f1)
  completed=$(grep -m1 '"state":"COMPLETED"' "${work}/send-${run}.log" | cut -d' ' -f1)
  cmp -s "${work}/file.bin" "${work}/inbox/file.bin" || { echo "send-bench: run ${run}: received file differs" >&2; exit 1; }
  awk -v m="${mib}" -v s="${start}" -v e="${end}" -v a="${accepted}" -v c="${completed}" 'BEGIN {
    printf "ngisec send: %d MiB, command %.1f s (JVM start, hashing, setup, transfer), transfer %.1f s = %.1f MB/s\n",
      m, e - s, c - a, m * 1048576 / (c - a) / 1e6 }'
done
if command -v sshd >/dev/null || [[ -x /usr/sbin/sshd ]]; then
  for run in $(seq 1 "${runs}"); do "${root}/netlab/scp-baseline.sh" "${mib}"; done
else
  echo "scp: skipped (no sshd; install openssh-server)"
fi
