package org.virtxml.connect.rpc;

/** A procedure of a made-up program, for calls to the fake daemon. */
record TestProcedure(int number) implements Procedure {
    static final int PROGRAM = 0x7e57;

    @Override
    public int program() {
        return PROGRAM;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String label() {
        return "TEST_PROC_" + number;
    }
}
