import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes COUNT guest documents into OUT: copies of the domain documents found under SOURCE, taken
 * in turn, each with a name and UUID of its own (so that the set rules see COUNT distinct guests).
 * Run with the source launcher: {@code java bench/GuestCopies.java SOURCE COUNT OUT}.
 */
public final class GuestCopies {
    private static final Pattern NAME = Pattern.compile("<name>[^<]*</name>");
    private static final Pattern UUID = Pattern.compile("<uuid>[^<]*</uuid>");

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        List<String> domains;
        try (Stream<Path> files = Files.walk(source)) {
            domains = files.filter(p -> p.toString().endsWith(".xml")).sorted().map(GuestCopies::text)
                    .filter(t -> t != null && t.stripLeading().startsWith("<domain") && NAME.matcher(t).find()
                            && !t.contains("<!DOCTYPE"))
                    .toList();
        }
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("no domain documents under " + source);
        }
        for (int i = 0; i < count; i++) {
            String doc = domains.get(i % domains.size());
            String name = "<name>guest-" + i + "</name>";
            String uuid = String.format("<uuid>%08x-0000-4000-8000-%012x</uuid>", i, i);
            Matcher m = UUID.matcher(doc);
            doc = m.find() ? m.replaceFirst(uuid) : NAME.matcher(doc).replaceFirst(Matcher.quoteReplacement(name + uuid));
            doc = NAME.matcher(doc).replaceFirst(Matcher.quoteReplacement(name));
            Files.writeString(out.resolve("guest-" + i + ".xml"), doc, StandardCharsets.UTF_8);
        }
    }

    private static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // not UTF-8 text: not one of the copies
        }
    }
}
