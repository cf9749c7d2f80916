package org.cloudweb.monitor.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.cloudweb.ejb.config.ConfigKey;
import org.cloudweb.ejb.config.ConfigService;

/**
 * Sends alert e-mails through the SMTP server of the settings ({@code smtp.*}), read at every message so that a
 * change applies to the next one. Blocks for as long as the server takes (at most about 30 s): call it off the
 * monitor's thread.
 */
@ApplicationScoped
public class AlertMailer {

    /** Connection, read and write timeouts, so that a stalled server gives up a thread at some point. */
    static final String TIMEOUT_MILLIS = "10000";

    @Inject
    ConfigService config;

    @Inject
    AlertStore store;

    /**
     * Sends a notice to the rule's recipients, or to every enabled administrator if it names none.
     *
     * @return false, sending nothing, if no SMTP server is configured
     * @throws MessagingException if the server refused or could not be reached, or nobody would receive it
     */
    public boolean send(Notice notice) throws MessagingException {
        String host = config.get(ConfigKey.SMTP_HOST);
        if (host == null) {
            return false;
        }
        List<String> recipients = notice.rule().recipients().isEmpty() ? store.adminEmails()
                : notice.rule().recipients();
        if (recipients.isEmpty()) {
            throw new MessagingException("no recipients: the rule names none and no administrator is enabled");
        }
        String username = config.get(ConfigKey.SMTP_USERNAME);
        Session session = Session.getInstance(properties(host, config.get(ConfigKey.SMTP_PORT),
                config.get(ConfigKey.SMTP_TLS), username != null));
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(config.get(ConfigKey.SMTP_FROM)));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", recipients)));
        String hostName = store.hostName(notice.hostId());
        message.setSubject(AlertMessages.subject(notice, hostName), "UTF-8");
        message.setText(AlertMessages.body(notice, hostName), "UTF-8");
        message.setSentDate(new Date());
        if (username != null) {
            Transport.send(message, username, config.get(ConfigKey.SMTP_PASSWORD));
        } else {
            Transport.send(message);
        }
        return true;
    }

    static Properties properties(String host, int port, String tls, boolean auth) {
        Properties properties = new Properties();
        String protocol = "tls".equals(tls) ? "smtps" : "smtp";
        properties.setProperty("mail.transport.protocol", protocol);
        properties.setProperty("mail.transport.protocol.rfc822", protocol);
        String prefix = "mail." + protocol + ".";
        properties.setProperty(prefix + "auth", String.valueOf(auth));
        properties.setProperty(prefix + "host", host);
        properties.setProperty(prefix + "port", String.valueOf(port));
        properties.setProperty(prefix + "connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty(prefix + "timeout", TIMEOUT_MILLIS);
        properties.setProperty(prefix + "writetimeout", TIMEOUT_MILLIS);
        if ("starttls".equals(tls)) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (!"none".equals(tls)) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }
}
