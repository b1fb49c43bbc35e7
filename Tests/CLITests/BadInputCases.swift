import Foundation

extension BadInputCorpus {
    static func p(_ name: String) -> String { path(name) }
    static let out = "$OUT"

    static var flag: [String] { ["flag", "--communities", p("c.geojson"), "--facilities", p("f.geojson"), "--out", out] }
    static var site: [String] {
        ["site", "--communities", p("c.geojson"), "--facilities", p("f.geojson"), "--candidates", p("k.geojson"), "--p", "1",
         "--out", out, "--quiet"]
    }
    static var priority: [String] {
        ["priority", "check", "--list", p("list.csv"), "--communities", p("c.geojson"), "--candidates", p("k.geojson"), "--out", out]
    }

    /// `base` with the value after `option` replaced (or the pair added).
    static func with(_ base: [String], _ option: String, _ value: String) -> [String] {
        if let i = base.firstIndex(of: option) { var b = base; b[i + 1] = value; return b }
        return base + [option, value]
    }

    static func c(_ name: String, _ args: [String], _ exit: Int32, _ word: String) -> BadInputCase {
        BadInputCase(name: name, args: args, exit: exit, word: word)
    }

    /// Every numeric option of every command, with values out of range, NaN, infinite or not numbers.
    static var numericCases: [BadInputCase] {
        var cases: [BadInputCase] = []
        for (cmd, base) in [("flag", flag), ("site", site), ("priority", priority)] {
            for option in ["--radius", "--places-per-1000", "--max-snap-m"] {
                for value in ["-5", "nan", "inf", "1e300", "abc"] {
                    cases.append(c("\(cmd) \(option) \(value)", with(base, option, value), 64, option))
                }
            }
            cases.append(c("\(cmd) --radius 0", with(base, "--radius", "0"), 64, "--radius"))
        }
        let siteValues: [(String, [String])] = [
            ("--p", ["-5", "0", "abc", "2000000"]), ("--budget", ["-1", "0", "nan", "inf", "1e300"]),
            ("--curve", ["0", "-1", "5000"]), ("--time-limit", ["-1", "nan", "inf", "1e9"]), ("--gap-tolerance", ["-1", "nan", "101"]),
        ]
        for (option, values) in siteValues {
            for v in values {
                let base = option == "--budget" ? site.filter { $0 != "--p" && $0 != "1" } : site
                cases.append(c("site \(option) \(v)", with(base, option, v), 64, option))
            }
        }
        for v in ["-5", "0", "nan", "1e300"] {
            cases.append(c("site --max-distance \(v)", with(with(site, "--objective", "distance"), "--max-distance", v), 64, "--max-distance"))
        }
        for (option, v) in [("--min-gain", "-1"), ("--min-gain", "nan"), ("--min-gain", "101"), ("--budget", "-1"), ("--budget", "nan"),
                            ("--time-limit", "-1")] {
            cases.append(c("priority \(option) \(v)", with(priority, option, v), 64, option))
        }
        for v in ["1800", "abc"] {
            cases.append(c("flag --new-since \(v)", with(with(flag, "--built-year-field", "year"), "--new-since", v), 64, "--new-since"))
        }
        return cases
    }

    /// Constraint options: out of range, malformed quotas, unknown words, a plan that cannot exist.
    static var constraintCases: [BadInputCase] {
        var cases: [BadInputCase] = []
        for v in ["0", "-1", "abc", "101", "nan"] { cases.append(c("site --min-per-street \(v)", with(site, "--min-per-street", v), 64, "--min-per-street")) }
        for v in ["kindergarten", "=3", "a=x", "a=-1", "a=1.5"] { cases.append(c("site --kind-min \(v)", with(site, "--kind-min", v), 64, "--kind-min")) }
        cases.append(c("site --kind-min above --kind-max", with(with(site, "--kind-min", "a=3"), "--kind-max", "a=1"), 64, "is above --kind-max"))
        for v in ["-1", "nan", "inf"] {
            cases.append(c("site --must-serve-population \(v)", with(site, "--must-serve-population", v), 64, "--must-serve-population"))
        }
        cases.append(c("site --must-serve-status bogus", with(site, "--must-serve-status", "bogus"), 64, "--must-serve-status"))
        cases.append(c("site where-feasible alone", site + ["--min-per-street-where-feasible"], 64, "needs --min-per-street"))
        cases.append(c("site --kind-min of no candidate", with(site, "--kind-min", "nursery=1"), 1, "kinds present"))
        return cases
    }

    static var all: [BadInputCase] { numericCases + fileCases + optionCases + scenarioCases + compareCases + constraintCases }
}
