#!/usr/bin/env bash
# Builds the installers for the OS it runs on, each with its own trimmed Java runtime (jlink), so
# that nothing else needs to be installed:
#   Linux:   ngisec_VERSION_ARCH.deb and ngisec-VERSION-1.ARCH.rpm (the desktop app and the `ngisec`
#            command), ngisec-server_VERSION_ARCH.deb (the policy server as a systemd service)
#   Windows: NGISec Communicator-VERSION.msi (per-user)
#   macOS:   NGISec Communicator-VERSION.dmg (signed and notarized when the environment says how)
# The version comes from the POM. One runtime is linked and shared by every package of a run.
# What each package puts where: docs/install.md. Per-OS options: installer/linux, installer/windows,
# installer/macos (jpackage argument files and resources).
#
#   installer/build.sh [--install-deps] [--no-maven] [--fast] [--out DIR] [--only app|server]
#     --install-deps  Linux: first apt-get install the tools the packages are built with (rpm for
#                     rpmbuild, xvfb and libgtk-3-0 for the AppCDS training launch, fonts), with sudo
#                     when not root (for a fresh CI runner); elsewhere the runner has what it needs
#     --no-maven      use the jars already in */target (built by `mvn package`) instead of building them
#     --fast          Linux: compress the packages at xz level 1 instead of 6 (5x faster, 8 % larger;
#                     for tests: the files inside are the same)
#     --out DIR       where the packages go (default installer/target/packages)
#     --only WHAT     Linux: build only the app packages or only the server package
# Environment: JAVA_HOME (a JDK 25 with jpackage; default /usr/lib/jvm/temurin-25-jdk-amd64),
# MVN_ARGS (extra Maven arguments, such as -o), NGISEC_MAINTAINER (Linux packages' maintainer),
# NGISEC_CDS=0 (Linux: no AppCDS archive for the app), MACOS_SIGN_IDENTITY and the notarization
# variables described in docs/install.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "${here}/.." && pwd)"
work="${root}/installer/target"
out="${work}/packages"
maven=1
only=""
xz_level=6
install_deps=0

usage() { echo "build.sh: $1 (usage: installer/build.sh [--install-deps] [--no-maven] [--fast] [--out DIR] [--only app|server])" >&2; exit 2; }
while (($#)); do
  case "$1" in
    --no-maven) maven=0 ;;
    --fast) xz_level=1 ;;
    --install-deps) install_deps=1 ;;
    --out) (($# >= 2)) || usage "--out needs a folder"; out="$2"; shift ;;
    --only) (($# >= 2)) || usage "--only needs app or server"; only="$2"; shift
      [[ "${only}" == app || "${only}" == server ]] || usage "--only takes app or server, not '${only}'" ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) usage "unknown argument '$1'" ;;
  esac
  shift
done

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) echo "build.sh: no installer for $(uname -s)" >&2; exit 2 ;;
esac

if ((install_deps)) && [[ "${os}" == linux ]]; then
  sudo=""; [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    rpm fakeroot binutils xvfb xauth libgtk-3-0 libgl1 fonts-dejavu-core python3 >/dev/null
fi

if [[ -z "${JAVA_HOME:-}" ]]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
elif [[ "${os}" == windows ]]; then
  JAVA_HOME="$(cygpath -u "${JAVA_HOME}")"
fi
export JAVA_HOME
exe=""; [[ "${os}" == windows ]] && exe=".exe"
for tool in java jlink jpackage jdeps jar; do
  [[ -x "${JAVA_HOME}/bin/${tool}${exe}" ]] || { echo "build.sh: ${JAVA_HOME}/bin/${tool} not found (JAVA_HOME must be a JDK 25)" >&2; exit 2; }
done
jdk() { local tool="$1"; shift; "${JAVA_HOME}/bin/${tool}${exe}" "$@"; }

# A path as the JDK's tools take it: on Windows (Git Bash) C:\..., which MSYS does not make of a
# path inside a ;-separated list by itself.
native_path() { if [[ "${os}" == windows ]]; then cygpath -w "$1"; else echo "$1"; fi; }

log() { printf '%s build.sh: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# The version: the parent POM's own <version> (the first one after its artifactId). MSI and the
# macOS bundle take only numbers, so a -SNAPSHOT or other suffix is refused here, not later.
version="$(sed -n '/<artifactId>ngisec-parent<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' "${root}/pom.xml" | head -n 1)"
[[ "${version}" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "build.sh: the POM's version '${version}' is not MAJOR.MINOR.PATCH" >&2; exit 1; }

vendor="NGISec"
description="Secure peer-to-peer voice calls, file transfers and chat"
copyright="Copyright NGISec Communicator contributors"
maintainer="${NGISEC_MAINTAINER:-NGISec maintainers <maintainers@users.noreply.b-seed-cad587e0.example>}"

# --- 1. The jars ----------------------------------------------------------------------------------
if ((maven)); then
  log "building the jars (mvn package, tests skipped: .ci/run runs them)"
  # shellcheck disable=SC2086
  (cd "${root}" && mvn -B -q -DskipTests ${MVN_ARGS:-} -pl app,server -am package)
fi
app_jar="${root}/app/target/ngisec-app-${version}.jar"
server_jar="${root}/server/target/ngisec-server-${version}.jar"
for j in "${app_jar}" "${server_jar}"; do
  [[ -f "${j}" ]] || { echo "build.sh: ${j} missing (run without --no-maven)" >&2; exit 1; }
done

rm -rf "${work}/input" "${work}/image" "${work}/runtime" "${work}/stage"
mkdir -p "${work}/input/app" "${work}/input/server" "${work}/image" "${out}"
# jpackage puts every jar of --input on the class path. The JavaFX artifacts without classifier are
# empty placeholders (the classes are in the -linux/-win/-mac jars): leave them out.
copy_jars() {
  local dest="$1" main="$2" lib="$3" j
  cp "${main}" "${dest}/"
  for j in "${lib}"/*.jar; do
    if [[ "$(basename "${j}")" =~ ^javafx-[a-z]+-[0-9.]+\.jar$ ]]; then continue; fi
    cp "${j}" "${dest}/"
  done
}
copy_jars "${work}/input/app" "${app_jar}" "${root}/app/target/lib"
copy_jars "${work}/input/server" "${server_jar}" "${root}/server/target/lib"

# --- 2. The runtime -------------------------------------------------------------------------------
# Modules the code names statically: jdeps over all jars at once (one run; one per jar takes
# minutes), plus what the modular JavaFX jars require (jdeps sees them as plain class-path jars),
# plus jdk.charsets, which nothing names but Charset.forName finds: legacy encodings (a console or a
# file in a code page java.base lacks). Whether this is enough shows only at run time:
# installer/selftest.sh runs the installed app, CLI and server on this runtime.
modules() {
  local jars=() j cp
  for j in "${work}/input/app"/*.jar "${work}/input/server"/*.jar; do jars+=("$(native_path "${j}")"); done
  cp="$(IFS="$(jdk java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *path.separator = //p')"; echo "${jars[*]}")"
  {
    jdk jdeps -q --ignore-missing-deps --multi-release "$(jdk java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')" \
      --print-module-deps --class-path "${cp}" "${jars[@]}" | tr ',' '\n'
    for j in "${work}/input/app"/javafx-*.jar; do
      jdk jar --describe-module --file "${j}" | sed -n 's/^requires \([a-z.]*\).*/\1/p' | grep -v '^javafx\.'
    done
    echo jdk.charsets
  } | tr -d '\r' | grep -E '^(java|jdk)\.' | sort -u | paste -sd, -
}
log "computing the runtime's modules (jdeps)"
mods="$(modules)"
log "modules: ${mods}"
echo "${mods}" >"${work}/modules.txt"
# Uncompressed: the packages compress it better than jlink would (24 MB against 35 MB measured), and
# an uncompressed image starts faster.
log "linking the runtime (jlink)"
jdk jlink --add-modules "${mods}" --strip-debug --no-header-files --no-man-pages --output "${work}/runtime"
# The JDK classes' CDS archive, as a full JDK has one (without it every launch parses them anew),
# dumped with the option every launcher passes: an archive dumped without it is only half used
# ("Mismatched values for property jdk.module.enable.native.access": no archived module graph).
"${work}/runtime/bin/java${exe}" -Xshare:dump --enable-native-access=ALL-UNNAMED -Xlog:cds=off >/dev/null
common=(--app-version "${version}" --vendor "${vendor}" --copyright "${copyright}"
  --runtime-image "${work}/runtime" --dest "${work}/image")

# --- 3. Per OS --------------------------------------------------------------------------------------
source "${here}/${os}/build-${os}.sh"
log "done: $(cd "${out}" && ls)"
