package org.virtxml.io;

import org.w3c.dom.Element;

/** Where a kept (untyped) child element stood in the source, and a copy of it as read. */
record KeptSource(int start, int end, Element asRead, ElementSource parent) implements SourceNode {}
