import Foundation

/// Whether a residential area is newly built (must deliver its own nursery with the housing) or old
/// and built-up (must get one by purchase, replacement or lease). See docs/policy.md.
public enum CommunityStatus: String, Sendable, CaseIterable {
    case new, old, unknown

    /// Words accepted in a status field, English and Chinese.
    public static let vocabulary: [String: CommunityStatus] = [
        "new": .new, "新建": .new, "新": .new, "新区": .new,
        "old": .old, "老旧": .old, "老": .old, "既有": .old, "已建成": .old, "老旧小区": .old,
        "unknown": .unknown, "未知": .unknown,
    ]

    /// Nil when the text is not a status word; an empty text is `unknown`.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t.isEmpty { self = .unknown; return }
        guard let s = CommunityStatus.vocabulary[t] else { return nil }
        self = s
    }

    /// Built in `newSince` or later → new, else old.
    public init(builtYear: Int, newSince: Int) {
        self = builtYear >= newSince ? .new : .old
    }
}
