import Foundation
import ArgumentParser
import Scenario
import GeoKit

@main
struct CareSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caresite",
        abstract: "Plan under-3 childcare (托育) facilities: flag communities lacking care, propose sites.",
        version: CareSiteVersion.current,
        subcommands: [FlagCommand.self, SiteCommand.self, RunCommand.self, CompareCommand.self, PriorityCommand.self])
}

/// Prints a run's failure the way a planner can act on it, and exits non-zero.
func fail(_ error: Error) -> ExitCode {
    Interruption.shared.waitIfInterrupted()
    var stderr = StandardError()
    print("caresite: error: \(error)", to: &stderr)
    return ExitCode(1)
}

/// The run's warnings, on stderr: what the tool had to guess or repair, for the person at the terminal
/// (summary.json keeps them too).
func printWarnings(_ json: JSONValue?) {
    guard case .array(let items)? = json?["warnings"] else { return }
    var stderr = StandardError()
    for case .string(let w) in items { print("caresite: warning: \(w)", to: &stderr) }
}

/// Runs a library check as argument-parser's validation: a bad number is a usage error, said before
/// anything is read.
func validated(_ check: () throws -> Void) throws {
    do { try check() } catch let e as InputError { throw ValidationError(e.message) }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
