/** The status icon in the system tray (Windows, Linux desktops with a tray) or the macOS menu bar. */
package io.ngisec.app.tray;
