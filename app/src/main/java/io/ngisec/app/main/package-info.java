/** The main window's layout: header with the connection badge, the directory, the status bar. */
package io.ngisec.app.main;
