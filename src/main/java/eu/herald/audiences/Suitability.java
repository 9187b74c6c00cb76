package eu.herald.audiences;

/** How well a channel reaches an audience, from the audience × channel matrix. */
public enum Suitability {
    GOOD,
    LIMITED,
    POOR
}
