/// How many new sites may open: a number, or a total cost.
public enum SiteLimit: Sendable, Equatable {
    case count(Int)
    case budget(Double)
}
