package org.opencrm.notifications.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Pattern;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Hands e-mails to the SMTP server ({@code spring.mail.*}) as UTF-8 plain text. */
@Component
class MailChannel {

    /** An SMTP reply of the 5xx class: the server refused for good. */
    private static final Pattern PERMANENT_REPLY = Pattern.compile("(^|\\D)5\\d\\d[ -]");

    private final JavaMailSender mail;
    private final MessagingSettings settings;

    MailChannel(JavaMailSender mail, MessagingSettings settings) {
        this.mail = mail;
        this.settings = settings;
    }

    void send(String recipient, String subject, String body) throws DeliveryException {
        try {
            MimeMessage message = mail.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.mail().from());
            helper.setTo(recipient);
            helper.setSubject(subject);
            helper.setText(body, false);
            mail.send(message);
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            throw new DeliveryException("the message could not be written: " + e.getMessage(), true, e);
        } catch (MailAuthenticationException e) {
            throw new DeliveryException("the SMTP server refused the credentials", false, e);
        } catch (MailException e) {
            String reason = rootMessage(e);
            throw new DeliveryException(reason, PERMANENT_REPLY.matcher(reason).find(), e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        String message = failure.getMessage();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message.strip();
    }
}
