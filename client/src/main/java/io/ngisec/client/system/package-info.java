/** What the peer asks of the operating system beyond the JDK: thread scheduling priority. */
package io.ngisec.client.system;
