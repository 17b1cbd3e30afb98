/** The transfers screen: sending files and folders, the incoming offer dialog, and the list of transfers both ways. */
package io.ngisec.app.transfer;
