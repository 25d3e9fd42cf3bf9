package org.virtxml.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.virtxml.edit.Change;
import org.virtxml.edit.EditRefusedException;
import org.virtxml.edit.EditResult;
import org.virtxml.edit.InterfaceSpec;
import org.virtxml.edit.Networks;
import org.virtxml.edit.VirtioConversion;
import org.virtxml.model.MacAddress;
import org.virtxml.model.PciAddress;
import org.virtxml.model.domain.Domain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml edit [operations] FILE}: changes a domain through the typed model and leaves the
 * rest as it was. Operations run in this order: removals, replacements, additions, then
 * {@code --virtio}. What changed goes to standard error, one line per change. Exit 0 done; 1 the
 * document could not be read or an operation was refused (nothing is written then); 2 usage.
 */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Edit a domain: convert disks and NICs to virtio; add, replace or remove NICs and PCI devices.")
public final class EditCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The domain XML, or - for standard input.")
    private String file;

    @Option(names = "--virtio", description = "Move ide/sata/scsi disks to virtio (next free vdX, stale drive address removed) and NIC models to virtio.")
    private boolean virtio;

    @Option(names = "--add-network", paramLabel = "NAME", description = "Add a NIC on a libvirt (NAT) network.")
    private List<String> addNetwork = List.of();

    @Option(names = "--add-bridge", paramLabel = "BRIDGE", description = "Add a NIC on a host bridge.")
    private List<String> addBridge = List.of();

    @Option(names = "--add-direct", paramLabel = "DEV[:MODE]", description = "Add a direct (macvtap) NIC on a host interface; mode bridge (default), vepa, private or passthrough.")
    private List<String> addDirect = List.of();

    @Option(names = "--add-sriov", paramLabel = "PCI", description = "Add an SR-IOV virtual function (interface type hostdev), e.g. 0000:03:10.2.")
    private List<String> addSriov = List.of();

    @Option(names = "--add-hostdev", paramLabel = "PCI", description = "Assign a host PCI device (managed), e.g. 0000:06:00.0.")
    private List<String> addHostdev = List.of();

    @Option(names = "--replace-interface", paramLabel = "MAC=SPEC", description = "Re-point the NIC with MAC to network:NAME, bridge:NAME, direct:DEV[:MODE] or sriov:PCI (MAC and model kept).")
    private List<String> replace = List.of();

    @Option(names = "--remove-interface", paramLabel = "MAC", description = "Remove the NIC with this MAC.")
    private List<String> removeInterface = List.of();

    @Option(names = "--remove-hostdev", paramLabel = "PCI", description = "Release an assigned PCI device.")
    private List<String> removeHostdev = List.of();

    @Mixin
    private OutputOptions output;

    @Mixin
    private DebugOption debug;

    @Spec
    private CommandSpec spec;

    private final RandomGenerator random;
    private final InputStream stdin;

    public EditCommand() {
        this(new java.security.SecureRandom(), System.in);
    }

    /** For tests: MACs drawn from {@code random}, standard input from {@code stdin}. */
    EditCommand(RandomGenerator random, InputStream stdin) {
        this.random = random;
        this.stdin = stdin;
    }

    /** One parsed operation. */
    private interface Operation {
        EditResult<Domain> apply(Domain d) throws EditRefusedException;
    }

    @Override
    public Integer call() throws IOException {
        AuthoringIo io = AuthoringIo.of(spec, stdin);
        int usage = io.checkOutputOptions(file, output);
        if (usage != AuthoringIo.OK) {
            return usage;
        }
        List<Operation> ops;
        try {
            ops = operations();
        } catch (IllegalArgumentException e) {
            io.error(e.getMessage());
            return AuthoringIo.USAGE;
        }
        return io.changeDomain(file, output, (document, domain) -> {
            List<Change> changes = new ArrayList<>();
            for (Operation op : ops) {
                changes.addAll(op.apply(domain).changes());
            }
            return new AuthoringIo.Outcome(document, changes);
        });
    }

    private List<Operation> operations() {
        Networks networks = Networks.withRandom(random);
        List<Operation> ops = new ArrayList<>();
        for (String m : removeInterface) {
            MacAddress mac = mac(m);
            ops.add(d -> networks.removeInterface(d, mac));
        }
        for (String p : removeHostdev) {
            PciAddress a = PciAddress.parse(p);
            ops.add(d -> networks.removeHostdev(d, a));
        }
        for (String r : replace) {
            int eq = r.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--replace-interface takes MAC=SPEC, got '" + r + "'");
            }
            MacAddress mac = mac(r.substring(0, eq));
            InterfaceSpec s = InterfaceSpec.parse(r.substring(eq + 1));
            ops.add(d -> networks.replaceInterface(d, mac, s));
        }
        for (String n : addNetwork) {
            InterfaceSpec s = new InterfaceSpec.Network(n);
            ops.add(d -> networks.addInterface(d, s));
        }
        for (String b : addBridge) {
            InterfaceSpec s = new InterfaceSpec.Bridge(b);
            ops.add(d -> networks.addInterface(d, s));
        }
        for (String dev : addDirect) {
            InterfaceSpec s = InterfaceSpec.parse("direct:" + dev);
            ops.add(d -> networks.addInterface(d, s));
        }
        for (String p : addSriov) {
            InterfaceSpec s = new InterfaceSpec.SriovVf(PciAddress.parse(p));
            ops.add(d -> networks.addInterface(d, s));
        }
        for (String p : addHostdev) {
            PciAddress a = PciAddress.parse(p);
            ops.add(d -> networks.addHostdev(d, a));
        }
        if (virtio) {
            ops.add(new VirtioConversion()::apply);
        }
        return ops;
    }

    private static MacAddress mac(String text) {
        MacAddress m = MacAddress.of(text);
        if (!m.isParsable()) {
            throw new IllegalArgumentException("'" + text + "' is not a MAC address");
        }
        return m;
    }
}
