package io.ngisec.protocol.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The structure layouts against the sizes and offsets a C compiler gives on x86_64 Linux
 * (gcc, glibc 2.36: sizeof and offsetof of each field), so a wrong padding cannot slip in.
 */
class LinuxStructsTest {

    @Test
    void msghdrAndMmsghdrMatchTheCompiler() {
        assertThat(LinuxStructs.MSGHDR.byteSize()).isEqualTo(56);
        assertThat(LinuxStructs.MSG_NAME).isZero();
        assertThat(LinuxStructs.MSG_NAMELEN).isEqualTo(8);
        assertThat(LinuxStructs.MSG_IOV).isEqualTo(16);
        assertThat(LinuxStructs.MSG_IOVLEN).isEqualTo(24);
        assertThat(LinuxStructs.MSG_CONTROL).isEqualTo(32);
        assertThat(LinuxStructs.MSG_CONTROLLEN).isEqualTo(40);
        assertThat(LinuxStructs.MSG_FLAGS).isEqualTo(48);
        assertThat(LinuxStructs.MMSGHDR.byteSize()).isEqualTo(64);
        assertThat(LinuxStructs.MMSG_LEN).isEqualTo(56);
    }

    @Test
    void controlMessageMacrosMatchTheCompiler() {
        assertThat(LinuxStructs.CMSGHDR.byteSize()).isEqualTo(16);
        assertThat(LinuxStructs.CMSG_DATA).isEqualTo(16);
        assertThat(LinuxStructs.CMSG_LEN_INT).as("CMSG_LEN(sizeof(int))").isEqualTo(20);
        assertThat(LinuxStructs.CMSG_SPACE_INT).as("CMSG_SPACE(sizeof(int))").isEqualTo(24);
    }

    @Test
    void addressesPollAndTimeMatchTheCompiler() {
        assertThat(LinuxStructs.IOVEC.byteSize()).isEqualTo(16);
        assertThat(LinuxStructs.SOCKADDR_IN.byteSize()).isEqualTo(16);
        assertThat(LinuxStructs.SOCKADDR_IN6.byteSize()).isEqualTo(28);
        assertThat(LinuxStructs.SIN6_ADDR).isEqualTo(8);
        assertThat(LinuxStructs.SIN6_SCOPE_ID).isEqualTo(24);
        assertThat(LinuxStructs.SOCKADDR_STORAGE.byteSize()).isEqualTo(128);
        assertThat(LinuxStructs.SOCKADDR_STORAGE.byteAlignment()).isEqualTo(8);
        assertThat(LinuxStructs.POLLFD.byteSize()).isEqualTo(8);
        assertThat(LinuxStructs.POLL_REVENTS).isEqualTo(6);
        assertThat(LinuxStructs.TIMESPEC.byteSize()).isEqualTo(16);
    }
}
