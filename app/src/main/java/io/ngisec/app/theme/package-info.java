/** The design system: AtlantaFX Primer light and dark, following the OS, and the app's stylesheet. */
package io.ngisec.app.theme;
