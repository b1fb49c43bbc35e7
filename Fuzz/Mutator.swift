import Foundation

/// Deterministic random numbers (SplitMix64), so that a seed replays a run.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
}

/// Mutations of an input file: of its bytes, and of its JSON numbers, strings and keys, towards the
/// values that broke the tool before (huge, NaN, infinite, negative, booleans, hex, empty, bad bytes).
enum Mutator {
    static let numbers = ["1e308", "-1e308", "1e400", "NaN", "-0", "0", "-1", "1e22", "99999999999999999999", "true", "null",
                          "\"x\"", "\"0x10\"", "\"inf\"", "[1,2]", "{}", "\"\"", "4.9e-324", "-1e-300"]
    static let strings = ["\"\"", "\"\\u0000\"", "\"城关街道城关街道城关街道城关街道\"", "null", "1e300", "\"new\"", "\"F1\"", "\"A\""]

    static func mutate(_ data: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
        var bytes = data
        for _ in 0...rng.below(3) {
            switch rng.below(7) {
            case 0: replaceToken(&bytes, numberish: true, &rng)
            case 1: replaceToken(&bytes, numberish: false, &rng)
            case 2 where !bytes.isEmpty: bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
            case 3 where !bytes.isEmpty: bytes = Array(bytes.prefix(rng.below(bytes.count)))
            case 4 where bytes.count > 8:
                let a = rng.below(bytes.count), n = rng.below(min(200, bytes.count - a))
                bytes.insert(contentsOf: bytes[a..<(a + n)], at: rng.below(bytes.count))
            case 5: bytes.insert(contentsOf: rng.pick([[0xFF, 0xFE], [0xC3], [0xB3, 0xC7], [0x00]]), at: rng.below(bytes.count + 1))
            default: replaceToken(&bytes, numberish: true, &rng)
            }
        }
        return bytes
    }

    /// Replaces a JSON number (or a string) at a random place by one of the troublesome values.
    static func replaceToken(_ bytes: inout [UInt8], numberish: Bool, _ rng: inout SplitMix) {
        guard !bytes.isEmpty else { return }
        let start = rng.below(bytes.count)
        let isNumber = { (b: UInt8) in (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E || b == 0x65 || b == 0x45 || b == 0x2B }
        if numberish {
            guard let s = bytes[start...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return }
            var b = s, e = s
            while b > 0, isNumber(bytes[b - 1]) { b -= 1 }
            while e < bytes.count, isNumber(bytes[e]) { e += 1 }
            bytes.replaceSubrange(b..<e, with: Array(rng.pick(numbers).utf8))
        } else {
            guard let q = bytes[start...].firstIndex(of: 0x22), let end = bytes[(q + 1)...].firstIndex(of: 0x22) else { return }
            bytes.replaceSubrange(q...end, with: Array(rng.pick(strings).utf8))
        }
    }

    /// Option values that once crashed or were taken silently.
    static let optionValues = ["nan", "inf", "-inf", "1e300", "-5", "0", "-0", "abc", "", "1e-300", "3", "1e9"]
    static let numericOptions = ["--radius", "--places-per-1000", "--max-snap-m", "--p", "--budget", "--max-distance", "--curve",
                                 "--time-limit", "--gap-tolerance"]
}
