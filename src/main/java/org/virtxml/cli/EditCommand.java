package org.virtxml.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.virtxml.connect.Connector;
import org.virtxml.connect.ConnectorException;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.DomainSummary;
import org.virtxml.connect.VolumeSummary;
import org.virtxml.edit.Change;
import org.virtxml.edit.DiskSpec;
import org.virtxml.edit.Disks;
import org.virtxml.edit.DomainMetadata;
import org.virtxml.edit.EditRefusedException;
import org.virtxml.edit.EditResult;
import org.virtxml.edit.InterfaceSpec;
import org.virtxml.edit.Networks;
import org.virtxml.edit.VirtioConversion;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.SafeXml;
import org.virtxml.model.MacAddress;
import org.virtxml.model.ModelElement;
import org.virtxml.model.PciAddress;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.DiskSourceVariant;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.volume.Volume;
import org.w3c.dom.Element;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml edit [operations] FILE}: changes a domain through the typed model and leaves the
 * rest as it was. Operations run in this order: title, description and metadata, removals,
 * replacements, additions (NICs, PCI devices, disks), then {@code --virtio}. What changed goes to standard error, one line per change. Exit 0 done; 1 the
 * document could not be read or an operation was refused (nothing is written then); 2 usage.
 */
@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        description =
                "Edit a domain: convert disks and NICs to virtio; add disks; add, replace or remove NICs and PCI devices; set title, description and metadata.")
public final class EditCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The domain XML, or - for standard input.")
    private String file;

    @Option(
            names = "--virtio",
            description =
                    "Move ide/sata/scsi disks to virtio (next free vdX, stale drive address removed) and NIC models to virtio;"
                            + " refused for a Windows guest's boot disk without a virtio driver ISO attached (see --force).")
    private boolean virtio;

    @Option(
            names = "--force",
            description = "With --virtio: convert a Windows guest's boot disk even without a virtio driver ISO.")
    private boolean force;

    @Option(
            names = "--add-disk",
            paramLabel = "SIZE|PATH",
            description = "Add a disk at the next free target: an existing image (PATH),"
                    + " or a new qcow2 image of SIZE (a number without a unit is MiB), a file or with --pool a volume.")
    private List<String> addDisk = List.of();

    @Option(
            names = "--bus",
            paramLabel = "BUS",
            defaultValue = "virtio",
            description =
                    "Bus of the disks --add-disk adds: virtio, sata, scsi, ide or usb (default ${DEFAULT-VALUE}).")
    private String bus;

    @Option(
            names = "--pool",
            paramLabel = "NAME",
            description = "Storage pool of the new images --add-disk SIZE makes (a volume NAME-TARGET.qcow2).")
    private String pool;

    @Option(names = "--set-title", paramLabel = "TEXT", description = "Set the guest's title (one line).")
    private String title;

    @Option(names = "--set-description", paramLabel = "TEXT", description = "Set the guest's description.")
    private String description;

    @Option(
            names = "--set-metadata",
            paramLabel = "NS=FILE",
            description = "Put the XML element in FILE into <metadata>, replacing the element of namespace NS.")
    private List<String> setMetadata = List.of();

    @Option(
            names = "--connect",
            paramLabel = "URI",
            description = "Ask this host: whether the guest is running (then the changes wait for it"
                    + " to shut down), and create the volumes --add-disk SIZE --pool makes.")
    private String connect;

    @Option(
            names = "--live",
            description = "With --connect, on a running guest: attach the disks and interfaces the edit adds and"
                    + " detach those it removes at once; everything else waits for the guest to shut down.")
    private boolean live;

    @Option(names = "--add-network", paramLabel = "NAME", description = "Add a NIC on a libvirt (NAT) network.")
    private List<String> addNetwork = List.of();

    @Option(names = "--add-bridge", paramLabel = "BRIDGE", description = "Add a NIC on a host bridge.")
    private List<String> addBridge = List.of();

    @Option(
            names = "--add-direct",
            paramLabel = "DEV[:MODE]",
            description =
                    "Add a direct (macvtap) NIC on a host interface; mode bridge (default), vepa, private or passthrough.")
    private List<String> addDirect = List.of();

    @Option(
            names = "--add-sriov",
            paramLabel = "PCI",
            description = "Add an SR-IOV virtual function (interface type hostdev), e.g. 0000:03:10.2.")
    private List<String> addSriov = List.of();

    @Option(
            names = "--add-hostdev",
            paramLabel = "PCI",
            description = "Assign a host PCI device (managed), e.g. 0000:06:00.0.")
    private List<String> addHostdev = List.of();

    @Option(
            names = "--replace-interface",
            paramLabel = "MAC=SPEC",
            description =
                    "Re-point the NIC with MAC to network:NAME, bridge:NAME, direct:DEV[:MODE] or sriov:PCI (MAC and model kept).")
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
        List<Disks.Added> added = new ArrayList<>();
        try {
            ops = operations(added);
        } catch (IllegalArgumentException e) {
            io.error(e.getMessage());
            return AuthoringIo.USAGE;
        }
        if (live && connect == null) {
            io.error("--live needs --connect URI");
            return AuthoringIo.USAGE;
        }
        if (connect == null) {
            return io.changeDomain(file, output, (document, domain) -> {
                List<Change> changes = applied(ops, domain);
                for (Disks.Added a : added) {
                    a.volume().ifPresent(v -> changes.add(new Change(target(a), "create it: " + createCommand(a, v))));
                }
                return new AuthoringIo.Outcome(document, changes);
            });
        }
        try (Connector host = Connectors.open(connect)) {
            return io.changeDomain(file, output, (document, domain) -> {
                LibvirtDocument<Domain> before = document.withRoot(ModelElement.copyOf(domain));
                List<Change> changes = applied(ops, domain);
                try {
                    for (Disks.Added a : added) {
                        if (a.volume().isPresent() && pool != null) {
                            VolumeSummary v = host.createVolume(
                                    pool, LibvirtXml.toXml(a.volume().get()));
                            changes.add(new Change(
                                    target(a),
                                    "volume " + v.name() + " created in pool " + v.pool() + " (" + v.key() + ")"));
                        } else {
                            a.volume()
                                    .ifPresent(v ->
                                            changes.add(new Change(target(a), "create it: " + createCommand(a, v))));
                        }
                    }
                    String name =
                            domain.getName() == null ? null : domain.getName().getText();
                    Optional<DomainSummary> guest = name == null ? Optional.empty() : host.findDomain(name);
                    if (guest.isPresent() && guest.get().state().isActive() && !changes.isEmpty()) {
                        if (live) {
                            changes.addAll(LiveEdit.apply(host, name, before, document.withRoot(domain)));
                        } else {
                            changes.add(new Change(
                                    "/domain",
                                    "the guest is running: these changes take effect after the guest"
                                            + " shuts down (virsh shutdown " + name + ", then apply and start it;"
                                            + " --live attaches and detaches disks and interfaces at once)"));
                        }
                    }
                } catch (ConnectorException e) {
                    throw new EditRefusedException(connect + ": " + e.getMessage());
                }
                return new AuthoringIo.Outcome(document, changes);
            });
        } catch (ConnectorException e) {
            io.error(connect + ": " + e.getMessage());
            return AuthoringIo.USAGE;
        }
    }

    private static List<Change> applied(List<Operation> ops, Domain domain) throws EditRefusedException {
        List<Change> changes = new ArrayList<>();
        for (Operation op : ops) {
            changes.addAll(op.apply(domain).changes());
        }
        return changes;
    }

    /** Where the added disk names its new image: {@code /domain/devices/disk[N]/source/@file} or {@code @volume}. */
    private static String target(Disks.Added a) {
        return a.edit().changes().get(0).path() + "/source/@"
                + (a.disk().source() instanceof DiskSourceVariant.Volume ? "volume" : "file");
    }

    /** The command that creates a new disk's image without a connection. */
    private static String createCommand(Disks.Added a, Volume v) {
        long bytes = v.getCapacity().size().bytes(Unit.BYTES).orElseThrow();
        if (a.disk().source() instanceof DiskSourceVariant.Volume vol) {
            return "virsh vol-create-as " + vol.pool() + " " + vol.volume() + " " + bytes + " --format qcow2";
        }
        return "qemu-img create -f qcow2 " + a.disk().getSource().getFile() + " " + bytes;
    }

    private List<Operation> operations(List<Disks.Added> added) {
        Networks networks = Networks.withRandom(random);
        List<Operation> ops = new ArrayList<>();
        if (title != null) {
            ops.add(d -> DomainMetadata.setTitle(d, title));
        }
        if (description != null) {
            ops.add(d -> DomainMetadata.setDescription(d, description));
        }
        for (String m : setMetadata) {
            int eq = m.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set-metadata takes NS=FILE, got '" + m + "'");
            }
            String ns = m.substring(0, eq);
            Element element = metadataElement(m.substring(eq + 1));
            ops.add(d -> DomainMetadata.setMetadata(d, ns, element));
        }
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
        if (pool != null && addDisk.isEmpty()) {
            throw new IllegalArgumentException("--pool is for the new images of --add-disk SIZE");
        }
        for (String a : addDisk) {
            DiskSpec spec = looksLikeSize(a)
                    ? DiskSpec.sized(AuthoringIo.sizeMib(a)).onBus(bus).inPool(pool)
                    : DiskSpec.image(a).onBus(bus);
            ops.add(d -> {
                Disks.Added r = Disks.addDisk(d, spec);
                added.add(r);
                return r.edit();
            });
        }
        if (virtio) {
            VirtioConversion conversion = new VirtioConversion();
            ops.add(d -> conversion.convert(d, force));
        }
        return ops;
    }

    /** A SIZE (digits first, no slash) rather than a PATH. */
    private static boolean looksLikeSize(String arg) {
        return !arg.isEmpty() && Character.isDigit(arg.charAt(0)) && !arg.contains("/");
    }

    /** The root element of the XML file {@code path}, read without external entities. */
    private static Element metadataElement(String path) {
        try {
            return SafeXml.newDocumentBuilder().parse(Path.of(path).toFile()).getDocumentElement();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--set-metadata: cannot read " + path + ": " + e.getMessage());
        } catch (org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalArgumentException(
                    "--set-metadata: " + path + " is not well-formed XML: " + e.getMessage());
        }
    }

    private static MacAddress mac(String text) {
        MacAddress m = MacAddress.of(text);
        if (!m.isParsable()) {
            throw new IllegalArgumentException("'" + text + "' is not a MAC address");
        }
        return m;
    }
}
