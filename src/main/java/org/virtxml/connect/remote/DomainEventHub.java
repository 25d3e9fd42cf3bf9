package org.virtxml.connect.remote;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.virtxml.connect.LifecycleEvent;
import org.virtxml.connect.rpc.Message;
import org.virtxml.connect.rpc.MessageHeader;
import org.virtxml.connect.rpc.RemoteProcedure;
import org.virtxml.connect.xdr.XdrDecoder;
import org.virtxml.connect.xdr.XdrException;

/**
 * The lifecycle listeners of one connection. The daemon tracks one callback per event kind and
 * connection (a second registration is refused: "event callback already tracked"), so, like
 * libvirt's own client, this registers once and fans each event out to every local listener.
 * {@link #accept} runs on the connection's reader thread; an event for another callback id, or one
 * this client cannot decode, is dropped, and a listener's exception does not end the connection.
 */
final class DomainEventHub implements Consumer<Message> {
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile int callbackId = -1;

    /** One registration; its identity tells two registrations of the same listener apart. */
    static final class Listener {
        private final Consumer<LifecycleEvent> consumer;

        Listener(Consumer<LifecycleEvent> consumer) {
            this.consumer = consumer;
        }
    }

    /** The daemon's callback id, while one is registered. Callers synchronize on this hub. */
    OptionalInt callbackId() {
        return callbackId < 0 ? OptionalInt.empty() : OptionalInt.of(callbackId);
    }

    void registered(int id) {
        callbackId = id;
    }

    Listener add(Consumer<LifecycleEvent> consumer) {
        Listener listener = new Listener(consumer);
        listeners.add(listener);
        return listener;
    }

    /** Removes the listener; returns the callback id to deregister when it was the last one. */
    OptionalInt remove(Listener listener) {
        listeners.remove(listener);
        if (!listeners.isEmpty() || callbackId < 0) {
            return OptionalInt.empty();
        }
        int id = callbackId;
        callbackId = -1;
        return OptionalInt.of(id);
    }

    @Override
    public void accept(Message message) {
        MessageHeader header = message.header();
        if (header.program() != RemoteProcedure.PROGRAM
                || header.procedure() != RemoteProcedure.DOMAIN_EVENT_CALLBACK_LIFECYCLE.number()) {
            return; // an event kind nobody here subscribes to
        }
        try {
            XdrDecoder in = message.payloadDecoder();
            int id = in.readInt();
            RemoteTypes.DomainRef domain = RemoteTypes.readDomain(in);
            int event = in.readInt();
            int detail = in.readInt();
            if (id != callbackId) {
                return;
            }
            LifecycleEvent.Type.of(event).ifPresent(type -> {
                LifecycleEvent lifecycle = new LifecycleEvent(domain.name(), domain.uuid(), type, detail);
                for (Listener listener : listeners) {
                    try {
                        listener.consumer.accept(lifecycle);
                    } catch (RuntimeException e) {
                        // the listener's own failure; the connection and the other listeners go on
                    }
                }
            });
        } catch (XdrException e) {
            // an event this client cannot decode is dropped
        }
    }
}
