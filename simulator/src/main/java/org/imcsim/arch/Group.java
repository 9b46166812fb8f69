package org.imcsim.arch;

import org.imcsim.component.Component;

/** A named container of components (a layer, a copy of a layer): structure only, no behaviour. */
public final class Group extends Component {
    /** A group under {@code parent}. */
    public Group(Component parent, String name) {
        super(parent, name);
    }
}
