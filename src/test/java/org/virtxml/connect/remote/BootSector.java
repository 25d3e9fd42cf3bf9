package org.virtxml.connect.remote;

import java.nio.charset.StandardCharsets;

/**
 * A 512-byte x86 boot sector, assembled by hand, that writes a marker to COM1 (I/O port 0x3F8)
 * and halts: the smallest guest that proves a CPU ran it.
 */
public final class BootSector {
    /** Load address of a boot sector. */
    private static final int ORIGIN = 0x7C00;
    /**
     * 16-bit real-mode code; the message follows at offset 0x16.
     * <pre>
     * 00 FA          cli
     * 01 31 C0       xor ax, ax
     * 03 8E D8       mov ds, ax
     * 05 BE 16 7C    mov si, 0x7C16        ; the message
     * 08 BA F8 03    mov dx, 0x3F8         ; COM1 data register
     * 0B AC          next: lodsb
     * 0C 84 C0       test al, al
     * 0E 74 03       jz done
     * 10 EE          out dx, al
     * 11 EB F8       jmp next
     * 13 F4          done: hlt
     * 14 EB FD       jmp done
     * </pre>
     */
    private static final int[] CODE = {
        0xFA, 0x31, 0xC0, 0x8E, 0xD8, 0xBE, 0x16, 0x7C, 0xBA, 0xF8, 0x03,
        0xAC, 0x84, 0xC0, 0x74, 0x03, 0xEE, 0xEB, 0xF8, 0xF4, 0xEB, 0xFD,
    };

    private BootSector() {}

    public static byte[] printing(String marker) {
        byte[] message = (marker + "\r\n").getBytes(StandardCharsets.US_ASCII);
        if (CODE.length != 0x16 || ORIGIN + CODE.length != 0x7C16) {
            throw new IllegalStateException("code length no longer matches the message address");
        }
        if (CODE.length + message.length + 1 > 510) {
            throw new IllegalArgumentException("marker too long for a boot sector");
        }
        byte[] sector = new byte[512];
        for (int i = 0; i < CODE.length; i++) {
            sector[i] = (byte) CODE[i];
        }
        System.arraycopy(message, 0, sector, CODE.length, message.length); // NUL-terminated by the zeroed array
        sector[510] = 0x55; // boot signature
        sector[511] = (byte) 0xAA;
        return sector;
    }
}
