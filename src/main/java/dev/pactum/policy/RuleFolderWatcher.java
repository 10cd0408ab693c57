package dev.pactum.policy;

import dev.pactum.rules.RulesProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * With {@code pactum.rules.watch=true} and a {@code file:} rule location, reloads the rules when a file under the
 * folder changes, once the folder has been quiet for {@code pactum.rules.watch-debounce}. A set that does not
 * compile or breaks a fixture is refused by {@link RuleSetReloader} and logged; the live rules stay.
 */
@Component
@ConditionalOnProperty(prefix = "pactum.rules", name = "watch", havingValue = "true")
class RuleFolderWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuleFolderWatcher.class);

    private final RuleSetReloader reloader;
    private final RulesProperties properties;
    private ScheduledExecutorService scheduler;
    private WatchService watchService;
    private ScheduledFuture<?> pendingReload;
    private volatile boolean running;

    public RuleFolderWatcher(RuleSetReloader reloader, RulesProperties properties) {
        this.reloader = reloader;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!properties.location().startsWith("file:")) {
            log.warn("pactum.rules.watch is on but {} is no file: folder; not watching", properties.location());
            return;
        }
        Path folder = Path.of(URI.create(properties.location()));
        try {
            watchService = FileSystems.getDefault().newWatchService();
            try (var folders = Files.walk(folder)) {
                for (Path each : folders.filter(Files::isDirectory).toList()) {
                    each.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + folder, e);
        }
        scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "rule-folder-watcher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(this::watch);
        running = true;
        log.info("Watching {} for rule changes", folder);
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                key.pollEvents();
                key.reset();
                scheduleReload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void scheduleReload() {
        if (pendingReload != null) {
            pendingReload.cancel(false);
        }
        pendingReload = scheduler.schedule(this::reload, properties.watchDebounce().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reload() {
        try {
            reloader.reload();
        } catch (RuntimeException e) {
            // RuleSetReloader has logged which file, line or fixture; the live rules stay.
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                log.debug("Closing the rule folder watch", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
