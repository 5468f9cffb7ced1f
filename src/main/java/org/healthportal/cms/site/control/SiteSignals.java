package org.healthportal.cms.site.control;

import java.io.Serializable;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;

/**
 * The cluster-wide "something public changed" signal over JCache (Hazelcast in Payara Micro): a node puts
 * {@code key -> node|sequence} into a small cache, and every node's synchronous entry listener hears it before
 * the put returns. Only the signal crosses the cluster; pages and index stay node-local. Entries expire after a
 * minute: they are messages, not data.
 */
final class SiteSignals {

    private static final Logger LOG = Logger.getLogger(SiteSignals.class.getName());
    static final String CACHE = "cms-site-signals";

    private final String node = UUID.randomUUID().toString();
    private final Cache<Object, Object> cache;
    private MutableCacheEntryListenerConfiguration<Object, Object> listener;
    private long sequence;

    private SiteSignals(Cache<Object, Object> cache) {
        this.cache = cache;
    }

    /** Joins the signal cache, handing signals from other nodes to {@code receiver}; null when JCache is missing. */
    static SiteSignals open(CacheManager manager, Consumer<String> receiver) {
        if (manager == null) {
            return null;
        }
        try {
            Cache<Object, Object> cache = manager.getCache(CACHE);
            if (cache == null) {
                try {
                    cache = manager.createCache(CACHE, new MutableConfiguration<>()
                            .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.ONE_MINUTE)));
                } catch (javax.cache.CacheException createdMeanwhile) {
                    cache = manager.getCache(CACHE);
                }
            }
            SiteSignals signals = new SiteSignals(cache);
            Listener.receiver = value -> {
                int bar = value.indexOf('|');
                if (bar > 0 && !value.substring(0, bar).equals(signals.node)) {
                    int second = value.indexOf('|', bar + 1);
                    receiver.accept(value.substring(second + 1));
                }
            };
            MutableCacheEntryListenerConfiguration<Object, Object> config = new MutableCacheEntryListenerConfiguration<>(
                    FactoryBuilder.factoryOf(new Listener()), null, false, true);
            cache.registerCacheEntryListener(config);
            signals.listener = config;
            return signals;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No cluster-wide change signal (JCache unavailable): this node only drops its own"
                    + " caches", e);
            return null;
        }
    }

    /** Tells every other node; returns when their listeners have run. */
    synchronized void send(String signal) {
        String value = node + "|" + (++sequence) + "|" + signal;
        try {
            cache.put(signal, value);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not signal the other nodes: " + signal, e);
        }
    }

    void close() {
        Listener.receiver = null;
        try {
            if (listener != null) {
                cache.deregisterCacheEntryListener(listener);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Deregistering the signal listener", e);
        }
    }

    /** Registered on each node; serializable because the grid keeps listener configurations with the cache. */
    static final class Listener implements CacheEntryCreatedListener<Object, Object>,
            CacheEntryUpdatedListener<Object, Object>, Serializable {

        private static final long serialVersionUID = 1L;
        static volatile Consumer<String> receiver;

        @Override
        public void onCreated(Iterable<CacheEntryEvent<?, ?>> events) throws CacheEntryListenerException {
            deliver(events);
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<?, ?>> events) throws CacheEntryListenerException {
            deliver(events);
        }

        private static void deliver(Iterable<CacheEntryEvent<?, ?>> events) {
            Consumer<String> r = receiver;
            if (r == null) {
                return;
            }
            for (CacheEntryEvent<?, ?> e : events) {
                if (e.getValue() instanceof String value) {
                    try {
                        r.accept(value);
                    } catch (RuntimeException failed) {
                        LOG.log(Level.WARNING, "Handling change signal " + value, failed);
                    }
                }
            }
        }
    }
}
