package org.virtxml.connect.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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
 * {@link #accept} runs on the connection's reader thread; events that arrive while the registration's
 * reply is being handled are held and delivered once the callback id is known. An event for another
 * callback id, or one this client cannot decode, is dropped; a listener's exception does not end the
 * connection. The hub's lock is never held during a call (the reader would wait for it).
 */
final class DomainEventHub implements Consumer<Message> {
    /** Events held while a registration's reply is on its way, at most. */
    private static final int HELD_MAX = 1024;

    private final List<Listener> listeners = new ArrayList<>();
    private final List<LifecycleEvent> held = new ArrayList<>();
    private final List<Integer> heldIds = new ArrayList<>();
    private int callbackId = -1;
    private boolean registering;

    /** One registration; its identity tells two registrations of the same listener apart. */
    static final class Listener {
        private final Consumer<LifecycleEvent> consumer;

        Listener(Consumer<LifecycleEvent> consumer) {
            this.consumer = consumer;
        }
    }

    /** The daemon's callback id, while one is registered. */
    synchronized OptionalInt callbackId() {
        return callbackId < 0 ? OptionalInt.empty() : OptionalInt.of(callbackId);
    }

    /**
     * A registration call is about to be sent: events that arrive before its reply is handled
     * (the daemon may send them right behind it) are held rather than dropped.
     */
    synchronized void registering() {
        registering = true;
    }

    synchronized void registrationFailed() {
        registering = false;
        held.clear();
        heldIds.clear();
    }

    /** The registration answered with {@code id}: the held events of that callback reach the listeners, in order. */
    synchronized void registered(int id) {
        callbackId = id;
        registering = false;
        for (int i = 0; i < held.size(); i++) {
            if (heldIds.get(i) == id) {
                deliver(held.get(i));
            }
        }
        held.clear();
        heldIds.clear();
    }

    synchronized Listener add(Consumer<LifecycleEvent> consumer) {
        Listener listener = new Listener(consumer);
        listeners.add(listener);
        return listener;
    }

    /** Removes the listener; returns the callback id to deregister when it was the last one. */
    synchronized OptionalInt remove(Listener listener) {
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
        int id;
        LifecycleEvent event;
        try {
            XdrDecoder in = message.payloadDecoder();
            id = in.readInt();
            RemoteTypes.DomainRef domain = RemoteTypes.readDomain(in);
            int type = in.readInt();
            int detail = in.readInt();
            Optional<LifecycleEvent.Type> known = LifecycleEvent.Type.of(type);
            if (known.isEmpty()) {
                return; // an event type newer than this client
            }
            event = new LifecycleEvent(domain.name(), domain.uuid(), known.get(), detail);
        } catch (XdrException e) {
            return; // an event this client cannot decode is dropped
        }
        synchronized (this) {
            if (id == callbackId) {
                deliver(event);
            } else if (registering && callbackId < 0 && held.size() < HELD_MAX) {
                held.add(event);
                heldIds.add(id);
            }
        }
    }

    private void deliver(LifecycleEvent event) {
        for (Listener listener : listeners) {
            try {
                listener.consumer.accept(event);
            } catch (RuntimeException e) {
                // the listener's own failure; the connection and the other listeners go on
            }
        }
    }
}
