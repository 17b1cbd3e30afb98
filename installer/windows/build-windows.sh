# Windows part of installer/build.sh (sourced by it, not run alone; Git Bash on a Windows runner):
# the app's per-user .msi with jpackage and WiX (on PATH: WiX 3 candle/light, or WiX 4+ wix.exe),
# with the ngisec: URL scheme registered (url-scheme.wxf). Start menu entry under NGISec, a desktop
# shortcut the installer asks about, the fixed upgrade code in app.jpackage so that a newer version
# replaces an older one. The `ngisec` command is ngisec.exe in the install folder (not on PATH).
# Uses from build.sh: root, here, work, out, version, description, common, jdk, log.

# jpackage's own main.wxs, from the JDK that builds (so it matches that jpackage), with the URL
# scheme's component group added to the product's feature and its fragment added to the file.
resources="${work}/stage/windows-resources"
rm -rf "${resources}" "${work}/stage/jimage"
mkdir -p "${resources}"
jdk jimage extract --dir "$(cygpath -w "${work}/stage/jimage")" \
  --include 'regex:.*/jdk/jpackage/internal/resources/main\.wxs' "$(cygpath -w "${JAVA_HOME}/lib/modules")"
main_wxs="$(find "${work}/stage/jimage" -name main.wxs | head -n 1)"
[[ -n "${main_wxs}" ]] || { echo "build.sh: no main.wxs in this JDK's jpackage" >&2; exit 1; }
anchor='<ComponentGroupRef Id="FileAssociations"/>'
grep -qF "${anchor}" "${main_wxs}" && grep -q '</Wix>' "${main_wxs}" \
  || { echo "build.sh: this jpackage's main.wxs has no ${anchor} to add the URL scheme beside: update build-windows.sh" >&2; exit 1; }
awk -v anchor="${anchor}" -v fragment="${here}/windows/url-scheme.wxf" '
  index($0, anchor) { print; sub(/<.*/, ""); print $0 "<ComponentGroupRef Id=\"NgisecUrlScheme\"/>"; next }
  /<\/Wix>/ { while ((getline line < fragment) > 0) print line; print; next }
  { print }' "${main_wxs}" >"${resources}/main.wxs"

log "app .msi (jpackage, WiX)"
(cd "${root}" && jdk jpackage --type msi "${common[@]}" --input "$(cygpath -w "${work}/input/app")" \
  --main-jar "$(basename "${app_jar}")" --description "${description}" \
  --resource-dir "$(cygpath -w "${resources}")" @installer/windows/app.jpackage)
mv "${work}/image"/*.msi "${out}/"
log "built $(cd "${out}" && ls -- *.msi)"
