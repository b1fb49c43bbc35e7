public enum CareSiteVersion {
    public static let current = "0.1.0"
}
