import Foundation

/// Runs a command and measures its wall time and peak resident memory (from wait4's rusage).
enum Runner {
    struct Result { let seconds: Double; let peakMB: Double; let stdout: String }

    /// `timeout`: killed after that many seconds (a peer that does not stop at its own limit), then an error.
    static func run(_ binary: String, _ arguments: [String], timeout: Double? = nil) throws -> Result {
        let outPath = NSTemporaryDirectory() + "caresite-bench-out-\(getpid())"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        let out = FileHandle(forWritingAtPath: outPath)!
        var fileActions: posix_spawn_file_actions_t = .init()
        posix_spawn_file_actions_init(&fileActions)
        posix_spawn_file_actions_adddup2(&fileActions, out.fileDescriptor, 1)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = Date()
        var pid: pid_t = 0
        guard posix_spawn(&pid, binary, &fileActions, nil, argv, environ) == 0 else {
            throw BenchError("cannot run \(binary)")
        }
        var status: Int32 = 0
        var usage = rusage()
        var killed = false
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if let timeout, !killed, Date().timeIntervalSince(start) > timeout { kill(pid, SIGKILL); killed = true }
            usleep(2_000)   // a 0.1 s run is timed to a few ms
        }
        let seconds = Date().timeIntervalSince(start)
        if killed { throw Killed(seconds: seconds, binary: binary) }
        try out.close()
        let text = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        guard status == 0 else { throw BenchError("\(binary) \(arguments.joined(separator: " ")) failed (status \(status))\n\(text)") }
        return Result(seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024, stdout: text)
    }
}

/// A run killed at its timeout: the peer did not stop at its own time limit.
struct Killed: Error, CustomStringConvertible {
    let seconds: Double
    let binary: String
    var description: String { "\(binary) killed after \(Int(seconds)) s (did not stop at its time limit)" }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
