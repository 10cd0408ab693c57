package dev.pactum.process;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A refusal raised inside the engine while a user works in Tasklist: Tasklist shows the engine's message as it is
 * and sends no language, so the message says it in Chinese, then English.
 */
public final class TasklistRefusal {

    private TasklistRefusal() {
    }

    public static IllegalArgumentException of(MessageSource messages, String key, Object... args) {
        return new IllegalArgumentException(messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE) + " / "
                + messages.getMessage(key, args, Locale.ENGLISH));
    }
}
