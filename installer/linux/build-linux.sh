# Linux part of installer/build.sh (sourced by it, not run alone): the app's .deb and .rpm and the
# policy server's .deb. jpackage makes the application images (launchers, jars, the shared runtime);
# the packages are assembled here with dpkg-deb and rpmbuild so that every file outside /opt (the
# command on PATH, the .desktop entry, the icons, the systemd unit, the configuration) belongs to
# the package, and dpkg -P / rpm -e remove them all. (jpackage's own .deb puts only /opt/NAME in the
# package and installs the .desktop entry with xdg-utils from its maintainer scripts.)
# Uses from build.sh: root, here, work, out, version, description, maintainer, common, jdk, log.

arch_deb="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
arch_rpm="$(uname -m)"

# The shared libraries the ELF files under $1 need that nothing under $1 provides, one soname a line;
# files whose name matches the regex $2 are not looked at.
needed_sonames() {
  local dir="$1" skip="${2:-^$}"
  find "${dir}" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -print0 \
    | grep -zvE "/(${skip})$" \
    | xargs -0 objdump -p 2>/dev/null | sed -n 's/^ *NEEDED *//p' | sort -u \
    | while read -r so; do
        [[ -n "$(find "${dir}" -name "${so}" -print -quit)" ]] || echo "${so}"
      done
}

# JavaFX's native libraries travel inside its jars and are unpacked at run time, so the image's
# files do not show them: unpack them to $2 to see what they need (GTK 3, GL, Pango, ...).
# Media and WebKit are left out: the app uses neither, and their libraries are not in these jars.
javafx_natives() {
  local input="$1" dest="$2" j
  mkdir -p "${dest}"
  for j in "${input}"/javafx-*.jar; do
    (cd "${dest}" && jdk jar xf "${j}" $(jdk jar tf "${j}" | grep '\.so$' || true))
  done
}

# Debian packages holding the given sonames on this machine (as jpackage's own .deb does it), as a
# Depends list. Dies naming a soname no package provides.
deb_depends() {
  local so path pkg pkgs=()
  for so in "$@"; do
    path="$(/sbin/ldconfig -p | awk -v so="${so}" '$1 == so && /x86-64|x32|AArch64|64bit/ {print $NF; exit}')"
    [[ -n "${path}" ]] || path="$(/sbin/ldconfig -p | awk -v so="${so}" '$1 == so {print $NF; exit}')"
    [[ -n "${path}" ]] || { echo "build.sh: no library ${so} on this machine to name a dependency for" >&2; return 1; }
    # usrmerge: dpkg may know the file under /lib or /usr/lib.
    pkg="$(dpkg -S "${path}" 2>/dev/null || dpkg -S "$(readlink -f "${path}")" 2>/dev/null || dpkg -S "${path#/usr}" 2>/dev/null \
      || dpkg -S "/usr${path}" 2>/dev/null || true)"
    [[ -n "${pkg}" ]] || { echo "build.sh: no Debian package holds ${path} (${so})" >&2; return 1; }
    pkgs+=("${pkg%%:*}")
  done
  printf '%s\n' "${pkgs[@]}" | sort -u | paste -sd, - | sed 's/,/, /g'
}

# The rpm capabilities for the given sonames: rpm names libraries, not packages, so the .rpm works on
# any rpm distribution that has them.
rpm_requires() {
  local so suffix=""
  [[ "${arch_rpm}" == x86_64 || "${arch_rpm}" == aarch64 ]] && suffix="(64bit)"
  for so in "$@"; do echo "Requires: ${so}()${suffix}"; done
}

# A Debian binary package from the tree $1 (with DEBIAN/) into $2. Owned by root whatever the build
# user is; xz, which every dpkg since Debian 7 reads, at level 6 (--fast: 1; measured on the app:
# 60.7 MB in 46 s against 65.4 MB in 8 s).
deb_build() {
  local tree="$1" file="$2"
  find "${tree}" -type d -exec chmod 0755 {} +
  dpkg-deb --root-owner-group -Zxz "-z${xz_level}" --threads-max=2 --build "${tree}" "${file}" >/dev/null
}

installed_size_kb() { du -sk --exclude=DEBIAN "$1" | cut -f1; }

# --- the images ----------------------------------------------------------------------------------------
build_images() {
  log "app and server images (jpackage)"
  (cd "${root}" && jdk jpackage --type app-image "${common[@]}" --input "${work}/input/app" \
    --main-jar "$(basename "${app_jar}")" --description "${description}" @installer/linux/app.jpackage)
  (cd "${root}" && jdk jpackage --type app-image "${common[@]}" --input "${work}/input/server" \
    --main-jar "$(basename "${server_jar}")" --description "NGISec policy server" @installer/linux/server.jpackage)
  [[ "${NGISEC_CDS:-1}" == 0 || "${only}" == server ]] || app_cds
}

# --- the app: .deb and .rpm -----------------------------------------------------------------------------
build_app() {
  local image="${work}/image/ngisec-app"

  # The tree both packages install: /opt/ngisec, the command, the menu entry, the icons.
  local tree="${work}/stage/app"
  mkdir -p "${tree}/opt" "${tree}/usr/bin" "${tree}/usr/share/applications" "${tree}/usr/share/doc/ngisec"
  cp -a "${image}" "${tree}/opt/ngisec"
  install -m 0755 "${here}/linux/app/ngisec" "${tree}/usr/bin/ngisec"
  install -m 0644 "${here}/linux/app/ngisec.desktop" "${tree}/usr/share/applications/ngisec.desktop"
  mkdir -p "${tree}/usr/share/icons"
  cp -a "${root}/icons/hicolor" "${tree}/usr/share/icons/hicolor"
  install -m 0644 "${here}/linux/copyright" "${tree}/usr/share/doc/ngisec/copyright"
  find "${tree}/usr/share" -type f -exec chmod 0644 {} +

  # What the app's native code links against: the runtime's libraries and JavaFX's.
  javafx_natives "${work}/input/app" "${work}/stage/javafx-natives"
  mapfile -t sonames < <({ needed_sonames "${tree}/opt/ngisec"; needed_sonames "${work}/stage/javafx-natives"; } | sort -u)
  log "app links against: ${sonames[*]}"

  # .deb
  local deb="${work}/stage/app-deb"
  rm -rf "${deb}"; cp -a "${tree}" "${deb}"; mkdir -p "${deb}/DEBIAN"
  local depends
  depends="$(deb_depends "${sonames[@]}")"
  # Fonts: JavaFX stops without one ("JavaFX detected no fonts!") and nothing links against a font.
  depends="${depends}, fonts-dejavu-core | fonts-liberation2 | fonts-freefont-ttf"
  sed -e "s/@VERSION@/${version}/" -e "s/@ARCH@/${arch_deb}/" -e "s/@MAINTAINER@/${maintainer}/" \
    -e "s/@DEPENDS@/${depends}/" -e "s/@SIZE@/$(installed_size_kb "${deb}")/" \
    "${here}/linux/app/control" >"${deb}/DEBIAN/control"
  deb_build "${deb}" "${out}/ngisec_${version}_${arch_deb}.deb"
  log "built ngisec_${version}_${arch_deb}.deb"

  # .rpm
  if command -v rpmbuild >/dev/null; then
    local top="${work}/stage/rpmbuild"
    rm -rf "${top}"; mkdir -p "${top}/SPECS" "${top}/RPMS"
    {
      sed -e "s/@VERSION@/${version}/" -e "s/@MAINTAINER@/${maintainer}/" "${here}/linux/app/ngisec.spec"
    } >"${top}/SPECS/ngisec.spec"
    # The Requires go where the spec marks them (rpm takes no Requires from the command line).
    local reqs
    reqs="$(rpm_requires "${sonames[@]}")"
    awk -v reqs="${reqs}" '{ if ($0 == "@REQUIRES@") print reqs; else print }' "${top}/SPECS/ngisec.spec" >"${top}/SPECS/ngisec.spec.new"
    mv "${top}/SPECS/ngisec.spec.new" "${top}/SPECS/ngisec.spec"
    rpmbuild -bb --quiet --define "_topdir ${top}" --define "stage ${tree}" --define "xz_level ${xz_level}" --target "${arch_rpm}" \
      "${top}/SPECS/ngisec.spec" >"${work}/stage/rpmbuild.log" 2>&1 \
      || { tail -n 30 "${work}/stage/rpmbuild.log" >&2; echo "build.sh: rpmbuild failed" >&2; return 1; }
    cp "${top}/RPMS/${arch_rpm}/ngisec-${version}-1.${arch_rpm}.rpm" "${out}/"
    log "built ngisec-${version}-1.${arch_rpm}.rpm"
  else
    log "no rpmbuild (apt-get install rpm): skipping the .rpm"
  fi
}

# AppCDS: an archive of the classes a launch loads, made at build time by starting the app's image
# once (to its first screen, under Xvfb), and named in the launcher's options, so every launch maps
# them instead of loading and verifying each anew. Skipped (with a line) where Xvfb is missing.
app_cds() {
  if ! command -v Xvfb >/dev/null; then
    log "no Xvfb: the app is packaged without an AppCDS archive (it starts slower)"
    return 0
  fi
  log "AppCDS archive: one training launch of the app under Xvfb"
  "${here}/linux/cds-train.sh" "${work}/image/ngisec-app" "${work}/image/ngisec-server" >&2
}

# --- the server: image and .deb -------------------------------------------------------------------------
build_server() {
  local image="${work}/image/ngisec-server"
  local s="${here}/linux/server"
  local deb="${work}/stage/server-deb"
  rm -rf "${deb}"
  mkdir -p "${deb}/opt" "${deb}/usr/bin" "${deb}/usr/lib/systemd/system" "${deb}/etc/ngisec-server" \
    "${deb}/usr/share/doc/ngisec-server" "${deb}/DEBIAN"
  cp -a "${image}" "${deb}/opt/ngisec-server"
  install -m 0755 "${s}/ngisec-server-service" "${deb}/opt/ngisec-server/bin/ngisec-server-service"
  ln -s /opt/ngisec-server/bin/ngisec-server "${deb}/usr/bin/ngisec-server"
  install -m 0644 "${s}/ngisec-server.service" "${deb}/usr/lib/systemd/system/ngisec-server.service"
  install -m 0644 "${s}/ngisec-server.conf" "${deb}/etc/ngisec-server/ngisec-server.conf"
  install -m 0644 "${here}/linux/copyright" "${deb}/usr/share/doc/ngisec-server/copyright"
  install -m 0644 "${s}/conffiles" "${deb}/DEBIAN/conffiles"
  install -m 0755 "${s}/postinst" "${s}/prerm" "${s}/postrm" "${deb}/DEBIAN/"
  # The runtime is the app's, with AWT and javax.sound in it (java.desktop: H2 and the PostgreSQL
  # driver use java.beans from it). The server runs headless (-Djava.awt.headless=true in its
  # launcher), so AWT's X11 library, the sound library and the splash screen are never loaded:
  # their X11 and ALSA libraries are not the server's dependencies.
  mapfile -t sonames < <(needed_sonames "${deb}/opt/ngisec-server" 'libawt_xawt\.so|libjsound\.so|libsplashscreen\.so')
  log "server links against: ${sonames[*]}"
  local depends
  depends="$(deb_depends "${sonames[@]}"), adduser"
  sed -e "s/@VERSION@/${version}/" -e "s/@ARCH@/${arch_deb}/" -e "s/@MAINTAINER@/${maintainer}/" \
    -e "s/@DEPENDS@/${depends}/" -e "s/@SIZE@/$(installed_size_kb "${deb}")/" \
    "${s}/control" >"${deb}/DEBIAN/control"
  deb_build "${deb}" "${out}/ngisec-server_${version}_${arch_deb}.deb"
  log "built ngisec-server_${version}_${arch_deb}.deb"
}

command -v dpkg-deb >/dev/null || { echo "build.sh: dpkg-deb not found (the Linux packages need it)" >&2; exit 2; }
command -v objdump >/dev/null || { echo "build.sh: objdump not found (apt-get install binutils)" >&2; exit 2; }
rm -rf "${work}/stage"
mkdir -p "${work}/stage"
build_images
[[ "${only}" == server ]] || build_app
[[ "${only}" == app ]] || build_server
