/** Start of a home whose device keys are protected by a passphrase: asks for it. */
package io.ngisec.app.unlock;
