package ai.andy.email;

/** A mailbox as shown in a header: {@code name} may be null. */
public record EmailAddress(String name, String address) {

    /** {@code Name <address>} or the bare address. */
    public String formatted() {
        return name == null || name.isBlank() ? address : name + " <" + address + ">";
    }
}
