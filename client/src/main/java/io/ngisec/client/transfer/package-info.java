/**
 * File transfer over a {@link io.ngisec.client.link.PeerLink}: offers of files and folders with
 * SHA-256 per file and per 1 MiB chunk, accept/decline, chunks on the data stream verified one by
 * one into {@code .ngisec-part} files, resume from the verified chunks recorded in the peer
 * database, and the final rename only after the whole file's hash matches. Entry point:
 * {@link io.ngisec.client.transfer.TransferEngine}.
 */
package io.ngisec.client.transfer;
