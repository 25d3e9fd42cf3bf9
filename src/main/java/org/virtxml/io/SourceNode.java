package org.virtxml.io;

/** A child element as it stood in the source text: typed ({@link ElementSource}) or kept ({@link KeptSource}). */
sealed interface SourceNode permits ElementSource, KeptSource {
    int start();

    int end();
}
