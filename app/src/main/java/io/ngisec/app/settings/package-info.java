/** The settings screen (audio devices, download folder, theme, start on login) and {@link io.ngisec.app.settings.AppSettings}, the typed settings other screens read. */
package io.ngisec.app.settings;
