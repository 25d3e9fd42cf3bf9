package org.virtxml.connect.remote;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.virtxml.connect.LifecycleEvent;
import org.virtxml.connect.rpc.Message;
import org.virtxml.connect.rpc.MessageHeader;
import org.virtxml.connect.rpc.RemoteProcedure;
import org.virtxml.connect.xdr.XdrDecoder;
import org.virtxml.connect.xdr.XdrException;

/**
 * Hands the daemon's event messages to the listeners registered under the daemon's callback ids
 * (REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY). Runs on the connection's reader thread;
 * an event for no listener (registered a moment ago, or just deregistered) is dropped, as is one
 * this client cannot decode, and a listener's exception does not end the connection.
 */
final class DomainEventHub implements Consumer<Message> {
    private final Map<Integer, Consumer<LifecycleEvent>> lifecycle = new ConcurrentHashMap<>();

    void addLifecycle(int callbackId, Consumer<LifecycleEvent> listener) {
        lifecycle.put(callbackId, listener);
    }

    void remove(int callbackId) {
        lifecycle.remove(callbackId);
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
            int callbackId = in.readInt();
            RemoteTypes.DomainRef domain = RemoteTypes.readDomain(in);
            int event = in.readInt();
            int detail = in.readInt();
            Consumer<LifecycleEvent> listener = lifecycle.get(callbackId);
            if (listener != null) {
                LifecycleEvent.Type.of(event).ifPresent(type -> {
                    try {
                        listener.accept(new LifecycleEvent(domain.name(), domain.uuid(), type, detail));
                    } catch (RuntimeException e) {
                        // the listener's own failure; the connection goes on
                    }
                });
            }
        } catch (XdrException e) {
            // an event this client cannot decode is dropped
        }
    }
}
