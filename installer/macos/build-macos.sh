# macOS part of installer/build.sh (sourced by it, not run alone): the app's .dmg with jpackage,
# bundle identifier io.ngisec.communicator, Info.plist from installer/macos (ngisec: URL scheme,
# microphone usage text), ngisec.icns. Signed and notarized when the environment says how:
#   MACOS_SIGN_IDENTITY      "Developer ID Application: NAME (TEAMID)": sign the app (hardened
#                            runtime, installer/macos/ngisec.entitlements) and the .dmg
#   MACOS_CERT_P12_BASE64, MACOS_CERT_PASSWORD   optional: that identity's certificate and key as a
#                            base64 .p12, imported into a temporary keychain for this build (CI)
#   MACOS_NOTARY_PROFILE     a notarytool keychain profile (xcrun notarytool store-credentials), or
#   MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD (an app-specific password):
#                            submit the signed .dmg to Apple's notary service, wait, staple the ticket
# Without MACOS_SIGN_IDENTITY the .dmg is unsigned: Gatekeeper then refuses to open the app until
# the user allows it (docs/install.md says how). Uses from build.sh: root, here, work, out, common,
# description, jdk, log.

resources="${work}/stage/macos-resources"
rm -rf "${resources}"
mkdir -p "${resources}"
cp "${here}/macos/Info.plist" "${resources}/Info.plist"

sign=()
keychain=""
if [[ -n "${MACOS_SIGN_IDENTITY:-}" ]]; then
  if [[ -n "${MACOS_CERT_P12_BASE64:-}" ]]; then
    keychain="${work}/stage/signing.keychain-db"
    kc_password="$(openssl rand -hex 16)"
    security create-keychain -p "${kc_password}" "${keychain}"
    security set-keychain-settings -lut 3600 "${keychain}"
    security unlock-keychain -p "${kc_password}" "${keychain}"
    echo "${MACOS_CERT_P12_BASE64}" | base64 --decode >"${work}/stage/cert.p12"
    security import "${work}/stage/cert.p12" -k "${keychain}" -P "${MACOS_CERT_PASSWORD:-}" -T /usr/bin/codesign
    rm -f "${work}/stage/cert.p12"
    security set-key-partition-list -S apple-tool:,apple: -s -k "${kc_password}" "${keychain}" >/dev/null
    # codesign finds identities only in keychains on the search list.
    security list-keychains -d user -s "${keychain}" $(security list-keychains -d user | tr -d '"')
    trap 'security delete-keychain "${keychain}" 2>/dev/null || true' EXIT
    sign+=(--mac-signing-keychain "${keychain}")
  fi
  sign+=(--mac-sign --mac-app-image-sign-identity "${MACOS_SIGN_IDENTITY}")
  log "signing as ${MACOS_SIGN_IDENTITY}"
else
  log "MACOS_SIGN_IDENTITY unset: the .dmg is not signed (see docs/install.md)"
fi

log "app .dmg (jpackage)"
(cd "${root}" && jdk jpackage --type dmg "${common[@]}" --input "${work}/input/app" \
  --main-jar "$(basename "${app_jar}")" --description "${description}" \
  --resource-dir "${resources}" "${sign[@]}" @installer/macos/app.jpackage)
dmg="$(ls "${work}/image"/*.dmg)"

if [[ -n "${MACOS_SIGN_IDENTITY:-}" ]]; then
  # jpackage signs the app inside; the disk image itself is signed here, before notarization.
  codesign --force --timestamp --sign "${MACOS_SIGN_IDENTITY}" ${keychain:+--keychain "${keychain}"} "${dmg}"
  notary=()
  if [[ -n "${MACOS_NOTARY_PROFILE:-}" ]]; then
    notary=(--keychain-profile "${MACOS_NOTARY_PROFILE}")
  elif [[ -n "${MACOS_NOTARY_APPLE_ID:-}" && -n "${MACOS_NOTARY_TEAM_ID:-}" && -n "${MACOS_NOTARY_PASSWORD:-}" ]]; then
    notary=(--apple-id "${MACOS_NOTARY_APPLE_ID}" --team-id "${MACOS_NOTARY_TEAM_ID}" --password "${MACOS_NOTARY_PASSWORD}")
  fi
  if ((${#notary[@]})); then
    log "notarizing (xcrun notarytool, waits for Apple's answer)"
    xcrun notarytool submit "${dmg}" "${notary[@]}" --wait
    xcrun stapler staple "${dmg}"
  else
    log "no notarization credentials: the .dmg is signed but not notarized"
  fi
fi
mv "${dmg}" "${out}/"
log "built $(basename "${dmg}")"
