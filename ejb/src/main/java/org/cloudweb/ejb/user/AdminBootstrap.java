package org.cloudweb.ejb.user;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.data.DataDirectory;
import org.cloudweb.ejb.error.ConflictException;
import org.cloudweb.ejb.record.RecordService;
import org.cloudweb.persistence.user.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first administrator when the application starts on a database without users: name
 * {@value #NAME}, e-mail {@code cloudweb.admin.email}, password {@code cloudweb.admin.password} or, when none is
 * configured, a generated one that is logged once and written to {@code <data>/initial-admin-password}
 * (mode 600).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "DataDirectory"})
public class AdminBootstrap {

    static final String NAME = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountStore accounts;

    @Inject
    DataDirectory data;

    @Inject
    RecordService records;

    @Inject
    @ConfigProperty(name = "cloudweb.admin.email")
    String email;

    @Inject
    @ConfigProperty(name = "cloudweb.admin.password")
    Optional<String> configuredPassword;

    @PostConstruct
    void createFirstAdmin() {
        if (em.createNamedQuery(User.COUNT_ALL, Long.class).getSingleResult() > 0) {
            return;
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = Passwords.generate();
        } else {
            UserService.checkNewPassword(password);
        }
        User admin;
        try {
            admin = accounts.create(new NewUser(NAME, UserService.checkEmail(email), password), true);
        } catch (ConflictException anotherNodeWasFaster) {
            LOG.info("The first administrator was created by another node");
            return;
        }
        records.addFor(admin.getId(), "user.create", "/" + NAME, 201, "first administrator");
        if (generated) {
            writePasswordFile(data.root().resolve(PASSWORD_FILE), password);
            LOG.log(Level.WARNING, "Created the administrator {0} with the generated password {1} (also in {2});"
                    + " change it after signing in", new Object[] {email, password, data.root().resolve(PASSWORD_FILE)});
        } else {
            LOG.log(Level.INFO, "Created the administrator {0} with the configured password", email);
        }
    }

    private static void writePasswordFile(Path file, String password) {
        try {
            Path written = file.resolveSibling(PASSWORD_FILE + ".tmp");
            Files.deleteIfExists(written);
            Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(written, password + "\n", StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
